import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Transaction } from 'kysely';
import type { EpssEntry } from '../core/vulnerability-epss-entry.js';
import type { KevEntry } from '../core/vulnerability-kev-entry.js';
import { Vulnerability } from '../core/vulnerability.js';
import { columnCodec } from '../store/column-codec.js';
import type { DbHandle } from '../store/db-handle.js';
import { findComponentsByMatchKeys } from '../store/queries/component-match-keys.js';
import {
  findEpssScores,
  findKevEntries,
  putEpssScores,
  putKevEntries,
  type EpssRow,
  type KevRow,
} from '../store/queries/exploit-signals.js';
import { recordFeedRun } from '../store/queries/feed-sources.js';
import { findOpenFindingIdsOfRecords, resolveFindings } from '../store/queries/findings.js';
import {
  findMatchKeysOfRecords,
  findRecordDigests,
  insertRecords,
  replaceRecords,
  type RecordToStore,
} from '../store/queries/vulnerability-records.js';
import type { Schema } from '../store/schema.js';
import { requireRole, type ServiceContext } from './context.js';
import { readFeedFiles, type FeedFileReport } from './feed-files.js';
import type { FeedFileFormat } from './feed-file-format.js';
import { evaluateComponents, type EvaluationSummary } from './finding-evaluation.js';
import { recordToStore } from './stored-vulnerability.js';

/** What an import did to one source's records. */
export interface SourceImportCounts {
  readonly source: string;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records that are withdrawn now and were not before (new withdrawn records included). */
  readonly withdrawn: number;
  /** Records dropped for errors (see the files' problems). */
  readonly errors: number;
}

export interface SignalImportCounts {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface FeedImportFile {
  readonly file: string;
  readonly format: FeedFileFormat | null;
  readonly records: number;
  readonly errors: number;
  readonly warnings: number;
  readonly skipped: string | null;
}

export interface FeedImportProblem {
  readonly file: string;
  readonly severity: 'error' | 'warning';
  readonly path: string;
  readonly message: string;
  readonly recordId: string | null;
}

/** The `feeds import` summary: per source, per file, and what it did to findings. */
export interface FeedImportSummary {
  readonly sources: readonly SourceImportCounts[];
  readonly kev: SignalImportCounts;
  readonly epss: SignalImportCounts;
  readonly files: readonly FeedImportFile[];
  /** Every error, and the warnings that left a whole file unread; per-record warnings are counted in `files`. */
  readonly problems: readonly FeedImportProblem[];
  readonly findings: EvaluationSummary;
}

/**
 * `feeds import PATH…`: reads feed files and directories (any mix of OSV, CVE 5, NVD, KEV,
 * EPSS, recognized by content) into the store in ONE transaction, so a failure leaves the
 * database as it was. Idempotent: a record whose content is unchanged is not written. A changed
 * record replaces the stored one; a record its source withdrew is marked withdrawn and its open
 * findings are resolved. Then only the components filed under the changed records' match keys
 * are re-evaluated. Bad records are reported per file and skipped; the rest imports.
 */
export async function importFeeds(
  ctx: ServiceContext,
  input: { readonly paths: readonly string[]; readonly baseDir: string },
): Promise<FeedImportSummary> {
  requireRole(ctx.actor, 'admin');
  return ctx.store.db.transaction().execute(async (trx) => {
    const summary = await importFeedsIn(trx, input);
    await recordFeedRun(trx, { sourceKey: 'import', at: columnCodec.now(), ok: true, summary: briefOf(summary) });
    return summary;
  });
}

/** The import inside a caller's transaction (feed sync records its sync state in the same one). */
export async function importFeedsIn(
  trx: Transaction<Schema>,
  input: { readonly paths: readonly string[]; readonly baseDir: string },
): Promise<FeedImportSummary> {
  const now = columnCodec.now();
  const writer = new RecordWriter(trx, now);
  const kev = new Map<string, KevEntry>();
  const epss = new Map<string, EpssEntry>();
  const files: FeedImportFile[] = [];
  const problems: FeedImportProblem[] = [];
  for await (const loaded of readFeedFiles(input.paths, { baseDir: input.baseDir })) {
    files.push(fileSummary(loaded.report));
    for (const problem of problemsOf(loaded.report)) problems.push(problem);
    writer.countErrors(loaded.report);
    for (const record of loaded.vulnerabilities) await writer.add(record);
    for (const entry of loaded.kev) kev.set(entry.cveId.toUpperCase(), entry);
    for (const entry of loaded.epss) {
      const known = epss.get(entry.cve.toUpperCase());
      if (known === undefined || entry.date >= known.date) epss.set(entry.cve.toUpperCase(), entry);
    }
  }
  await writer.flush();
  const kevCounts = await writeKev(trx, [...kev.values()], now);
  const epssCounts = await writeEpss(trx, [...epss.values()]);

  await resolveFindings(trx, await findOpenFindingIdsOfRecords(trx, writer.newlyWithdrawn), 'withdrawn', now);
  const affected = await findComponentsByMatchKeys(trx, [...writer.changedKeys]);
  const findings = await evaluateComponents(trx, affected, now, { records: writer.changedRecords });
  return { sources: writer.counts(), kev: kevCounts, epss: epssCounts, files, problems, findings };
}

/** Records buffered and written in batches, with what each batch changed. */
class RecordWriter {
  private pending = new Map<string, Vulnerability>();
  private readonly perSource = new Map<
    string,
    { added: number; updated: number; unchanged: number; withdrawn: number; errors: number }
  >();
  readonly changedKeys = new Set<string>();
  /** Stored ids of the records added or changed by this import. */
  readonly changedRecords: string[] = [];
  readonly newlyWithdrawn: string[] = [];

  constructor(
    private readonly db: DbHandle,
    private readonly now: string,
  ) {}

  async add(record: Vulnerability): Promise<void> {
    const key = `${record.source}\u0000${record.id}`;
    const known = this.pending.get(key);
    // Twice in one import: the newer `modified` wins; on a tie, the file read later.
    if (known === undefined || Vulnerability.supersedes(record.modified, known.modified)) this.pending.set(key, record);
    if (this.pending.size >= 2_000) await this.flush();
  }

  countErrors(report: FeedFileReport): void {
    const source = sourceOfFormat(report.format);
    if (source === undefined) return;
    const dropped = report.diagnostics.filter((d) => d.severity === 'error' && d.recordId !== undefined).length;
    if (dropped > 0) this.countsOf(source).errors += dropped;
  }

  async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const bySource = new Map<string, Vulnerability[]>();
    for (const record of batch) {
      const list = bySource.get(record.source);
      if (list === undefined) bySource.set(record.source, [record]);
      else list.push(record);
    }
    for (const [source, records] of bySource) await this.writeSource(source, records);
  }

  private async writeSource(source: string, records: readonly Vulnerability[]): Promise<void> {
    const counts = this.countsOf(source);
    const stored = await findRecordDigests(
      this.db,
      source,
      records.map((r) => r.id),
    );
    const fresh: RecordToStore[] = [];
    const changed: { id: string; record: RecordToStore }[] = [];
    for (const record of records) {
      const row = recordToStore(record);
      const known = stored.get(record.id);
      if (known === undefined) {
        fresh.push(row);
        counts.added += 1;
        if (row.withdrawn !== undefined) counts.withdrawn += 1;
      } else if (known.contentSha256 === row.contentSha256 || !Vulnerability.supersedes(row.modified, known.modified)) {
        // An older copy (a stale mirror, an old bundle) never rolls a newer record back.
        counts.unchanged += 1;
      } else {
        changed.push({ id: known.id, record: row });
        counts.updated += 1;
        if (row.withdrawn !== undefined && known.withdrawn === undefined) {
          counts.withdrawn += 1;
          this.newlyWithdrawn.push(known.id);
        }
      }
    }
    // A change can move a record off keys it was filed under: components there must be looked at too.
    for (const key of await findMatchKeysOfRecords(
      this.db,
      changed.map((c) => c.id),
    )) {
      this.changedKeys.add(key);
    }
    this.changedRecords.push(...(await insertRecords(this.db, fresh, this.now)));
    await replaceRecords(this.db, changed, this.now);
    this.changedRecords.push(...changed.map((c) => c.id));
    for (const row of [...fresh, ...changed.map((c) => c.record)]) {
      for (const key of row.matchKeys) this.changedKeys.add(key);
    }
  }

  private countsOf(source: string): {
    added: number;
    updated: number;
    unchanged: number;
    withdrawn: number;
    errors: number;
  } {
    let counts = this.perSource.get(source);
    if (counts === undefined) {
      counts = { added: 0, updated: 0, unchanged: 0, withdrawn: 0, errors: 0 };
      this.perSource.set(source, counts);
    }
    return counts;
  }

  counts(): SourceImportCounts[] {
    return [...this.perSource]
      .map(([source, c]) => ({ source, ...c }))
      .sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  }
}

async function writeKev(db: DbHandle, entries: readonly KevEntry[], now: string): Promise<SignalImportCounts> {
  const rows: KevRow[] = entries.map((entry) => ({
    cveId: entry.cveId.toUpperCase(),
    dateAdded: entry.dateAdded,
    dueDate: entry.dueDate,
    ransomware:
      entry.knownRansomwareCampaignUse === true
        ? 'known'
        : entry.knownRansomwareCampaignUse === false
          ? 'not-known'
          : 'unknown',
    entryJson: JSON.stringify(entry),
  }));
  const stored = await findKevEntries(
    db,
    rows.map((r) => r.cveId),
  );
  const changed = rows.filter((r) => stored.get(r.cveId)?.entryJson !== r.entryJson);
  await putKevEntries(db, changed, now);
  const added = changed.filter((r) => !stored.has(r.cveId)).length;
  return { added, updated: changed.length - added, unchanged: rows.length - changed.length };
}

async function writeEpss(db: DbHandle, entries: readonly EpssEntry[]): Promise<SignalImportCounts> {
  const rows: EpssRow[] = entries.map((e) => ({
    cveId: e.cve.toUpperCase(),
    score: e.score,
    percentile: e.percentile,
    scoreDate: e.date,
  }));
  const stored = await findEpssScores(
    db,
    rows.map((r) => r.cveId),
  );
  // An older score file never overwrites a newer one.
  const changed = rows.filter((r) => {
    const known = stored.get(r.cveId);
    if (known === undefined) return true;
    if (r.scoreDate < known.scoreDate) return false;
    return known.score !== r.score || known.percentile !== r.percentile || known.scoreDate !== r.scoreDate;
  });
  await putEpssScores(db, changed);
  const added = changed.filter((r) => !stored.has(r.cveId)).length;
  return { added, updated: changed.length - added, unchanged: rows.length - changed.length };
}

function sourceOfFormat(format: FeedFileFormat | undefined): string | undefined {
  return format === 'osv' || format === 'cve5' || format === 'nvd' || format === 'csaf' ? format : undefined;
}

function fileSummary(report: FeedFileReport): FeedImportFile {
  return {
    file: report.file,
    format: report.format ?? null,
    records: report.records,
    errors: report.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: report.diagnostics.filter((d) => d.severity === 'warning').length,
    skipped: report.skipped ?? null,
  };
}

function problemsOf(report: FeedFileReport): FeedImportProblem[] {
  return report.diagnostics
    .filter((d) => d.severity === 'error' || report.records === 0)
    .map((d) => ({
      file: report.file,
      severity: d.severity,
      path: d.path,
      message: d.message,
      recordId: d.recordId ?? null,
    }));
}

/** What `feeds status` keeps of an import: counts, not the per-file detail. */
export function briefOf(summary: FeedImportSummary): unknown {
  return {
    sources: summary.sources,
    kev: summary.kev,
    epss: summary.epss,
    files: summary.files.length,
    problems: summary.problems.length,
    findings: summary.findings,
  };
}

/**
 * An uploaded feed file (the REST API's import): written to a private temporary directory
 * under its base name, so the file-based importer recognizes it exactly as it would on disk
 * (a `.zip` is read as an osv.dev export, gzip by its magic bytes), then removed.
 */
export async function importFeedDocument(
  ctx: ServiceContext,
  input: { readonly bytes: Uint8Array; readonly fileName: string },
): Promise<FeedImportSummary> {
  requireRole(ctx.actor, 'admin');
  const dir = await mkdtemp(join(tmpdir(), 'jointsec-feed-'));
  try {
    const name = basename(input.fileName).replace(/[^A-Za-z0-9._-]+/g, '_') || 'upload.json';
    await writeFile(join(dir, name), input.bytes);
    return await importFeeds(ctx, { paths: [name], baseDir: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
