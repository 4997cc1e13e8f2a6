import { AppError } from '../core/app-error.js';
import type { DocumentSource } from '../formats/sbom/sbom-formats.js';
import { buildAdvisoryIndex } from '../matching/advisory-index.js';
import type { Finding } from '../matching/finding.js';
import { matchSbom } from '../matching/match-sbom.js';
import { loadFeedFiles, type LoadedFeeds } from './feed-files.js';
import { readSbomFile } from './sbom-files.js';
import { scanFinding } from './scan-finding.js';
import type { ScanFeedProblem, ScanFinding, ScanReport, ScanSummary } from './scan-report.js';
import { groupVulnerabilities, type VulnerabilityGroup } from './vulnerability-groups.js';

/**
 * `jointsec scan SBOM --feeds PATH…`, the standalone slice: loads the feed files into an
 * in-memory index (no database), matches every component of the SBOM, merges the findings of
 * records that are one vulnerability, and enriches each with CVSS, CWE, KEV, EPSS, fixed
 * versions and references. Findings are sorted by component name, version, purl, vulnerability
 * id, then component ref. Refuses (invalid-input) when the feeds hold no vulnerability record at
 * all: "no findings" against nothing would read as "not affected".
 */
export async function scanSbom(input: {
  readonly sbom: DocumentSource;
  readonly feeds: readonly string[];
  /** Relative feed paths resolve against this directory. */
  readonly baseDir: string;
}): Promise<ScanReport> {
  const { sbom } = readSbomFile(input.sbom);
  const feeds = await loadFeedFiles(input.feeds, { baseDir: input.baseDir });
  const problems = feedProblems(feeds);
  if (feeds.vulnerabilities.length === 0) {
    throw new AppError(
      'invalid-input',
      'no vulnerability records could be loaded from --feeds: nothing to scan against',
      {
        details: problems.map((p) => ({
          severity: p.severity,
          path: `${p.file}${p.path === '' ? '' : `: ${p.path}`}`,
          message: p.message,
        })),
      },
    );
  }
  const groups = groupVulnerabilities({ records: feeds.vulnerabilities, kev: feeds.kev, epss: feeds.epss });
  const index = buildAdvisoryIndex(feeds.vulnerabilities);
  const matched = matchSbom(sbom, index);

  // One reported finding per component (by ref) and merged vulnerability.
  const byComponentAndGroup = new Map<string, { findings: Finding[]; group: VulnerabilityGroup }>();
  for (const finding of matched) {
    const group = groups.groupOf(finding.vulnerabilityId);
    if (group === undefined) continue; // cannot happen: every indexed record is live and grouped
    // A group's first id is unique to it.
    const key = `${finding.component.ref}\u0000${group.ids[0] ?? ''}`;
    const entry = byComponentAndGroup.get(key);
    if (entry === undefined) byComponentAndGroup.set(key, { findings: [finding], group });
    else entry.findings.push(finding);
  }
  const findings = [...byComponentAndGroup.values()]
    .map(({ findings: list, group }) => scanFinding(list, group))
    .sort(compareScanFindings);

  const summary: ScanSummary = {
    sbom: {
      file: input.sbom.fileName ?? '',
      format: sbom.format,
      specVersion: sbom.specVersion,
      components: sbom.components.length + (sbom.subject === undefined ? 0 : 1),
    },
    feeds: {
      files: feeds.files.map((f) => ({
        file: f.file,
        format: f.format ?? null,
        records: f.records,
        errors: f.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: f.diagnostics.filter((d) => d.severity === 'warning').length,
        skipped: f.skipped ?? null,
      })),
      vulnerabilityRecords: feeds.vulnerabilities.length,
      vulnerabilities: groups.groups.length,
      kevEntries: feeds.kev.size,
      epssScores: feeds.epss.size,
      errors: feeds.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'error').length, 0),
      warnings: feeds.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0),
      problems,
    },
    findings: {
      total: findings.length,
      affected: findings.filter((f) => f.evidence.status === 'affected').length,
      unknownVersion: findings.filter((f) => f.evidence.status === 'unknown-version').length,
    },
  };
  return { findings, summary };
}

/** Problems worth telling the user about: every error, and warnings that skipped a whole file. */
function feedProblems(feeds: LoadedFeeds): ScanFeedProblem[] {
  return feeds.files.flatMap((file) =>
    file.diagnostics
      .filter((d) => d.severity === 'error' || file.records === 0)
      .map((d) => ({
        file: file.file,
        severity: d.severity,
        path: d.path,
        message: d.message,
        recordId: d.recordId ?? null,
      })),
  );
}

/** Component name, version, purl, vulnerability id, component ref; code-unit order, not locale. */
export function compareScanFindings(a: ScanFinding, b: ScanFinding): number {
  return (
    compareText(a.component.name, b.component.name) ||
    compareText(a.component.version ?? '', b.component.version ?? '') ||
    compareText(a.component.purl ?? '', b.component.purl ?? '') ||
    compareText(a.vulnerability.id, b.vulnerability.id) ||
    compareText(a.evidence.componentRef, b.evidence.componentRef)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
