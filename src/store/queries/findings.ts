import type { Selectable } from 'kysely';
import { bulkInsert } from '../bulk-insert.js';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { forEachChunk, inChunks } from '../in-chunks.js';
import type { FindingsTable } from '../schema.js';
import { resolvePage, type Page } from '../page.js';

export type StoredFindingStatus = 'affected' | 'unknown-version';
export type FindingResolution = 'withdrawn' | 'no-longer-matches';

/** A finding as the evaluator sees it: which component, which record, and its lifecycle. */
export interface FindingState {
  readonly id: string;
  readonly componentId: string;
  readonly recordId: string;
  readonly status: StoredFindingStatus;
  readonly evidenceJson: string;
  readonly fixedVersionsJson: string;
  readonly resolvedAt: string | undefined;
}

/** A finding to write: the evaluator's current verdict for one component and record. */
export interface FindingVerdict {
  readonly orgId: string;
  readonly productVersionId: string;
  readonly componentId: string;
  readonly recordId: string;
  readonly status: StoredFindingStatus;
  readonly fixedVersionsJson: string;
  readonly evidenceJson: string;
}

const stateColumns = [
  'id',
  'component_id',
  'record_id',
  'status',
  'evidence_json',
  'fixed_versions',
  'resolved_at',
] as const;

function toFindingState(r: Pick<Selectable<FindingsTable>, (typeof stateColumns)[number]>): FindingState {
  return {
    id: r.id,
    componentId: r.component_id,
    recordId: r.record_id,
    status: r.status as StoredFindingStatus,
    evidenceJson: r.evidence_json,
    fixedVersionsJson: r.fixed_versions,
    resolvedAt: columnCodec.optional(r.resolved_at),
  };
}

/** Every finding (open or resolved) whose `column` is one of `ids`, in statements of bounded size. */
async function findFindingsWhere(
  db: DbHandle,
  column: 'component_id' | 'record_id',
  ids: readonly string[],
): Promise<FindingState[]> {
  const rows = await inChunks(ids, (chunk) =>
    db.selectFrom('findings').select(stateColumns).where(column, 'in', chunk).execute(),
  );
  return rows.map(toFindingState);
}

/** Every finding (open or resolved) of some components. */
export function findFindingsOfComponents(db: DbHandle, componentIds: readonly string[]): Promise<FindingState[]> {
  return findFindingsWhere(db, 'component_id', componentIds);
}

/** Every finding (open or resolved) of some records. */
export function findFindingsOfRecords(db: DbHandle, recordIds: readonly string[]): Promise<FindingState[]> {
  return findFindingsWhere(db, 'record_id', recordIds);
}

/** The findings (open or resolved) of some records, restricted to some components. */
export async function findFindingsOfRecordsForComponents(
  db: DbHandle,
  recordIds: readonly string[],
  componentIds: ReadonlySet<string>,
): Promise<FindingState[]> {
  return (await findFindingsOfRecords(db, recordIds)).filter((state) => componentIds.has(state.componentId));
}

/** New findings, first and last seen now. */
export async function insertFindings(db: DbHandle, verdicts: readonly FindingVerdict[], now: string): Promise<void> {
  await bulkInsert(db, {
    table: 'findings',
    columns: [
      { name: 'id' },
      { name: 'org_id' },
      { name: 'product_version_id' },
      { name: 'component_id' },
      { name: 'record_id' },
      { name: 'status' },
      { name: 'fixed_versions' },
      { name: 'evidence_json' },
      { name: 'first_seen_at' },
      { name: 'last_seen_at' },
    ],
    rows: verdicts.map((v) => [
      columnCodec.newId(),
      v.orgId,
      v.productVersionId,
      v.componentId,
      v.recordId,
      v.status,
      v.fixedVersionsJson,
      v.evidenceJson,
      now,
      now,
    ]),
  });
}

/** A finding seen again: its verdict may have changed, and a resolved one opens again. */
export async function refreshFindings(
  db: DbHandle,
  updates: readonly { readonly id: string; readonly verdict: FindingVerdict }[],
  now: string,
): Promise<void> {
  for (const { id, verdict } of updates) {
    await db
      .updateTable('findings')
      .set({
        status: verdict.status,
        fixed_versions: verdict.fixedVersionsJson,
        evidence_json: verdict.evidenceJson,
        last_seen_at: now,
        resolved_at: null,
        resolution: null,
      })
      .where('id', '=', id)
      .execute();
  }
}

/** Marks only the last-seen time of findings whose verdict did not change. */
export async function touchFindings(db: DbHandle, ids: readonly string[], now: string): Promise<void> {
  await forEachChunk(ids, (chunk) =>
    db.updateTable('findings').set({ last_seen_at: now }).where('id', 'in', chunk).execute(),
  );
}

/** Resolves open findings (by id) for a reason. */
export async function resolveFindings(
  db: DbHandle,
  ids: readonly string[],
  resolution: FindingResolution,
  now: string,
): Promise<void> {
  await forEachChunk(ids, (chunk) =>
    db
      .updateTable('findings')
      .set({ resolved_at: now, resolution })
      .where('id', 'in', chunk)
      .where('resolved_at', 'is', null)
      .execute(),
  );
}

/** Ids of the open findings of some records (to resolve them when the records are withdrawn). */
export async function findOpenFindingIdsOfRecords(db: DbHandle, recordIds: readonly string[]): Promise<string[]> {
  const rows = await inChunks(recordIds, (chunk) =>
    db.selectFrom('findings').select('id').where('record_id', 'in', chunk).where('resolved_at', 'is', null).execute(),
  );
  return rows.map((r) => r.id);
}

/** A finding with what a listing shows of its component, product version and record. */
export interface FindingListRow {
  readonly id: string;
  readonly productId: string;
  readonly productName: string;
  readonly productVersionId: string;
  readonly productVersion: string;
  readonly componentId: string;
  readonly componentName: string;
  readonly componentVersion: string | undefined;
  readonly componentPurl: string | undefined;
  readonly componentCpe: string | undefined;
  readonly recordId: string;
  readonly source: string;
  readonly sourceId: string;
  readonly status: StoredFindingStatus;
  readonly fixedVersionsJson: string;
  readonly evidenceJson: string;
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
  readonly resolvedAt: string | undefined;
  readonly resolution: FindingResolution | undefined;
}

/**
 * Findings of one organization, filtered by product version and/or records, oldest first.
 * Resolved findings only when asked for.
 */
export async function listFindingRows(
  db: DbHandle,
  orgId: string,
  filter: Page & {
    readonly productVersionId?: string;
    readonly recordIds?: readonly string[];
    readonly includeResolved?: boolean;
    /** No paging: every row (where-used and exports need the whole set). */
    readonly all?: boolean;
  },
): Promise<FindingListRow[]> {
  let query = db
    .selectFrom('findings as f')
    .innerJoin('components as c', 'c.id', 'f.component_id')
    .innerJoin('product_versions as pv', 'pv.id', 'f.product_version_id')
    .innerJoin('products as p', 'p.id', 'pv.product_id')
    .innerJoin('vuln_records as r', 'r.id', 'f.record_id')
    .select([
      'f.id',
      'p.id as product_id',
      'p.name as product_name',
      'pv.id as product_version_id',
      'pv.version as product_version',
      'c.id as component_id',
      'c.name as component_name',
      'c.version as component_version',
      'c.purl as component_purl',
      'c.cpe as component_cpe',
      'r.id as record_id',
      'r.source',
      'r.source_id',
      'f.status',
      'f.fixed_versions',
      'f.evidence_json',
      'f.first_seen_at',
      'f.last_seen_at',
      'f.resolved_at',
      'f.resolution',
    ])
    .where('f.org_id', '=', orgId);
  if (filter.productVersionId !== undefined) query = query.where('f.product_version_id', '=', filter.productVersionId);
  if (filter.recordIds !== undefined) {
    if (filter.recordIds.length === 0) return [];
    query = query.where('f.record_id', 'in', filter.recordIds);
  }
  if (filter.includeResolved !== true) query = query.where('f.resolved_at', 'is', null);
  query = query.orderBy('p.name').orderBy('pv.version').orderBy('c.name').orderBy('f.id');
  if (filter.all !== true) {
    const { limit, offset } = resolvePage(filter);
    query = query.limit(limit).offset(offset);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    productVersionId: r.product_version_id,
    productVersion: r.product_version,
    componentId: r.component_id,
    componentName: r.component_name,
    componentVersion: columnCodec.optional(r.component_version),
    componentPurl: columnCodec.optional(r.component_purl),
    componentCpe: columnCodec.optional(r.component_cpe),
    recordId: r.record_id,
    source: r.source,
    sourceId: r.source_id,
    status: r.status as StoredFindingStatus,
    fixedVersionsJson: r.fixed_versions,
    evidenceJson: r.evidence_json,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    resolvedAt: columnCodec.optional(r.resolved_at),
    resolution: columnCodec.optional(r.resolution) as FindingResolution | undefined,
  }));
}
