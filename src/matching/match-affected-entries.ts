import { isAppError } from '../core/app-error.js';
import { evaluateOsvAffected } from '../core/range/osv-affected.js';
import type { RangeVerdict } from '../core/range/range-verdict.js';
import { containsVersion, parseVers } from '../core/range/vers.js';
import type { AffectedPackage } from '../core/vulnerability-affected-package.js';
import { compareVersions } from '../core/version/version-comparison.js';
import type { VersionScheme } from '../core/version/version-scheme.js';
import { semverVersionScheme, versionSchemeForEcosystem } from '../core/version/version-schemes.js';
import { affectedEntriesFor, type AdvisoryIndex, type IndexedAffected } from './advisory-index.js';
import type { ComponentTarget } from './component-target.js';
import type { Finding, FindingComponent, FindingStatus } from './finding.js';
import type { PackageKey } from './package-key.js';

interface Judged {
  readonly entry: IndexedAffected;
  readonly verdict: RangeVerdict;
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
  const byVulnerability = new Map<string, IndexedAffected[]>();
  for (const entry of affectedEntriesFor(index, target.key)) {
    const list = byVulnerability.get(entry.vulnerability.id);
    if (list === undefined) byVulnerability.set(entry.vulnerability.id, [entry]);
    else list.push(entry);
  }
  const findings: Finding[] = [];
  for (const entries of byVulnerability.values()) {
    const judged = entries.map((entry) => ({ entry, verdict: judge(entry, target.version) }));
    const decision =
      target.key.distro !== undefined && target.key.distro.release === undefined
        ? decideAcrossReleases(judged, target.key.distro.vendor)
        : decide(judged);
    if (decision === undefined) continue;
    findings.push(toFinding({ ...decision, target, component }));
  }
  return findings;
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
  const affected = judged.find((j) => j.verdict.status === 'affected');
  if (affected !== undefined) return { status: 'affected', deciding: affected, notes: [] };
  const undecided = judged.find((j) => j.verdict.status === 'unknown-version' || j.verdict.status === 'not-evaluated');
  if (undecided === undefined) return undefined;
  const notes =
    undecided.verdict.status === 'not-evaluated'
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
  const hit = judged.filter((j) => j.verdict.status === 'affected').map(releaseOf);
  const rest = judged.filter((j) => j.verdict.status !== 'affected').map(releaseOf);
  const note = `the component's ${vendor} release is unknown (no distro qualifier): affected in ${
    hit.length === 0 ? 'no release' : hit.join(', ')
  }${rest.length === 0 ? '' : `; not shown affected in ${rest.join(', ')}`}`;
  if (within.status === 'affected' && rest.length === 0) return { ...within, notes: [...within.notes, note] };
  return { status: 'unknown-version', deciding: within.deciding, notes: [...within.notes, note] };
}

function toFinding(options: {
  readonly status: FindingStatus;
  readonly deciding: Judged;
  readonly notes: readonly string[];
  readonly target: ComponentTarget;
  readonly component: FindingComponent;
}): Finding {
  const { deciding, target } = options;
  const { vulnerability, affected, affectedIndex, key } = deciding.entry;
  const verdict = deciding.verdict;
  return {
    vulnerabilityId: vulnerability.id,
    aliases: vulnerability.aliases,
    component: options.component,
    status: options.status,
    fixedVersions: fixedVersions(deciding, target.version),
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
      notes: [...target.notes, ...options.notes],
    },
  };
}

/**
 * The `fixed` events of the deciding entry's ranges that lie above the component's version
 * (every one of them when the version cannot be ordered), deduplicated in range order.
 */
function fixedVersions(deciding: Judged, version: string | undefined): string[] {
  const { affected } = deciding.entry;
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
