import { AppError } from '../../core/app-error.js';
import { Vulnerability } from '../../core/vulnerability.js';
import { cycloneDxWriteVersion } from './cyclonedx-version.js';
import { writerVocabulary } from './writer-vocabulary.js';
import type { ScanCvssInput, ScanFindingInput, ScanFindingsInput } from '../scan-findings-input.js';

/** What the VDR writer reads of a scan (see scan-findings-input.ts), with KEV and EPSS details. */
export type VdrInput = ScanFindingsInput<VdrFinding>;

export interface VdrFinding extends ScanFindingInput {
  readonly evidence: ScanFindingInput['evidence'] & {
    readonly kev: {
      readonly dateAdded: string;
      readonly dueDate: string | null;
      readonly knownRansomwareCampaignUse?: boolean | 'unknown';
    } | null;
    readonly epss: { readonly percentile: number; readonly date: string } | null;
  };
}

export type VdrCvss = ScanCvssInput;

export interface VdrOptions {
  /** RFC 3339; the caller's clock, so the writer stays pure and its output reproducible. */
  readonly timestamp: string;
  readonly tool: { readonly name: string; readonly version: string };
  /** `urn:uuid:…`; left out when not given (the schema makes it optional). */
  readonly serialNumber?: string;
}

/** Names of the `jointsec:` properties the VDR carries where CycloneDX has no field. */
export const vdrPropertyNames = {
  kev: 'jointsec:kev',
  kevDateAdded: 'jointsec:kev:dateAdded',
  kevDueDate: 'jointsec:kev:dueDate',
  kevRansomware: 'jointsec:kev:knownRansomwareCampaignUse',
  epss: 'jointsec:epss:score',
  epssPercentile: 'jointsec:epss:percentile',
  epssDate: 'jointsec:epss:date',
  evidence: 'jointsec:evidence',
  cwe: 'jointsec:cwe',
  sbomFile: 'jointsec:sbom:file',
  sbomFormat: 'jointsec:sbom:format',
  sbomSpecVersion: 'jointsec:sbom:specVersion',
} as const;

/**
 * A scan as a CycloneDX 1.6 Vulnerability Disclosure Report (JSON): the affected components
 * and one vulnerability per id with its ratings, CWEs, aliases and the components it affects.
 * Pure and deterministic: the same findings (in any order) and options give the same bytes.
 * Throws AppError `invalid-input` for a timestamp or serial number the schema would reject.
 */
export function writeCycloneDxVdr(input: VdrInput, options: VdrOptions): string {
  return `${JSON.stringify(toCycloneDxVdr(input, options), null, 2)}\n`;
}

export function toCycloneDxVdr(input: VdrInput, options: VdrOptions): CdxVdr {
  checkOptions(options);
  const findings = [...input.findings].sort(compareFindings);
  const components = new Map<string, CdxVdrComponent>();
  for (const finding of findings) {
    const ref = bomRefOf(finding);
    if (!components.has(ref)) components.set(ref, componentOf(finding, ref));
  }
  const byVulnerability = new Map<string, VdrFinding[]>();
  for (const finding of findings) {
    const list = byVulnerability.get(finding.vulnerability.id);
    if (list === undefined) byVulnerability.set(finding.vulnerability.id, [finding]);
    else list.push(finding);
  }
  const { sbom } = input.summary;
  return {
    bomFormat: 'CycloneDX',
    specVersion: cycloneDxWriteVersion,
    ...(options.serialNumber === undefined ? {} : { serialNumber: options.serialNumber }),
    version: 1,
    metadata: {
      timestamp: options.timestamp,
      tools: { components: [{ type: 'application', name: options.tool.name, version: options.tool.version }] },
      properties: [
        ...(sbom.file === '' ? [] : [{ name: vdrPropertyNames.sbomFile, value: sbom.file }]),
        { name: vdrPropertyNames.sbomFormat, value: sbom.format },
        { name: vdrPropertyNames.sbomSpecVersion, value: sbom.specVersion },
      ],
    },
    components: [...components.entries()].sort(([a], [b]) => compareText(a, b)).map(([, c]) => c),
    vulnerabilities: [...byVulnerability.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([id, list]) => vulnerabilityOf(id, list)),
  };
}

/** The CycloneDX 1.6 wire shape of a VDR (JSON property names), as far as this writer fills it. */
export interface CdxVdr {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: string;
  readonly serialNumber?: string;
  readonly version: number;
  readonly metadata: {
    readonly timestamp: string;
    readonly tools: { readonly components: readonly CdxVdrComponent[] };
    readonly properties: readonly CdxVdrProperty[];
  };
  readonly components: readonly CdxVdrComponent[];
  readonly vulnerabilities: readonly CdxVdrVulnerability[];
}

export interface CdxVdrComponent {
  readonly type: string;
  readonly 'bom-ref'?: string;
  readonly name: string;
  readonly version?: string;
  readonly cpe?: string;
  readonly purl?: string;
}

export interface CdxVdrSource {
  readonly name?: string;
  readonly url?: string;
}

export interface CdxVdrVulnerability {
  readonly id: string;
  readonly source?: CdxVdrSource;
  readonly references?: readonly { readonly id: string; readonly source: CdxVdrSource }[];
  readonly ratings?: readonly CdxVdrRating[];
  readonly cwes?: readonly number[];
  readonly description?: string;
  readonly recommendation: string;
  readonly advisories?: readonly { readonly url: string }[];
  readonly affects: readonly {
    readonly ref: string;
    readonly versions?: readonly { readonly version: string; readonly status: 'affected' | 'unknown' }[];
  }[];
  readonly properties?: readonly CdxVdrProperty[];
}

export interface CdxVdrRating {
  readonly source: CdxVdrSource;
  readonly score?: number;
  readonly severity?: string;
  readonly method: string;
  readonly vector: string;
}

export interface CdxVdrProperty {
  readonly name: string;
  readonly value: string;
}

function checkOptions(options: VdrOptions): void {
  const { timestamp, serialNumber } = options;
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(timestamp) ||
    Number.isNaN(Date.parse(timestamp))
  ) {
    throw new AppError('invalid-input', `VDR timestamp "${timestamp}" is not an RFC 3339 date-time`);
  }
  if (serialNumber !== undefined && !writerVocabulary().serialNumber.test(serialNumber)) {
    throw new AppError(
      'invalid-input',
      `VDR serial number "${serialNumber}" is not a urn:uuid (CycloneDX serialNumber)`,
    );
  }
}

/** The SBOM's own reference, so the VDR's `affects` point at the same bom-ref as the scanned SBOM. */
function bomRefOf(finding: VdrFinding): string {
  const { component, evidence } = finding;
  if (evidence.componentRef !== '') return evidence.componentRef;
  return component.purl ?? `${component.name}@${component.version ?? ''}`;
}

/** `library`: the scan report does not carry the SBOM's component type. */
function componentOf(finding: VdrFinding, ref: string): CdxVdrComponent {
  const { component } = finding;
  return {
    type: 'library',
    'bom-ref': ref,
    name: component.name,
    ...(component.version === null ? {} : { version: component.version }),
    ...(component.cpe === null ? {} : { cpe: component.cpe }),
    ...(component.purl === null ? {} : { purl: component.purl }),
  };
}

function vulnerabilityOf(id: string, findings: readonly VdrFinding[]): CdxVdrVulnerability {
  const vulnerabilities = findings.map((f) => f.vulnerability);
  const source = sourceOf(id);
  const aliases = sortedUnique(vulnerabilities.flatMap((v) => v.aliases).filter((alias) => alias !== id));
  const ratings = cvssOf(vulnerabilities).map(ratingOf);
  const cweTexts = sortedUnique(vulnerabilities.flatMap((v) => v.cwes));
  const cwes = [...new Set(cweTexts.flatMap(cweNumber))].sort((a, b) => a - b);
  const summary = vulnerabilities.find((v) => v.summary !== null && v.summary.trim() !== '')?.summary?.trim();
  const advisories = sortedUnique(
    vulnerabilities.flatMap((v) => v.references).flatMap((r) => (isAdvisory(r.type) ? [r.url] : [])),
  );
  const properties = [
    ...knownExploitedProperties(findings),
    ...epssProperties(findings),
    ...cweTexts.filter((cwe) => cweNumber(cwe).length === 0).map((value) => ({ name: vdrPropertyNames.cwe, value })),
    ...affectsOf(findings).map(({ ref, finding }) => ({
      name: vdrPropertyNames.evidence,
      value: `${ref}: ${finding.evidence.reason.replace(/\.+$/, '')} (${finding.evidence.source} record ${finding.evidence.record})`,
    })),
  ];
  return {
    id,
    ...(source === undefined ? {} : { source }),
    ...(aliases.length === 0
      ? {}
      : { references: aliases.map((alias) => ({ id: alias, source: sourceOf(alias) ?? {} })) }),
    ...(ratings.length === 0 ? {} : { ratings }),
    ...(cwes.length === 0 ? {} : { cwes }),
    ...(summary === undefined ? {} : { description: summary }),
    recommendation: recommendationOf(findings),
    ...(advisories.length === 0 ? {} : { advisories: advisories.map((url) => ({ url })) }),
    affects: affectsOf(findings).map(({ ref, finding }) => ({
      ref,
      // Without a version there is nothing to state a status for; the component is still named.
      ...(finding.component.version === null
        ? {}
        : {
            versions: [
              {
                version: finding.component.version,
                status: finding.evidence.status === 'affected' ? ('affected' as const) : ('unknown' as const),
              },
            ],
          }),
    })),
    ...(properties.length === 0 ? {} : { properties }),
  };
}

/**
 * Where an identifier is published, by its database (from its prefix); undefined for vendor
 * ids (`DSA-…`, `RHSA-…`) whose home this writer does not know.
 */
function sourceOf(id: string): CdxVdrSource | undefined {
  switch (Vulnerability.idKind(id)) {
    case 'cve':
      return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id.toUpperCase()}` };
    case 'ghsa':
      return { name: 'GitHub', url: `https://github.com/advisories/${id}` };
    case 'pysec':
    case 'go':
    case 'rustsec':
      return { name: 'OSV', url: `https://osv.dev/vulnerability/${id}` };
    case 'other':
      return undefined;
  }
}

/** Every vector by source, version and vector, a stated score winning over none. */
function cvssOf(vulnerabilities: readonly VdrFinding['vulnerability'][]): VdrCvss[] {
  const seen = new Map<string, VdrCvss>();
  for (const score of vulnerabilities.flatMap((v) => v.cvss)) {
    const key = `${score.source}\u0000${score.version}\u0000${score.vector}`;
    const known = seen.get(key);
    if (known === undefined || (known.score === null && score.score !== null)) seen.set(key, score);
  }
  return [...seen.values()].sort(
    (a, b) => compareText(a.source, b.source) || compareText(a.version, b.version) || compareText(a.vector, b.vector),
  );
}

const scoreMethods: Readonly<Record<string, string>> = {
  '2.0': 'CVSSv2',
  '3.0': 'CVSSv3',
  '3.1': 'CVSSv31',
  '4.0': 'CVSSv4',
};

/** The vector as the source wrote it; severity only from a stated score, on the scale of its CVSS version. */
function ratingOf(cvss: VdrCvss): CdxVdrRating {
  const method = scoreMethods[cvss.version] ?? 'other';
  const severity = cvss.score === null || method === 'other' ? undefined : severityOf(cvss.score, method);
  return {
    source: { name: cvss.source },
    ...(cvss.score === null ? {} : { score: cvss.score }),
    ...(severity === undefined ? {} : { severity }),
    method,
    vector: cvss.vector,
  };
}

/** CVSS v2 has no critical or none band (NVD: low < 4.0 ≤ medium < 7.0 ≤ high); v3 and v4 share one scale. */
function severityOf(score: number, method: string): string {
  if (method === 'CVSSv2') return score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'none';
}

/** `CWE-79` → 79; the NVD placeholders (`NVD-CWE-Other`, `NVD-CWE-noinfo`) have no number. */
function cweNumber(cwe: string): number[] {
  const match = /^CWE-(\d+)$/i.exec(cwe.trim());
  const value = match ? Number(match[1]) : 0;
  return value >= 1 ? [value] : [];
}

function isAdvisory(type: string): boolean {
  const upper = type.toUpperCase();
  return upper === 'ADVISORY' || upper === 'WEB';
}

/** One entry per component (by bom-ref); a component seen twice counts as affected if any finding says so. */
function affectsOf(findings: readonly VdrFinding[]): { ref: string; finding: VdrFinding }[] {
  const byRef = new Map<string, VdrFinding>();
  for (const finding of findings) {
    const ref = bomRefOf(finding);
    const known = byRef.get(ref);
    if (known === undefined || (known.evidence.status !== 'affected' && finding.evidence.status === 'affected')) {
      byRef.set(ref, finding);
    }
  }
  return [...byRef.entries()].sort(([a], [b]) => compareText(a, b)).map(([ref, finding]) => ({ ref, finding }));
}

/** Names the fixed versions per affected component, and says so when none is known. */
function recommendationOf(findings: readonly VdrFinding[]): string {
  return affectsOf(findings)
    .map(({ finding }) => {
      const { component } = finding;
      const label = component.version === null ? component.name : `${component.name} ${component.version}`;
      const fixed = sortedUnique(
        findings.filter((f) => bomRefOf(f) === bomRefOf(finding)).flatMap((f) => f.fixedVersions),
      );
      return fixed.length === 0
        ? `No fixed version of ${label} is known.`
        : `Upgrade ${label} to a fixed version: ${fixed.join(', ')}.`;
    })
    .join(' ');
}

function knownExploitedProperties(findings: readonly VdrFinding[]): CdxVdrProperty[] {
  if (!findings.some((f) => f.vulnerability.kev)) return [];
  const kev = findings.find((f) => f.evidence.kev !== null)?.evidence.kev;
  const ransomware = kev?.knownRansomwareCampaignUse;
  return [
    { name: vdrPropertyNames.kev, value: 'true' },
    ...(kev === undefined || kev === null ? [] : [{ name: vdrPropertyNames.kevDateAdded, value: kev.dateAdded }]),
    ...(kev?.dueDate === undefined || kev.dueDate === null
      ? []
      : [{ name: vdrPropertyNames.kevDueDate, value: kev.dueDate }]),
    ...(ransomware === undefined ? [] : [{ name: vdrPropertyNames.kevRansomware, value: String(ransomware) }]),
  ];
}

function epssProperties(findings: readonly VdrFinding[]): CdxVdrProperty[] {
  const score = findings.find((f) => f.vulnerability.epss !== null)?.vulnerability.epss;
  const evidence = findings.find((f) => f.evidence.epss !== null)?.evidence.epss;
  return [
    ...(score === undefined || score === null ? [] : [{ name: vdrPropertyNames.epss, value: String(score) }]),
    ...(evidence === undefined || evidence === null
      ? []
      : [
          { name: vdrPropertyNames.epssPercentile, value: String(evidence.percentile) },
          { name: vdrPropertyNames.epssDate, value: evidence.date },
        ]),
  ];
}

/** By vulnerability, then component, so output order never depends on the matcher's order. */
function compareFindings(a: VdrFinding, b: VdrFinding): number {
  return (
    compareText(a.vulnerability.id, b.vulnerability.id) ||
    compareText(bomRefOf(a), bomRefOf(b)) ||
    compareText(a.component.purl ?? '', b.component.purl ?? '') ||
    compareText(a.component.name, b.component.name) ||
    compareText(a.component.version ?? '', b.component.version ?? '') ||
    compareText(a.evidence.record, b.evidence.record)
  );
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
