import { describe, expect, it } from 'vitest';
import { generateOsvAdvisories, packagePoolFor } from '../../bench/generate-osv.js';
import { generatePortfolio } from '../../bench/generate-portfolio.js';
import { seededRandom } from '../../bench/seeded-random.js';
import { isAppError } from '../../src/core/app-error.js';
import { Purl } from '../../src/core/purl.js';
import { evaluateOsvAffected } from '../../src/core/range/osv-affected.js';
import type { RangeVerdict } from '../../src/core/range/range-verdict.js';
import { containsVersion, parseVers } from '../../src/core/range/vers.js';
import { newComponent, type Component } from '../../src/core/sbom.js';
import { compareVersions } from '../../src/core/version/version-comparison.js';
import { semverVersionScheme, versionSchemeForEcosystem } from '../../src/core/version/version-schemes.js';
import type { Vulnerability } from '../../src/core/vulnerability.js';
import { parseOsvValue } from '../../src/formats/osv/index.js';
import {
  affectedEntriesFor,
  buildAdvisoryIndex,
  type AdvisoryIndex,
  type IndexedAffected,
} from '../../src/matching/advisory-index.js';
import { componentTarget } from '../../src/matching/component-target.js';
import type { Finding, FindingStatus } from '../../src/matching/finding.js';
import { matchComponent } from '../../src/matching/match-component.js';

/**
 * The matcher as first written, kept as the reference: every entry of the package evaluated
 * for every component, each from a fresh copy (no prepared range, list or index can answer),
 * with the full verdict. The optimized matcher must give exactly these findings.
 */
function referenceMatch(component: Component, index: AdvisoryIndex): Finding[] | undefined {
  const target = componentTarget(component);
  const key = target.key;
  if (key === undefined) return undefined;
  const described = {
    ref: component.ref,
    name: component.name,
    ...(component.version === undefined ? {} : { version: component.version }),
    ...(component.purl === undefined ? {} : { purl: component.purl }),
    ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
  };
  const byVulnerability = new Map<string, IndexedAffected[]>();
  for (const entry of affectedEntriesFor(index, key)) {
    byVulnerability.set(entry.vulnerability.id, [...(byVulnerability.get(entry.vulnerability.id) ?? []), entry]);
  }
  const findings: Finding[] = [];
  for (const entries of byVulnerability.values()) {
    const judged = entries.map((entry) => ({ entry, verdict: judge(entry, target.version) }));
    const decision =
      key.distro !== undefined && key.distro.release === undefined
        ? acrossReleases(judged, key.distro.vendor)
        : decide(judged);
    if (decision === undefined) continue;
    const { vulnerability, affected, affectedIndex, key: entryKey } = decision.deciding.entry;
    const verdict = decision.deciding.verdict;
    findings.push({
      vulnerabilityId: vulnerability.id,
      aliases: vulnerability.aliases,
      component: described,
      status: decision.status,
      fixedVersions: fixedVersions(decision.deciding.entry, target.version),
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
          packageKey: entryKey.key,
        },
        ...(verdict.range === undefined ? {} : { range: verdict.range }),
        ...(verdict.event === undefined ? {} : { event: verdict.event }),
        ...(target.version === undefined ? {} : { version: target.version }),
        ...(verdict.scheme === undefined ? {} : { scheme: verdict.scheme }),
        reason: verdict.reason,
        notes: [...target.notes, ...decision.notes],
      },
    });
  }
  return findings;
}

interface Judged {
  readonly entry: IndexedAffected;
  readonly verdict: RangeVerdict;
}

interface Decision {
  readonly status: FindingStatus;
  readonly deciding: Judged;
  readonly notes: readonly string[];
}

function judge(entry: IndexedAffected, version: string | undefined): RangeVerdict {
  if (version === undefined || version === '') {
    return {
      status: 'unknown-version',
      reason: 'the component has no version, so it cannot be placed against the ranges',
    };
  }
  const affected = structuredClone(entry.affected);
  if (affected.vers === undefined) return evaluateOsvAffected(affected, version);
  let byVers: RangeVerdict;
  try {
    byVers = containsVersion(parseVers(affected.vers), version);
  } catch (error) {
    if (!isAppError(error)) throw error;
    byVers = {
      status: 'unknown-version',
      range: affected.vers,
      reason: `the range cannot be evaluated: ${error.message}`,
    };
  }
  if (affected.ranges.length === 0 && affected.versions.length === 0) return byVers;
  const byOsv = evaluateOsvAffected(affected, version);
  const verdicts = [byVers, byOsv];
  return (
    verdicts.find((v) => v.status === 'affected') ??
    verdicts.find((v) => v.status === 'unknown-version' || v.status === 'not-evaluated') ??
    byOsv
  );
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

function acrossReleases(judged: readonly Judged[], vendor: string): Decision | undefined {
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

function fixedVersions(entry: IndexedAffected, version: string | undefined): string[] {
  const { affected } = entry;
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
  for (const fixed of affected.fixedVersions ?? []) {
    if (out.includes(fixed)) continue;
    const order =
      ecosystemScheme === undefined || version === undefined
        ? undefined
        : compareVersions(ecosystemScheme, fixed, version);
    if (order === undefined || order.kind === 'unknown-version' || order.order > 0) out.push(fixed);
  }
  return out;
}

/**
 * Some generated records re-stated as CSAF would state them: a `vers` range next to (or instead
 * of) the OSV ranges, a few of them unreadable, and `fixedVersions`.
 */
function withVers(vulnerabilities: readonly Vulnerability[]): Vulnerability[] {
  const rng = seededRandom(11);
  return vulnerabilities.map((vulnerability) => {
    if (!rng.chance(0.15)) return vulnerability;
    return {
      ...vulnerability,
      affected: vulnerability.affected.map((affected) => {
        const type = affected.purl === undefined ? undefined : Purl.tryParse(affected.purl)?.type;
        const events = affected.ranges[0]?.events ?? [];
        const introduced = events.find((e) => e.kind === 'introduced')?.version ?? '0';
        const fixed = events.find((e) => e.kind === 'fixed')?.version;
        if (type === undefined) return affected;
        const vers = rng.chance(0.1)
          ? `vers:${type}/>=${introduced}|>=${introduced}`
          : `vers:${type}/>=${introduced === '0' ? '0.0.0' : introduced}${fixed === undefined ? '' : `|<${fixed}`}`;
        return {
          ...affected,
          vers,
          ...(rng.chance(0.5) ? { ranges: [] } : {}),
          ...(fixed === undefined ? {} : { fixedVersions: [fixed] }),
        };
      }),
    };
  });
}

/**
 * Portfolio components; the same purls without a version, with an unreadable one, and without
 * the distro qualifier; and packages at the very versions their advisories name (bounds and
 * listed versions), where a version line is most easily got wrong.
 */
function components(index: AdvisoryIndex): Component[] {
  const pool = packagePoolFor(corpus);
  const rows = [
    ...generatePortfolio({ productVersions: 30, componentsPerVersion: 60, seed: 5, packagePool: pool }),
  ].flatMap((product) => product.components);
  const out: Component[] = [];
  const rng = seededRandom(13);
  for (const [i, row] of rows.entries()) {
    out.push(newComponent({ ref: `c${i}`, name: row.name, version: row.version, purl: row.purl }));
    if (!rng.chance(0.1)) continue;
    const purl = Purl.parse(row.purl);
    const { distro: _distro, ...qualifiers } = purl.qualifiers;
    out.push(newComponent({ ref: `n${i}`, name: row.name, purl: Purl.format({ ...purl, version: null }) }));
    out.push(
      newComponent({ ref: `b${i}`, name: row.name, purl: Purl.format({ ...purl, version: 'no-such~version!' }) }),
    );
    out.push(newComponent({ ref: `r${i}`, name: row.name, purl: Purl.format({ ...purl, qualifiers }) }));
  }
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const key = componentTarget(newComponent({ ref: 'k', name: row.name, purl: row.purl })).key;
    if (key === undefined || seen.has(key.key) || seen.size >= 80) continue;
    seen.add(key.key);
    const named = new Set<string>();
    for (const { affected } of affectedEntriesFor(index, key)) {
      for (const range of affected.ranges) for (const event of range.events) named.add(event.version);
      for (const version of affected.versions) named.add(version);
    }
    const purl = Purl.parse(row.purl);
    for (const version of [...named].filter((v) => v !== '0' && v !== '*').slice(0, 40)) {
      out.push(newComponent({ ref: `v${i}-${version}`, name: row.name, purl: Purl.format({ ...purl, version }) }));
    }
  }
  // Every `last_affected` bound, at and around it, from the advisory's own purl.
  for (const entries of index.byKey.values()) {
    for (const { affected } of entries) {
      const purl = affected.purl === undefined ? undefined : Purl.tryParse(affected.purl);
      if (purl === undefined) continue;
      for (const range of affected.ranges) {
        for (const event of range.events) {
          if (event.kind !== 'lastAffected') continue;
          for (const version of [event.version, `${event.version}.1`, `${event.version}-1`]) {
            out.push(
              newComponent({ ref: `l-${version}`, name: affected.name, purl: Purl.format({ ...purl, version }) }),
            );
          }
        }
      }
    }
  }
  return out;
}

/** Seeded Fisher–Yates: a package's versions reach the matcher in no particular order. */
function shuffled<T>(items: readonly T[]): T[] {
  const rng = seededRandom(17);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const corpus = { count: 3000, seed: 3, packagesPerEcosystem: 40 } as const;

describe('matchAffectedEntries against the reference matcher', () => {
  const vulnerabilities = withVers(parseOsvValue([...generateOsvAdvisories(corpus)]).records);
  const index = buildAdvisoryIndex(vulnerabilities);
  const all = shuffled(components(index));

  it('gives exactly the reference findings for every generated component, twice over', () => {
    let compared = 0;
    const statuses = new Map<string, number>();
    const references = new Map<Component, Finding[]>();
    for (const component of all) {
      const reference = referenceMatch(component, index);
      if (reference === undefined) continue;
      references.set(component, reference);
      compared += 1;
      for (const finding of reference) statuses.set(finding.status, (statuses.get(finding.status) ?? 0) + 1);
      expect(matchComponent(component, index), component.purl).toEqual(reference);
      // The second time the outcome comes from memory: it must still be whole and the same.
      expect(matchComponent(component, index), component.purl).toEqual(reference);
    }
    // A package's first lookups check entry by entry, later ones use version lines: in reverse
    // order against a fresh index, other versions take each path.
    const fresh = buildAdvisoryIndex(vulnerabilities);
    for (const [component, reference] of [...references].reverse()) {
      expect(matchComponent(component, fresh), component.purl).toEqual(reference);
    }
    // The comparison covers a real mix: thousands of components, both statuses in numbers.
    expect(compared).toBeGreaterThan(2000);
    expect(statuses.get('affected') ?? 0).toBeGreaterThan(300);
    expect(statuses.get('unknown-version') ?? 0).toBeGreaterThan(300);
  });

  it('meets packages asked about many versions (where entries are placed on version lines)', () => {
    const versions = new Map<string, Set<string>>();
    for (const component of all) {
      const target = componentTarget(component);
      if (target.key === undefined || target.version === undefined) continue;
      versions.set(target.key.key, (versions.get(target.key.key) ?? new Set()).add(target.version));
    }
    expect([...versions.values()].filter((set) => set.size > 10).length).toBeGreaterThan(20);
  });

  it('notices an index whose lists changed after a package was matched', () => {
    const component = all.find((c) => (referenceMatch(c, index)?.length ?? 0) > 0) as Component;
    const own = buildAdvisoryIndex(vulnerabilities);
    const before = matchComponent(component, own);
    expect(before.length).toBeGreaterThan(0);
    const key = componentTarget(component).key?.key as string;
    // Empty the package's list in place: the prepared matcher must not answer from it any more.
    (own.byKey.get(key) as IndexedAffected[]).length = 0;
    expect(matchComponent(component, own)).toEqual(referenceMatch(component, own));
  });
});
