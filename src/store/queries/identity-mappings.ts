import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { inChunks } from '../in-chunks.js';

/**
 * An analyst's statement "the component called `componentName` (at `componentVersion`, or at
 * any version) is really this purl / CPE". Kept per organization and applied to every
 * component of that name, including those of SBOMs imported later.
 */
export interface IdentityMappingRow {
  readonly id: string;
  readonly orgId: string;
  readonly componentName: string;
  /** Undefined: every version. */
  readonly componentVersion: string | undefined;
  readonly purl: string | undefined;
  readonly cpe: string | undefined;
  readonly note: string | undefined;
  readonly createdBy: string;
  readonly createdAt: string;
}

type Row = {
  id: string;
  org_id: string;
  component_name: string;
  component_version: string;
  purl: string | null;
  cpe: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
};

function toMapping(row: Row): IdentityMappingRow {
  return {
    id: row.id,
    orgId: row.org_id,
    componentName: row.component_name,
    componentVersion: row.component_version === '' ? undefined : row.component_version,
    purl: columnCodec.optional(row.purl),
    cpe: columnCodec.optional(row.cpe),
    note: columnCodec.optional(row.note),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** Creates a mapping, or replaces the one for the same name and version. */
export async function putIdentityMapping(
  db: DbHandle,
  input: Omit<IdentityMappingRow, 'id' | 'createdAt'>,
): Promise<IdentityMappingRow> {
  const version = input.componentVersion ?? '';
  await db
    .deleteFrom('identity_mappings')
    .where('org_id', '=', input.orgId)
    .where('component_name', '=', input.componentName)
    .where('component_version', '=', version)
    .execute();
  const row: Row = {
    id: columnCodec.newId(),
    org_id: input.orgId,
    component_name: input.componentName,
    component_version: version,
    purl: input.purl ?? null,
    cpe: input.cpe ?? null,
    note: input.note ?? null,
    created_by: input.createdBy,
    created_at: columnCodec.now(),
  };
  await db.insertInto('identity_mappings').values(row).execute();
  return toMapping(row);
}

export async function deleteIdentityMapping(
  db: DbHandle,
  orgId: string,
  id: string,
): Promise<IdentityMappingRow | undefined> {
  const row = await db
    .selectFrom('identity_mappings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  await db.deleteFrom('identity_mappings').where('id', '=', id).execute();
  return toMapping(row);
}

export async function listIdentityMappings(db: DbHandle, orgId: string): Promise<IdentityMappingRow[]> {
  const rows = await db
    .selectFrom('identity_mappings')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('component_name')
    .orderBy('component_version')
    .execute();
  return rows.map(toMapping);
}

/** The mappings of some organizations that name any of these component names. */
export async function findIdentityMappingsByNames(
  db: DbHandle,
  orgIds: readonly string[],
  names: readonly string[],
): Promise<IdentityMappingRow[]> {
  if (orgIds.length === 0 || names.length === 0) return [];
  const rows = await inChunks(names, (chunk) =>
    db
      .selectFrom('identity_mappings')
      .selectAll()
      .where('org_id', 'in', orgIds)
      .where('component_name', 'in', chunk)
      .execute(),
  );
  return rows.map(toMapping);
}
