import { isAppError } from '../core/app-error.js';
import { evaluateOsvAffected } from '../core/range/osv-affected.js';
import { indexOsvAffected, type OsvAffectedIndex } from '../core/range/osv-affected-index.js';
import type { RangeStatus, RangeVerdict } from '../core/range/range-verdict.js';
import { containsVersion, parseVers } from '../core/range/vers.js';
import type { AffectedPackage } from '../core/vulnerability-affected-package.js';
import { compareVersions } from '../core/version/version-comparison.js';
import type { VersionScheme } from '../core/version/version-scheme.js';
import { semverVersionScheme, versionSchemeForEcosystem } from '../core/version/version-schemes.js';
import { affectedEntryLists, type AdvisoryIndex, type IndexedAffected } from './advisory-index.js';
import type { ComponentTarget } from './component-target.js';
import type { Finding, FindingComponent, FindingStatus } from './finding.js';
import type { PackageKey } from './package-key.js';

/** An entry's answer at a version: the status decides; the verdict is built only for the entry that decides. */
interface Judged {
  readonly entry: IndexedAffected;
  /** Position of the entry in the package's list. */
  readonly at: number;
  readonly status: RangeStatus;
}

/** What the package's entries and the version alone decide for one vulnerability: a finding without its component. */
interface Outcome {
  readonly status: FindingStatus;
  readonly entry: IndexedAffected;
  readonly verdict: RangeVerdict;
  readonly notes: readonly string[];
  readonly fixedVersions: readonly string[];
}

/**
 * Findings from the OSV entries filed under the component's package key, one per vulnerability.
 * An entry that says `affected` decides; otherwise one that cannot order the version (or cannot
 * be evaluated from a version at all, like a GIT-only range) gives `unknown-version`; only when
 * every entry says `not-affected` is there no finding.
 */
export function matchAffectedEntries(options: {
  readonly target: ComponentTarget & { readonly key: PackageKey };
  readonly index: AdvisoryIndex;
  readonly component: FindingComponent;
}): Finding[] {
  const { target, index, component } = options;
  const matcher = packageMatcherFor(index, target.key);
  if (matcher === undefined) return [];
  return outcomesAt(index, matcher, target.version).map((outcome) => toFinding({ outcome, target, component }));
}

/**
 * The entries of one package key, prepared once: grouped by vulnerability (in the order the
 * vulnerabilities first appear) and indexed by version (src/core/range/osv-affected-index.ts),
 * so a component meets only the entries that do not say `not-affected`, instead of all of them.
 */
interface PackageMatcher {
  /** Outcomes by component version (undefined: no version), while the index's budget allows. */
  readonly outcomes: Map<string | undefined, readonly Outcome[]>;
  /** The index's lists the entries came from, to notice an index changed under the cache. */
  readonly lists: readonly (readonly IndexedAffected[] | undefined)[];
  readonly listLengths: readonly number[];
  readonly entries: readonly IndexedAffected[];
  /** Vendor of a release-less distribution key, whose entries are decided across releases. */
  readonly acrossReleasesOf: string | undefined;
  /** The OSV part (ranges and versions) of every entry, indexed. */
  readonly osv: OsvAffectedIndex;
  /** Entries with a `vers` range (CSAF): judged one by one, whatever the OSV part says. */
  readonly versAt: readonly number[];
  /** Entries grouped by vulnerability, made when a version first concerns some entry. */
  grouping: Grouping | undefined;
}

interface Grouping {
  /** Vulnerability group of each entry; groups are numbered in order of first appearance. */
  readonly groupOf: readonly number[];
  readonly groups: readonly (readonly number[])[];
}

/** Prepared matchers and remembered outcomes of one advisory index; they go when the index goes. */
interface IndexCache {
  /** Matchers by package key, and by release-less distribution key (decided across releases). */
  readonly matchers: Map<string, PackageMatcher>;
  readonly acrossReleases: Map<string, PackageMatcher>;
  /** Every remembered outcome list, oldest first, so the oldest go once `outcomeBudget` is spent. */
  remembered: { readonly matcher: PackageMatcher; readonly version: string | undefined; readonly cost: number }[];
  cost: number;
}

const caches = new WeakMap<AdvisoryIndex, IndexCache>();

/** Package keys whose prepared entries are kept per index; past it they are all dropped. */
const matcherCapacity = 20_000;

/**
 * Outcomes (plus one per remembered version) kept per index. A portfolio repeats the same
 * package versions across many products; past the budget the oldest versions are forgotten.
 */
const outcomeBudget = 100_000;

function cacheOf(index: AdvisoryIndex): IndexCache {
  let cache = caches.get(index);
  if (cache === undefined) {
    cache = { matchers: new Map(), acrossReleases: new Map(), remembered: [], cost: 0 };
    caches.set(index, cache);
  }
  return cache;
}

function packageMatcherFor(index: AdvisoryIndex, key: PackageKey): PackageMatcher | undefined {
  const acrossReleasesOf = key.distro !== undefined && key.distro.release === undefined ? key.distro.vendor : undefined;
  const cache = cacheOf(index);
  const matchers = acrossReleasesOf === undefined ? cache.matchers : cache.acrossReleases;
  const known = matchers.get(key.key);
  // The index is not meant to change; if its lists did anyway, the matcher is made again.
  if (known !== undefined && known.lists.every((list, i) => (list?.length ?? 0) === known.listLengths[i])) {
    const primary =
      key.distro !== undefined && acrossReleasesOf !== undefined
        ? index.byDistroBase.get(key.distro.baseKey)
        : index.byKey.get(key.key);
    if (primary === known.lists[0]) return known;
  }
  const lists = affectedEntryLists(index, key);
  if (lists.every((list) => list === undefined || list.length === 0)) return undefined;
  const matcher = buildPackageMatcher(lists, acrossReleasesOf);
  if (cache.matchers.size + cache.acrossReleases.size >= matcherCapacity) {
    // Start over rather than track use: matchers are cheap to make again, outcomes go with them.
    cache.matchers.clear();
    cache.acrossReleases.clear();
    cache.remembered = [];
    cache.cost = 0;
  }
  matchers.set(key.key, matcher);
  return matcher;
}

function buildPackageMatcher(
  lists: readonly (readonly IndexedAffected[] | undefined)[],
  acrossReleasesOf: string | undefined,
): PackageMatcher {
  const entries = lists.length === 1 ? (lists[0] ?? []) : lists.flatMap((list) => list ?? []);
  const versAt: number[] = [];
  entries.forEach((entry, at) => {
    if (entry.affected.vers !== undefined) versAt.push(at);
  });
  return {
    outcomes: new Map(),
    lists,
    listLengths: lists.map((list) => list?.length ?? 0),
    entries,
    acrossReleasesOf,
    osv: indexOsvAffected(entries.map((entry) => entry.affected)),
    versAt,
    grouping: undefined,
  };
}

function groupingOf(matcher: PackageMatcher): Grouping {
  if (matcher.grouping !== undefined) return matcher.grouping;
  const groupOf: number[] = [];
  const groups: number[][] = [];
  const groupById = new Map<string, number>();
  matcher.entries.forEach((entry, at) => {
    let group = groupById.get(entry.vulnerability.id);
    if (group === undefined) {
      group = groups.length;
      groupById.set(entry.vulnerability.id, group);
      groups.push([]);
    }
    groupOf.push(group);
    groups[group]?.push(at);
  });
  matcher.grouping = { groupOf, groups };
  return matcher.grouping;
}

/** The outcomes for `version`, remembered per package and version. */
function outcomesAt(index: AdvisoryIndex, matcher: PackageMatcher, version: string | undefined): readonly Outcome[] {
  const known = matcher.outcomes.get(version);
  if (known !== undefined) return known;
  const outcomes = computeOutcomes(matcher, version);
  const cache = cacheOf(index);
  const cost = outcomes.length + 1;
  matcher.outcomes.set(version, outcomes);
  cache.remembered.push({ matcher, version, cost });
  cache.cost += cost;
  if (cache.cost > outcomeBudget) {
    let forgotten = 0;
    for (const oldest of cache.remembered) {
      if (cache.cost <= outcomeBudget / 2) break;
      oldest.matcher.outcomes.delete(oldest.version);
      cache.cost -= oldest.cost;
      forgotten += 1;
    }
    cache.remembered = cache.remembered.slice(forgotten);
  }
  return outcomes;
}

function computeOutcomes(matcher: PackageMatcher, version: string | undefined): Outcome[] {
  const { entries } = matcher;
  const found = new Map<number, { readonly status: RangeStatus; readonly verdict?: RangeVerdict }>();
  if (version === undefined || version === '') {
    // Nothing can be placed: every entry says unknown-version.
    entries.forEach((_, at) => found.set(at, { status: 'unknown-version' }));
  } else {
    for (const hit of matcher.osv.hitsAt(version)) found.set(hit.index, hit);
    for (const at of matcher.versAt) {
      const verdict = judge(entries[at] as IndexedAffected, version);
      if (verdict.status === 'not-affected') found.delete(at);
      else found.set(at, { status: verdict.status, verdict });
    }
  }
  if (found.size === 0) return [];
  const { groupOf, groups } = groupingOf(matcher);
  const touched = [...new Set([...found.keys()].map((at) => groupOf[at] as number))].sort((a, b) => a - b);
  const outcomes: Outcome[] = [];
  for (const group of touched) {
    const judged = (groups[group] ?? []).map((at): Judged => ({
      entry: entries[at] as IndexedAffected,
      at,
      status: found.get(at)?.status ?? 'not-affected',
    }));
    const decision =
      matcher.acrossReleasesOf === undefined ? decide(judged) : decideAcrossReleases(judged, matcher.acrossReleasesOf);
    if (decision === undefined) continue;
    const { entry, at } = decision.deciding;
    outcomes.push({
      status: decision.status,
      entry,
      verdict: found.get(at)?.verdict ?? judge(entry, version),
      notes: decision.notes,
      fixedVersions: fixedVersions(entry, version),
    });
  }
  return outcomes;
}

function judge(entry: IndexedAffected, version: string | undefined): RangeVerdict {
  if (version === undefined || version === '') {
    return {
      status: 'unknown-version',
      reason: 'the component has no version, so it cannot be placed against the ranges',
    };
  }
  const { affected } = entry;
  if (affected.vers === undefined) return evaluateOsvAffected(affected, version);
  const byVers = evaluateVers(affected.vers, version);
  if (affected.ranges.length === 0 && affected.versions.length === 0) return byVers;
  const byOsv = evaluateOsvAffected(affected, version);
  // Any part saying affected decides; a part that cannot place the version outranks "not affected".
  const verdicts = [byVers, byOsv];
  return (
    verdicts.find((v) => v.status === 'affected') ??
    verdicts.find((v) => v.status === 'unknown-version' || v.status === 'not-evaluated') ??
    byOsv
  );
}

/** A `vers` range of an entry (CSAF); text that does not parse as vers cannot place any version. */
function evaluateVers(text: string, version: string): RangeVerdict {
  try {
    return containsVersion(parseVers(text), version);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: 'unknown-version', range: text, reason: `the range cannot be evaluated: ${error.message}` };
  }
}

interface Decision {
  readonly status: FindingStatus;
  readonly deciding: Judged;
  readonly notes: readonly string[];
}

function decide(judged: readonly Judged[]): Decision | undefined {
  const affected = judged.find((j) => j.status === 'affected');
  if (affected !== undefined) return { status: 'affected', deciding: affected, notes: [] };
  const undecided = judged.find((j) => j.status === 'unknown-version' || j.status === 'not-evaluated');
  if (undecided === undefined) return undefined;
  const notes =
    undecided.status === 'not-evaluated'
      ? ['the entry cannot be evaluated from a version alone; kept as unknown-version']
      : [];
  return { status: 'unknown-version', deciding: undecided, notes };
}

/**
 * A distribution component without a release (`distro` qualifier) met entries of several
 * releases. Backports make the answer differ by release, so it is `affected` only when every
 * release's entry says so; when some do, it is `unknown-version`, naming the releases.
 */
function decideAcrossReleases(judged: readonly Judged[], vendor: string): Decision | undefined {
  const within = decide(judged);
  if (within === undefined) return undefined;
  const releaseOf = (j: Judged): string => j.entry.key.distro?.release ?? '?';
  const hit = judged.filter((j) => j.status === 'affected').map(releaseOf);
  const rest = judged.filter((j) => j.status !== 'affected').map(releaseOf);
  const note = `the component's ${vendor} release is unknown (no distro qualifier): affected in ${
    hit.length === 0 ? 'no release' : hit.join(', ')
  }${rest.length === 0 ? '' : `; not shown affected in ${rest.join(', ')}`}`;
  if (within.status === 'affected' && rest.length === 0) return { ...within, notes: [...within.notes, note] };
  return { status: 'unknown-version', deciding: within.deciding, notes: [...within.notes, note] };
}

function toFinding(options: {
  readonly outcome: Outcome;
  readonly target: ComponentTarget;
  readonly component: FindingComponent;
}): Finding {
  const { outcome, target } = options;
  const { vulnerability, affected, affectedIndex, key } = outcome.entry;
  const { verdict } = outcome;
  return {
    vulnerabilityId: vulnerability.id,
    aliases: vulnerability.aliases,
    component: options.component,
    status: outcome.status,
    fixedVersions: [...outcome.fixedVersions],
    evidence: {
      source: vulnerability.source,
      ...(vulnerability.sourceUrl === undefined ? {} : { sourceUrl: vulnerability.sourceUrl }),
      method: 'package-key',
      confidence: 'high',
      identity: {
        origin: target.origin,
        ...(target.purl === undefined ? {} : { purl: target.purl }),
        ...(target.note === undefined ? {} : { note: target.note }),
      },
      matched: {
        kind: 'osv-affected',
        affectedIndex,
        ecosystem: affected.ecosystemQualified,
        package: affected.name,
        packageKey: key.key,
      },
      ...(verdict.range === undefined ? {} : { range: verdict.range }),
      ...(verdict.event === undefined ? {} : { event: verdict.event }),
      ...(target.version === undefined ? {} : { version: target.version }),
      ...(verdict.scheme === undefined ? {} : { scheme: verdict.scheme }),
      reason: verdict.reason,
      notes: [...target.notes, ...outcome.notes],
    },
  };
}

/**
 * The `fixed` events of the deciding entry's ranges that lie above the component's version
 * (every one of them when the version cannot be ordered), deduplicated in range order.
 */
function fixedVersions(deciding: IndexedAffected, version: string | undefined): string[] {
  const { affected } = deciding;
  const ecosystemScheme = versionSchemeForEcosystem(affected.ecosystemQualified);
  const out: string[] = [];
  for (const range of affected.ranges) {
    const scheme =
      range.type === 'SEMVER' ? semverVersionScheme : range.type === 'ECOSYSTEM' ? ecosystemScheme : undefined;
    if (scheme === undefined) continue;
    for (const event of range.events) {
      if (event.kind !== 'fixed' || out.includes(event.version)) continue;
      const order = version === undefined ? undefined : compareVersions(scheme, event.version, version);
      if (order === undefined || order.kind === 'unknown-version' || order.order > 0) out.push(event.version);
    }
  }
  for (const fixed of listedFixedVersions(affected, ecosystemScheme, version)) {
    if (!out.includes(fixed)) out.push(fixed);
  }
  return out;
}

/** The entry's `fixedVersions` above the component's version (all of them when no order is known). */
function listedFixedVersions(
  affected: AffectedPackage,
  scheme: VersionScheme | undefined,
  version: string | undefined,
): string[] {
  return (affected.fixedVersions ?? []).filter((fixed) => {
    if (scheme === undefined || version === undefined) return true;
    const order = compareVersions(scheme, fixed, version);
    return order.kind === 'unknown-version' || order.order > 0;
  });
}
