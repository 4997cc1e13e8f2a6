import { AppError } from '../core/app-error.js';
import type { Sbom } from '../core/sbom.js';
import type { DocumentSource } from '../formats/sbom/sbom-formats.js';
import type { Finding } from '../matching/finding.js';
import { matchKeyOfComponent } from '../matching/match-keys.js';
import { matchSbom } from '../matching/match-sbom.js';
import { openStore } from '../store/open-store.js';
import { countExploitSignals } from '../store/queries/exploit-signals.js';
import { countRecordsBySource } from '../store/queries/vulnerability-records.js';
import type { Store } from '../store/store.js';
import { loadAdvisoryIndex, loadVulnerabilityGroups } from './advisory-lookup.js';
import { importFeedsIn, type FeedImportSummary } from './feed-import.js';
import { requireRole, type ServiceContext } from './context.js';
import { readSbomFile } from './sbom-files.js';
import { scanFinding } from './scan-finding.js';
import type { ScanFinding, ScanReport, ScanSummary } from './scan-report.js';

/**
 * `jointsec scan SBOM`: matches every component of an SBOM file (and its subject) against the
 * stored advisories, merges the findings of records that are one vulnerability, and enriches
 * each with CVSS, CWE, KEV, EPSS, fixed versions and references. With `feeds`, those files are
 * first imported into a temporary in-memory database, so the standalone scan runs exactly the
 * code the server runs; without, `store` (the configured database) is read, never written.
 * Refuses (invalid-input) when there is no vulnerability record at all to scan against: "no
 * findings" against nothing would read as "not affected".
 */
export async function scanSbom(input: {
  readonly sbom: DocumentSource;
  readonly feeds?: readonly string[];
  /** Relative feed paths resolve against this directory. */
  readonly baseDir: string;
  /** The configured database, used when no feeds are given. */
  readonly store?: Store;
}): Promise<ScanReport> {
  const { sbom } = readSbomFile(input.sbom);
  if (input.feeds !== undefined && input.feeds.length > 0) {
    const temporary = await openStore(':memory:');
    try {
      const feeds = input.feeds;
      const imported = await temporary.db
        .transaction()
        .execute((trx) => importFeedsIn(trx, { paths: feeds, baseDir: input.baseDir }));
      return await scanAgainst(temporary, sbom, input.sbom.fileName, imported);
    } finally {
      await temporary.close();
    }
  }
  if (input.store === undefined) {
    throw new AppError('invalid-input', 'nothing to scan against: give feed files or a database');
  }
  return scanAgainst(input.store, sbom, input.sbom.fileName, undefined);
}

/** The REST API's scan: an uploaded SBOM against the server's database, for any signed-in user. */
export async function scanUploadedSbom(ctx: ServiceContext, sbom: DocumentSource): Promise<ScanReport> {
  requireRole(ctx.actor, 'viewer');
  return scanSbom({ sbom, store: ctx.store, baseDir: '/' });
}

async function scanAgainst(
  store: Store,
  sbom: Sbom,
  fileName: string | undefined,
  imported: FeedImportSummary | undefined,
): Promise<ScanReport> {
  const counts = await countRecordsBySource(store.db);
  const signals = await countExploitSignals(store.db);
  const problems = imported?.problems ?? [];
  const live = counts.reduce((n, c) => n + c.records - c.withdrawn, 0);
  if (counts.length === 0) {
    throw new AppError(
      'invalid-input',
      imported === undefined
        ? 'the database holds no vulnerability records: run `jointsec feeds import` or `feeds sync` first, or pass --feeds'
        : 'no vulnerability records could be loaded from --feeds: nothing to scan against',
      {
        details: problems.map((p) => ({
          severity: p.severity,
          path: `${p.file}${p.path === '' ? '' : `: ${p.path}`}`,
          message: p.message,
        })),
      },
    );
  }
  const components = sbom.subject === undefined ? sbom.components : [sbom.subject, ...sbom.components];
  const keys = [...new Set(components.flatMap((c) => matchKeyOfComponent(c) ?? []))];
  const { index, recordIdOf } = await loadAdvisoryIndex(store.db, keys);
  const matched = matchSbom(sbom, index);
  const recordIds = [...new Set(matched.flatMap((f) => recordIdOf(f) ?? []))];
  const groups = await loadVulnerabilityGroups(store.db, recordIds);

  // One reported finding per component (by ref) and merged vulnerability.
  const byComponentAndGroup = new Map<
    string,
    { findings: Finding[]; group: NonNullable<ReturnType<typeof groups.groupOf>> }
  >();
  for (const finding of matched) {
    const group = groups.groupOf(finding.vulnerabilityId);
    if (group === undefined) continue; // cannot happen: every matched record is live and grouped
    const key = `${finding.component.ref}\u0000${group.ids[0] ?? ''}`;
    const entry = byComponentAndGroup.get(key);
    if (entry === undefined) byComponentAndGroup.set(key, { findings: [finding], group });
    else entry.findings.push(finding);
  }
  const findings = [...byComponentAndGroup.values()]
    .map(({ findings: list, group }) => scanFinding(list, group))
    .sort(compareScanFindings);

  const files = imported?.files ?? [];
  const summary: ScanSummary = {
    sbom: { file: fileName ?? '', format: sbom.format, specVersion: sbom.specVersion, components: components.length },
    feeds: {
      from: imported === undefined ? 'database' : 'files',
      files,
      vulnerabilityRecords: live,
      kevEntries: signals.kevEntries,
      epssScores: signals.epssScores,
      errors: files.reduce((n, f) => n + f.errors, 0),
      warnings: files.reduce((n, f) => n + f.warnings, 0),
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
