import { readVersion } from '../version/define-version-scheme.js';
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

/** A range event with its version parsed, as a prepared range holds it. */
export interface PlacedEvent extends OsvEvent {
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

/**
 * What a range says independently of the version evaluated against it: either a status every
 * version gets (a GIT range, an unknown type, no scheme, an unreadable or unorderable event),
 * or its events sorted by `scheme`, which decide every version that `scheme` can read
 * (`osvRangeContains`). Mirrors `evaluateOsvRange` exactly.
 */
export type OsvRangeShape =
  { readonly scheme: VersionScheme; readonly events: readonly PlacedEvent[] } | 'not-evaluated' | 'unknown-version';

/**
 * The shape of a range as `evaluateOsvRange(range, v, { ecosystemScheme })` sees it, for any
 * `v`. Not remembered: the caller keeps it (an index of a package's entries holds their shapes).
 */
export function osvRangeShape(range: OsvRangeInput, ecosystemScheme: VersionScheme | undefined): OsvRangeShape {
  if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') return 'not-evaluated';
  const scheme = range.type === 'SEMVER' ? semverVersionScheme : ecosystemScheme;
  if (scheme === undefined) return 'not-evaluated';
  const placement = placeEvents(range, scheme);
  if (Array.isArray(placement)) return { scheme, events: placement };
  return 'unreadable' in placement ? 'not-evaluated' : 'unknown-version';
}

/**
 * Whether a version is inside a range of sorted events, given only how it orders against each
 * event (`order(e)`: negative below, zero at, positive above `e`; never called for the
 * unbounded `introduced: "0"` and `limit: "*"`). The same loop as the evaluation, without the
 * explanation: an index can ask it about a position on the version line instead of a version.
 */
export function osvRangeAffects(events: readonly PlacedEvent[], order: (e: PlacedEvent) => number): boolean {
  const ordered = boundedOrder(order);
  const { opened } = walkEvents(events, ordered);
  if (opened === undefined) return false;
  let limited = false;
  for (const e of events) {
    if (e.kind !== 'limit') continue;
    limited = true;
    if (ordered(e) < 0) return true;
  }
  return !limited;
}

/**
 * `osvRangeAffects` for a version `scheme` has parsed, without building anything: the same
 * comparisons the evaluation makes, in the same order, for callers that only need the status.
 */
export function osvRangeContains(events: readonly PlacedEvent[], scheme: VersionScheme, v: ParsedVersion): boolean {
  let opened = false;
  for (const e of events) {
    const order = e.parsed === undefined ? (e.kind === 'introduced' ? 1 : -1) : undefined;
    if (e.kind === 'introduced') {
      if ((order ?? scheme.compare(v, e.parsed as ParsedVersion)) >= 0) opened = true;
    } else if (opened && e.kind === 'fixed') {
      if ((order ?? scheme.compare(v, e.parsed as ParsedVersion)) >= 0) opened = false;
    } else if (opened && e.kind === 'lastAffected') {
      if ((order ?? scheme.compare(v, e.parsed as ParsedVersion)) > 0) opened = false;
    }
  }
  if (!opened) return false;
  let limited = false;
  for (const e of events) {
    if (e.kind !== 'limit') continue;
    limited = true;
    if (e.parsed === undefined || scheme.compare(v, e.parsed) < 0) return true;
  }
  return !limited;
}

/** A range read, checked, parsed and sorted once: what every version evaluated against it shares. */
type PreparedRange = PreparedEvents | { readonly verdict: RangeVerdict };

/** A range whose events all read and ordered; its readable form is written only when a verdict needs it. */
class PreparedEvents {
  #base: { readonly range: string; readonly scheme: string } | undefined;

  constructor(
    /** Sorted by the scheme's order, ties opening before closing. */
    readonly events: readonly PlacedEvent[],
    /** As the range lists them, for the readable form. */
    private readonly read: readonly OsvEvent[],
    private readonly written: string,
    private readonly schemeName: string,
  ) {}

  get base(): { readonly range: string; readonly scheme: string } {
    this.#base ??= baseOf(this.written, this.read, this.schemeName);
    return this.#base;
  }
}

function baseOf(written: string, events: readonly OsvEvent[], scheme: string): { range: string; scheme: string } {
  return { range: `${written} ${events.map(showOsvEvent).join(', ')}`, scheme };
}

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
  const placement = placeEvents(range, scheme);
  if (Array.isArray(placement)) {
    return new PreparedEvents(placement, range.events.map(readEvent), written, scheme.name);
  }
  if ('unreadable' in placement) {
    return {
      verdict: {
        status: 'not-evaluated',
        range: written,
        reason: `event ${placement.unreadable} has not exactly one of introduced, fixed, last_affected, limit`,
      },
    };
  }
  const event = placement.unordered;
  const check = compareVersions(scheme, event.version, event.version);
  const reason = check.kind === 'unknown-version' ? check.reason : 'not a valid version';
  return {
    verdict: {
      ...baseOf(written, range.events.map(readEvent), scheme.name),
      status: 'unknown-version',
      event: showOsvEvent(event),
      reason: `the range's ${showOsvEvent(event)} cannot be ordered: ${reason}`,
    },
  };
}

/** An event known to be readable. */
function readEvent(input: OsvEventInput): OsvEvent {
  return readOsvEvent(input) as OsvEvent;
}

/** The events sorted, or why they cannot be. */
type Placement =
  | PlacedEvent[]
  /** Position of the first event that is not exactly one of the four kinds. */
  | { readonly unreadable: number }
  /** The first bound the scheme cannot read. */
  | { readonly unordered: OsvEvent };

/**
 * Reads every event, parses the bounds and sorts them: what evaluating and indexing a range
 * share. An unreadable event anywhere outranks an unorderable bound, as the evaluation reads
 * every event before it orders any.
 */
function placeEvents(range: OsvRangeInput, scheme: VersionScheme): Placement {
  const placed: PlacedEvent[] = [];
  let unordered: OsvEvent | undefined;
  for (let index = 0; index < range.events.length; index++) {
    const event = readOsvEvent(range.events[index] as OsvEventInput);
    if (event === undefined) return { unreadable: index };
    if (unordered !== undefined) continue;
    if (isUnboundedEvent(event)) {
      placed.push(event);
      continue;
    }
    const parsed = readVersion(scheme, event.version);
    if (parsed === undefined) unordered = event;
    else placed.push({ kind: event.kind, version: event.version, parsed });
  }
  if (unordered !== undefined) return { unordered };
  if (placed.length > 1) {
    placed.sort((a, b) => rank(scheme, a, b) || osvEventTieOrder[a.kind] - osvEventTieOrder[b.kind]);
  }
  return placed;
}

/** Position of an event on the version line: -1/+1 for the unbounded ones. */
function rank(scheme: VersionScheme, a: PlacedEvent, b: PlacedEvent): number {
  if (a.parsed === undefined || b.parsed === undefined) return edge(a) - edge(b);
  return scheme.compare(a.parsed, b.parsed);
}

function edge(e: PlacedEvent): number {
  return e.parsed !== undefined ? 0 : e.kind === 'introduced' ? -1 : 1;
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
  const order = boundedOrder((e) => scheme.compare(v, e.parsed as ParsedVersion));
  const version = v.original;
  const { opened, closed } = walkEvents(events, order);
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

/** Orders the unbounded events itself (`introduced: "0"` below, `limit: "*"` above every version). */
function boundedOrder(order: (e: PlacedEvent) => number): (e: PlacedEvent) => number {
  return (e) => (e.parsed === undefined ? (e.kind === 'introduced' ? 1 : -1) : order(e));
}

interface Walked {
  /** The `introduced` event still open after the last event at or below the version. */
  readonly opened: PlacedEvent | undefined;
  /** The last closing event at or below the version, with the event it closed. */
  readonly closed:
    { readonly by: PlacedEvent; readonly opened: PlacedEvent | undefined; readonly at: number } | undefined;
}

/** The OSV schema's `IsAffected` loop over sorted events. */
function walkEvents(events: readonly PlacedEvent[], order: (e: PlacedEvent) => number): Walked {
  let opened: PlacedEvent | undefined;
  let closed: Walked['closed'];
  for (const [at, e] of events.entries()) {
    if (e.kind === 'introduced' && order(e) >= 0) opened = e;
    else if (opened !== undefined && e.kind === 'fixed' && order(e) >= 0) closed = { by: e, opened, at };
    else if (opened !== undefined && e.kind === 'lastAffected' && order(e) > 0) closed = { by: e, opened, at };
    else continue;
    if (e.kind === 'introduced') closed = undefined;
    else opened = undefined;
  }
  return { opened, closed };
}
