import { scoreCvss } from '../core/cvss/index.js';
import { vulnerabilitySources, Vulnerability } from '../core/vulnerability.js';
import type { Finding } from '../matching/finding.js';
import type { ScanCvss, ScanEvidence, ScanFinding, ScanVulnerability } from './scan-report.js';
import type { VulnerabilityGroup } from './vulnerability-groups.js';

/**
 * One reported finding from the matcher's findings for one component and one merged
 * vulnerability (several sources' records can match the same component: a GHSA and its PYSEC
 * twin). The deciding one is the most certain (`affected` before `unknown-version`, package key
 * before CPE), then by source and id so the choice is stable; the others are named in the
 * evidence. The vulnerability is enriched from every record of the group.
 */
export function scanFinding(findings: readonly Finding[], group: VulnerabilityGroup): ScanFinding {
  const ordered = [...findings].sort(compareCertainty);
  const deciding = ordered[0];
  if (deciding === undefined) throw new Error('scanFinding needs at least one finding');
  const decidingRecord = group.records.find(
    (r) => r.id === deciding.vulnerabilityId && r.source === deciding.evidence.source,
  );
  const id = preferredId(group, deciding.vulnerabilityId);
  const component = deciding.component;
  return {
    component: {
      name: component.name,
      version: component.version ?? null,
      purl: component.purl ?? null,
      cpe: component.cpe ?? null,
    },
    vulnerability: enrichedOnce(id, group, decidingRecord),
    fixedVersions: [...new Set(ordered.flatMap((f) => f.fixedVersions))],
    evidence: evidence(deciding, ordered.slice(1), group),
  };
}

/**
 * Enrichment per group and deciding record, computed once: a vulnerability of a popular package
 * is reported for every component that has it, and its CVSS scores, CWEs and references are the
 * same each time. Keyed weakly by the group, which lives as long as one scan or listing.
 */
const enriched = new WeakMap<VulnerabilityGroup, Map<string, ScanVulnerability>>();

function enrichedOnce(
  id: string,
  group: VulnerabilityGroup,
  decidingRecord: Vulnerability | undefined,
): ScanVulnerability {
  let byRecord = enriched.get(group);
  if (byRecord === undefined) {
    byRecord = new Map();
    enriched.set(group, byRecord);
  }
  const key = `${id}\u0000${decidingRecord?.source ?? ''}\u0000${decidingRecord?.id ?? ''}`;
  const known = byRecord.get(key);
  if (known !== undefined) return known;
  const value = enrichVulnerability({ id, group, ...(decidingRecord === undefined ? {} : { decidingRecord }) });
  byRecord.set(key, value);
  return value;
}

/** The CVE when the group has exactly one, else `fallback`. */
export function preferredId(group: VulnerabilityGroup, fallback: string): string {
  const cves = group.ids.filter((id) => Vulnerability.idKind(id) === 'cve');
  return cves.length === 1 && cves[0] !== undefined ? cves[0] : fallback;
}

/**
 * A merged vulnerability as reports show it: its preferred id, the other ids, and what its
 * records say (the deciding record's summary first).
 */
export function enrichVulnerability(input: {
  readonly id: string;
  readonly group: VulnerabilityGroup;
  readonly decidingRecord?: Vulnerability;
}): ScanVulnerability {
  const { group } = input;
  const records = input.decidingRecord === undefined ? group.records : [input.decidingRecord, ...group.records];
  const knownExploited = records.some((r) => r.knownExploited !== undefined);
  return {
    id: input.id,
    aliases: group.ids.filter((other) => other.toUpperCase() !== input.id.toUpperCase()),
    summary: summaryOf(records),
    cvss: cvssOf(group.records),
    kev: group.kev !== undefined || knownExploited,
    epss: group.epss?.score ?? null,
    cwes: [
      ...new Set([
        ...group.records.flatMap((r) => [...r.cwes, ...(r.cisaAdp?.cwes ?? [])]),
        ...(group.kev?.cwes ?? []),
      ]),
    ].sort(),
    references: referencesOf(records),
  };
}

/** The source's own summary (OSV `summary`, CVE 5 title), else the first line of its description. */
function summaryOf(records: readonly Vulnerability[]): string | null {
  const summary = records.find((r) => r.summary !== undefined && r.summary.trim() !== '')?.summary;
  if (summary !== undefined) return summary.trim();
  const details = records.find((r) => r.details !== undefined && r.details.trim() !== '')?.details;
  if (details === undefined) return null;
  const line = details.trim().split(/\r?\n/)[0] ?? '';
  return line.length > 240 ? `${line.slice(0, 239)}…` : line;
}

/**
 * Every CVSS vector by source, deduplicated. `score` is the base score the source published;
 * when it published none (most OSV records), the base score we compute from the vector, and
 * `scoreFrom` says which. A vector that fails the specification's syntax gets no score.
 */
function cvssOf(records: readonly Vulnerability[]): ScanCvss[] {
  const seen = new Map<string, ScanCvss>();
  for (const score of records.flatMap((r) => [...r.cvss, ...(r.cisaAdp?.cvss ?? [])])) {
    const key = `${score.source}\u0000${score.version}\u0000${score.vector}`;
    const known = seen.get(key);
    if (known !== undefined && known.score !== null) continue;
    const computed = score.baseScore === undefined ? scoreCvss(score.vector) : undefined;
    const value = score.baseScore ?? (computed?.ok === true ? computed.baseScore : undefined);
    seen.set(key, {
      version: score.version,
      vector: score.vector,
      score: value ?? null,
      source: score.source,
      scoreFrom: score.baseScore !== undefined ? 'source' : value !== undefined ? 'computed' : null,
    });
  }
  return [...seen.values()].sort(
    (a, b) => compareText(a.source, b.source) || compareText(a.version, b.version) || compareText(a.vector, b.vector),
  );
}

function referencesOf(records: readonly Vulnerability[]): { type: string; url: string }[] {
  const seen = new Map<string, { type: string; url: string }>();
  for (const reference of records.flatMap((r) => r.references)) {
    if (!seen.has(reference.url)) seen.set(reference.url, { type: reference.type, url: reference.url });
  }
  return [...seen.values()];
}

function evidence(deciding: Finding, others: readonly Finding[], group: VulnerabilityGroup): ScanEvidence {
  const flagged = group.records.find((r) => r.knownExploited !== undefined);
  const kev: ScanEvidence['kev'] =
    group.kev !== undefined
      ? {
          source: 'kev',
          cve: group.kev.cveId,
          dateAdded: group.kev.dateAdded,
          dueDate: group.kev.dueDate,
          knownRansomwareCampaignUse: group.kev.knownRansomwareCampaignUse,
        }
      : flagged?.knownExploited !== undefined
        ? {
            source: flagged.source,
            dateAdded: flagged.knownExploited.dateAdded,
            dueDate: flagged.knownExploited.dueDate ?? null,
          }
        : null;
  return {
    ...deciding.evidence,
    status: deciding.status,
    componentRef: deciding.component.ref,
    record: deciding.vulnerabilityId,
    alsoMatchedBy: others.map((f) => ({ record: f.vulnerabilityId, source: f.evidence.source, status: f.status })),
    kev,
    epss:
      group.epss === undefined
        ? null
        : { cve: group.epss.cve, percentile: group.epss.percentile, date: group.epss.date },
  };
}

function compareCertainty(a: Finding, b: Finding): number {
  const rank = (f: Finding): number => (f.status === 'affected' ? 0 : 2) + (f.evidence.confidence === 'high' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    vulnerabilitySources.indexOf(a.evidence.source) - vulnerabilitySources.indexOf(b.evidence.source) ||
    compareText(a.vulnerabilityId, b.vulnerabilityId)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
