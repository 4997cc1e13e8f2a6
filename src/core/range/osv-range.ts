import { compareVersions } from '../version/version-comparison.js';
import type { ParsedVersion, VersionScheme } from '../version/version-scheme.js';
import { semverVersionScheme } from '../version/version-schemes.js';
import {
  isUnboundedEvent,
  osvEventTieOrder,
  readOsvEvent,
  showOsvEvent,
  type OsvEvent,
  type OsvEventInput,
} from './osv-range-event.js';
import type { RangeVerdict } from './range-verdict.js';

/** One OSV `affected[].ranges[]` entry, structurally compatible with the neutral `AffectedRange`. */
export interface OsvRangeInput {
  readonly type: string;
  readonly repo?: string;
  readonly events: readonly OsvEventInput[];
}

/** How to evaluate one range: the ecosystem's scheme (for `ECOSYSTEM` ranges) and a label for reasons. */
export interface OsvRangeOptions {
  /** The ecosystem's version scheme; `ECOSYSTEM` ranges are not evaluated without one. */
  readonly ecosystemScheme?: VersionScheme;
  /** How the range is named in the verdict, e.g. `ranges[1]`. */
  readonly label?: string;
}

interface PlacedEvent extends OsvEvent {
  /** The event's version parsed by the scheme; undefined for `introduced: "0"` and `limit: "*"`. */
  readonly parsed?: ParsedVersion;
}

/**
 * Evaluates one OSV range for `version` (OSV schema "Evaluation": events sorted by the scheme's
 * order; `introduced` opens, `fixed` closes at the version, `last_affected` closes after it; the
 * version must also lie below some `limit` when limits exist). `SEMVER` ranges use SemVer 2.0
 * whatever the ecosystem; `GIT` ranges are kept but need a commit graph, so they are
 * `not-evaluated`.
 */
export function evaluateOsvRange(range: OsvRangeInput, version: string, options: OsvRangeOptions = {}): RangeVerdict {
  const label = options.label === undefined ? '' : `${options.label} `;
  const written = `${label}${range.type}`;
  if (range.type === 'GIT') {
    const repo = range.repo === undefined ? '' : ` of ${range.repo}`;
    return {
      status: 'not-evaluated',
      range: written,
      reason: `GIT range${repo} names commits; it is not evaluated without a commit and the repository history`,
    };
  }
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') {
    return { status: 'not-evaluated', range: written, reason: `unknown OSV range type '${range.type}'` };
  }
  const scheme = range.type === 'SEMVER' ? semverVersionScheme : options.ecosystemScheme;
  if (scheme === undefined) {
    return { status: 'not-evaluated', range: written, reason: 'no version ordering is known for this ecosystem' };
  }
  const prepared = prepareRange(range, scheme, written);
  if ('verdict' in prepared) return prepared.verdict;
  const own = compareVersions(scheme, version, version);
  if (own.kind === 'unknown-version') return { ...prepared.base, status: 'unknown-version', reason: own.reason };
  return decide({ events: prepared.events, v: scheme.parse(version), scheme, base: prepared.base, type: range.type });
}

/** A range read, checked, parsed and sorted once: what every version evaluated against it shares. */
type PreparedRange =
  | { readonly events: readonly PlacedEvent[]; readonly base: { readonly range: string; readonly scheme: string } }
  | { readonly verdict: RangeVerdict };

/**
 * Prepared ranges by range object and scheme. Matching evaluates every component version of a
 * package against the same advisory ranges; reading, validating and sorting their events once
 * per range (not once per component) is most of the saving. Weak keys: a range forgotten by its
 * advisory is forgotten here too.
 */
const preparedRanges = new WeakMap<OsvRangeInput, Map<string, PreparedRange>>();

function prepareRange(range: OsvRangeInput, scheme: VersionScheme, written: string): PreparedRange {
  let byScheme = preparedRanges.get(range);
  const key = `${scheme.name}\u0000${written}`;
  const known = byScheme?.get(key);
  if (known !== undefined) return known;
  const prepared = prepareUncached(range, scheme, written);
  if (byScheme === undefined) {
    byScheme = new Map();
    preparedRanges.set(range, byScheme);
  }
  byScheme.set(key, prepared);
  return prepared;
}

function prepareUncached(range: OsvRangeInput, scheme: VersionScheme, written: string): PreparedRange {
  const events: OsvEvent[] = [];
  for (const [index, input] of range.events.entries()) {
    const event = readOsvEvent(input);
    if (event === undefined) {
      return {
        verdict: {
          status: 'not-evaluated',
          range: written,
          reason: `event ${index} has not exactly one of introduced, fixed, last_affected, limit`,
        },
      };
    }
    events.push(event);
  }
  const base = { range: `${written} ${events.map(showOsvEvent).join(', ')}`, scheme: scheme.name };
  const placed: PlacedEvent[] = [];
  for (const event of events) {
    if (isUnboundedEvent(event)) {
      placed.push(event);
      continue;
    }
    const check = compareVersions(scheme, event.version, event.version);
    if (check.kind === 'unknown-version') {
      return {
        verdict: {
          ...base,
          status: 'unknown-version',
          event: showOsvEvent(event),
          reason: `the range's ${showOsvEvent(event)} cannot be ordered: ${check.reason}`,
        },
      };
    }
    placed.push({ ...event, parsed: scheme.parse(event.version) });
  }
  return { events: sortEvents(placed, scheme), base };
}

/** Position of an event on the version line: -1/+1 for the unbounded ones. */
function rank(scheme: VersionScheme, a: PlacedEvent, b: PlacedEvent): number {
  const edge = (e: PlacedEvent): number => (e.parsed !== undefined ? 0 : e.kind === 'introduced' ? -1 : 1);
  if (a.parsed === undefined || b.parsed === undefined) return edge(a) - edge(b);
  return scheme.compare(a.parsed, b.parsed);
}

function sortEvents(events: readonly PlacedEvent[], scheme: VersionScheme): PlacedEvent[] {
  return [...events].sort((a, b) => rank(scheme, a, b) || osvEventTieOrder[a.kind] - osvEventTieOrder[b.kind]);
}

interface Decision {
  readonly events: readonly PlacedEvent[];
  readonly v: ParsedVersion;
  readonly scheme: VersionScheme;
  readonly base: { readonly range: string; readonly scheme: string };
  readonly type: string;
}

/** The OSV schema's `IsAffected` loop and `BeforeLimits`, keeping the events that decided. */
function decide({ events, v, scheme, base, type }: Decision): RangeVerdict {
  const order = (e: PlacedEvent): number =>
    e.parsed === undefined ? (e.kind === 'introduced' ? 1 : -1) : scheme.compare(v, e.parsed);
  const version = v.original;
  let opened: PlacedEvent | undefined;
  let closed: { by: PlacedEvent; opened: PlacedEvent | undefined; at: number } | undefined;
  for (const [at, e] of events.entries()) {
    if (e.kind === 'introduced' && order(e) >= 0) opened = e;
    else if (opened !== undefined && e.kind === 'fixed' && order(e) >= 0) closed = { by: e, opened, at };
    else if (opened !== undefined && e.kind === 'lastAffected' && order(e) > 0) closed = { by: e, opened, at };
    else continue;
    if (e.kind === 'introduced') closed = undefined;
    else opened = undefined;
  }
  const suffix = ` (${type})`;
  if (opened === undefined) {
    if (closed !== undefined) {
      const sign = closed.by.kind === 'fixed' ? '≥' : '>';
      const since = closed.opened === undefined ? '' : `, ${showOsvEvent(closed.opened)}`;
      const next = events.slice(closed.at + 1).find((e) => e.kind === 'introduced');
      const before = next === undefined ? '' : ` and < ${showOsvEvent(next)}`;
      return {
        ...base,
        status: 'not-affected',
        event: showOsvEvent(closed.by),
        reason: `${version} ${sign} ${showOsvEvent(closed.by)}${since}${before}${suffix}`,
      };
    }
    const first = events.find((e) => e.kind === 'introduced');
    return first === undefined
      ? { ...base, status: 'not-affected', reason: `the range has no introduced event${suffix}` }
      : {
          ...base,
          status: 'not-affected',
          event: showOsvEvent(first),
          reason: `${version} < ${showOsvEvent(first)}${suffix}`,
        };
  }
  const limits = events.filter((e) => e.kind === 'limit');
  const below = limits.find((e) => order(e) < 0);
  if (limits.length > 0 && below === undefined) {
    const highest = limits[limits.length - 1] as PlacedEvent;
    return {
      ...base,
      status: 'not-affected',
      event: showOsvEvent(highest),
      reason: `${version} ≥ ${showOsvEvent(highest)}, beyond every limit of the range${suffix}`,
    };
  }
  const start = events.indexOf(opened);
  const upper = events.slice(start + 1).find((e) => e.kind === 'fixed' || e.kind === 'lastAffected');
  const bound =
    upper === undefined
      ? ', with no fix in this range'
      : ` and ${upper.kind === 'fixed' ? '<' : '≤'} ${showOsvEvent(upper)}`;
  const limit = below === undefined ? '' : ` and < ${showOsvEvent(below)}`;
  return {
    ...base,
    status: 'affected',
    event: showOsvEvent(opened),
    reason: `${version} ≥ ${showOsvEvent(opened)}${bound}${limit}${suffix}`,
  };
}
