import type { Selectable, Updateable } from 'kysely';
import { AppError } from '../../core/app-error.js';
import type { Component, ExternalReference, Hash, Property } from '../../core/sbom.js';
import { bulkInsert } from '../bulk-insert.js';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { ComponentsTable } from '../schema.js';

/** A component's stored fields: the core model minus the document-local ref (see component_sources). */
export type ComponentFields = Omit<Component, 'ref'>;

/** A component to insert for a product version. `identityKey` is unique per product version. */
export type NewComponent = ComponentFields & {
  readonly id?: string;
  readonly identityKey: string;
  /** True for the product the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES). */
  readonly isSubject: boolean;
  /** The key advisories find it by (src/matching/match-keys.ts); absent when it can match nothing. */
  readonly matchKey?: string | undefined;
};

/** A component as stored for one product version. */
export type StoredComponent = ComponentFields & {
  readonly id: string;
  readonly orgId: string;
  readonly productVersionId: string;
  readonly identityKey: string;
  readonly isSubject: boolean;
  readonly matchKey: string | undefined;
};

/** Fields to change on a stored component; `undefined` leaves a field as it is. */
export type ComponentUpdate = Partial<ComponentFields> & { readonly isSubject?: boolean };

/** Which SBOM document contains a component, under which bom-ref / SPDXID. */
export interface ComponentSource {
  readonly componentId: string;
  readonly sbomId: string;
  readonly ref: string;
}

/** "from depends on to", by stored component id. */
export interface ComponentEdge {
  readonly fromId: string;
  readonly toId: string;
}

const componentColumns = [
  { name: 'id' },
  { name: 'org_id' },
  { name: 'product_version_id' },
  { name: 'identity_key' },
  { name: 'type' },
  { name: 'name' },
  { name: 'grp' },
  { name: 'version' },
  { name: 'supplier' },
  { name: 'purl' },
  { name: 'cpe' },
  { name: 'hashes' },
  { name: 'license' },
  { name: 'description' },
  { name: 'copyright' },
  { name: 'level_of_support' },
  { name: 'end_of_support_date' },
  { name: 'external_refs' },
  { name: 'properties' },
  { name: 'is_subject', integer: true },
  { name: 'match_key' },
] as const;

/** A component as a row array in `componentColumns` order. */
function toRow(orgId: string, productVersionId: string, c: NewComponent, id: string): (string | number | null)[] {
  return [
    id,
    orgId,
    productVersionId,
    c.identityKey,
    c.type,
    c.name,
    c.group ?? null,
    c.version ?? null,
    c.supplier ?? null,
    c.purl ?? null,
    c.cpe ?? null,
    columnCodec.toJson(c.hashes),
    c.license ?? null,
    c.description ?? null,
    c.copyright ?? null,
    c.levelOfSupport ?? null,
    c.endOfSupportDate ?? null,
    columnCodec.toJson(c.externalReferences),
    columnCodec.toJson(c.properties),
    columnCodec.toBool(c.isSubject),
    c.matchKey ?? null,
  ];
}

function toStoredComponent(row: Selectable<ComponentsTable>): StoredComponent {
  // Optional fields are set only when present so records compare equal to parsed components.
  const optional: Record<string, string> = {};
  const put = (key: string, value: string | null): void => {
    if (value !== null) optional[key] = value;
  };
  put('group', row.grp);
  put('version', row.version);
  put('supplier', row.supplier);
  put('purl', row.purl);
  put('cpe', row.cpe);
  put('license', row.license);
  put('description', row.description);
  put('copyright', row.copyright);
  put('levelOfSupport', row.level_of_support);
  put('endOfSupportDate', row.end_of_support_date);
  return {
    id: row.id,
    orgId: row.org_id,
    productVersionId: row.product_version_id,
    identityKey: row.identity_key,
    isSubject: columnCodec.fromBool(row.is_subject),
    matchKey: columnCodec.optional(row.match_key),
    type: row.type,
    name: row.name,
    ...optional,
    hashes: columnCodec.fromJson<Hash[]>(row.hashes),
    externalReferences: columnCodec.fromJson<ExternalReference[]>(row.external_refs),
    properties: columnCodec.fromJson<Property[]>(row.properties),
  };
}

/**
 * Inserts components of one product version in parameter-limited batches and returns their
 * ids in input order. Run it inside the import's transaction: a duplicate identity key
 * raises AppError('conflict') and the whole import must roll back.
 */
export async function insertComponents(
  db: DbHandle,
  orgId: string,
  input: { readonly productVersionId: string; readonly components: readonly NewComponent[] },
): Promise<string[]> {
  const ids = input.components.map((c) => c.id ?? columnCodec.newId());
  const rows = {
    count: ids.length,
    slice: (start: number, end: number) =>
      input.components.slice(start, end).map((c, i) => toRow(orgId, input.productVersionId, c, ids[start + i]!)),
  };
  await bulkInsert(db, { table: 'components', columns: componentColumns, rows });
  return ids;
}

/** One page of a product version's components, ordered by identity key. */
export async function listComponentsForVersion(
  db: DbHandle,
  orgId: string,
  options: Page & { readonly productVersionId: string },
): Promise<StoredComponent[]> {
  const { limit, offset } = resolvePage(options);
  const rows = await db
    .selectFrom('components')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('product_version_id', '=', options.productVersionId)
    .orderBy('identity_key')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toStoredComponent);
}

/**
 * Every component of a product version, unpaginated, for services that need the whole set
 * (export, diff, quality). Not for API listing: use listComponentsForVersion there.
 */
export async function loadComponentsForVersion(
  db: DbHandle,
  orgId: string,
  productVersionId: string,
): Promise<StoredComponent[]> {
  const rows = await db
    .selectFrom('components')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('product_version_id', '=', productVersionId)
    .orderBy('identity_key')
    .execute();
  return rows.map(toStoredComponent);
}

/** identity_key → component id for a product version, to merge a further SBOM into it. */
export async function findComponentKeysForVersion(
  db: DbHandle,
  orgId: string,
  productVersionId: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('components')
    .select(['id', 'identity_key'])
    .where('org_id', '=', orgId)
    .where('product_version_id', '=', productVersionId)
    .execute();
  return new Map(rows.map((r) => [r.identity_key, r.id]));
}

/** Changes some fields of a component; false when it is not in this organization. */
export async function updateComponent(
  db: DbHandle,
  orgId: string,
  input: { readonly id: string; readonly fields: ComponentUpdate },
): Promise<boolean> {
  const f = input.fields;
  const set: Updateable<ComponentsTable> = {};
  if (f.type !== undefined) set.type = f.type;
  if (f.name !== undefined) set.name = f.name;
  if (f.group !== undefined) set.grp = f.group;
  if (f.version !== undefined) set.version = f.version;
  if (f.supplier !== undefined) set.supplier = f.supplier;
  if (f.purl !== undefined) set.purl = f.purl;
  if (f.cpe !== undefined) set.cpe = f.cpe;
  if (f.hashes !== undefined) set.hashes = columnCodec.toJson(f.hashes);
  if (f.license !== undefined) set.license = f.license;
  if (f.description !== undefined) set.description = f.description;
  if (f.copyright !== undefined) set.copyright = f.copyright;
  if (f.levelOfSupport !== undefined) set.level_of_support = f.levelOfSupport;
  if (f.endOfSupportDate !== undefined) set.end_of_support_date = f.endOfSupportDate;
  if (f.externalReferences !== undefined) set.external_refs = columnCodec.toJson(f.externalReferences);
  if (f.properties !== undefined) set.properties = columnCodec.toJson(f.properties);
  if (f.isSubject !== undefined) set.is_subject = columnCodec.toBool(f.isSubject);
  if (Object.keys(set).length === 0) return (await getComponentId(db, orgId, input.id)) !== undefined;
  const result = await db
    .updateTable('components')
    .set(set)
    .where('org_id', '=', orgId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

async function getComponentId(db: DbHandle, orgId: string, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('components')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.id;
}

/**
 * Records which SBOM holds which component under which ref. A component listed twice in one
 * document (two refs unified into one identity) keeps its first ref. Every SBOM must belong
 * to `orgId`, else AppError('not-found').
 */
export async function insertComponentSources(
  db: DbHandle,
  orgId: string,
  sources: readonly ComponentSource[],
): Promise<void> {
  await assertSbomsInOrg(db, orgId, [...new Set(sources.map((s) => s.sbomId))]);
  await bulkInsert(db, {
    table: 'component_sources',
    columns: [{ name: 'component_id' }, { name: 'sbom_id' }, { name: 'ref' }],
    rows: {
      count: sources.length,
      slice: (start: number, end: number) => sources.slice(start, end).map((s) => [s.componentId, s.sbomId, s.ref]),
    },
    skipConflictsOn: ['component_id', 'sbom_id'],
  });
}

async function assertSbomsInOrg(db: DbHandle, orgId: string, sbomIds: readonly string[]): Promise<void> {
  if (sbomIds.length === 0) return;
  const found = await db
    .selectFrom('sboms')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', sbomIds)
    .execute();
  if (found.length !== sbomIds.length) {
    throw new AppError('not-found', 'component sources refer to an SBOM that does not exist in this organization');
  }
}

/** Sources of a product version's components, optionally only those of one SBOM. */
export async function listComponentSources(
  db: DbHandle,
  orgId: string,
  options: { readonly productVersionId: string; readonly sbomId?: string },
): Promise<ComponentSource[]> {
  let query = db
    .selectFrom('component_sources')
    .innerJoin('components', 'components.id', 'component_sources.component_id')
    .select(['component_sources.component_id', 'component_sources.sbom_id', 'component_sources.ref'])
    .where('components.org_id', '=', orgId)
    .where('components.product_version_id', '=', options.productVersionId);
  if (options.sbomId !== undefined) query = query.where('component_sources.sbom_id', '=', options.sbomId);
  const rows = await query.execute();
  return rows.map((r) => ({ componentId: r.component_id, sbomId: r.sbom_id, ref: r.ref }));
}

/** Adds dependency edges between stored components; edges already present are ignored. */
export async function insertDependencies(
  db: DbHandle,
  orgId: string,
  input: { readonly productVersionId: string; readonly edges: readonly ComponentEdge[] },
): Promise<void> {
  await bulkInsert(db, {
    table: 'component_dependencies',
    columns: [{ name: 'org_id' }, { name: 'product_version_id' }, { name: 'from_id' }, { name: 'to_id' }],
    rows: {
      count: input.edges.length,
      slice: (start: number, end: number) =>
        input.edges.slice(start, end).map((e) => [orgId, input.productVersionId, e.fromId, e.toId]),
    },
    skipConflictsOn: ['from_id', 'to_id'],
  });
}

/** Every dependency edge of a product version (unpaginated, for services). */
export async function listDependenciesForVersion(
  db: DbHandle,
  orgId: string,
  productVersionId: string,
): Promise<ComponentEdge[]> {
  const rows = await db
    .selectFrom('component_dependencies')
    .select(['from_id', 'to_id'])
    .where('org_id', '=', orgId)
    .where('product_version_id', '=', productVersionId)
    .execute();
  return rows.map((r) => ({ fromId: r.from_id, toId: r.to_id }));
}
