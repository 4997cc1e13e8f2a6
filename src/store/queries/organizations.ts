import type { Selectable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { OrganizationsTable } from '../schema.js';
import { withConflictMessage } from '../translate-driver-error.js';

export type OrganizationKind = 'manufacturer' | 'hdo';

/** A tenant: a medical device manufacturer or a health care delivery organization. */
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganizationKind;
  readonly createdAt: string;
}

function toOrganization(row: Selectable<OrganizationsTable>): Organization {
  return { id: row.id, name: row.name, kind: row.kind as OrganizationKind, createdAt: row.created_at };
}

/** Inserts an organization; its id is the orgId every other row of it carries. */
export async function insertOrganization(
  db: DbHandle,
  input: { readonly id?: string; readonly name: string; readonly kind: OrganizationKind },
): Promise<Organization> {
  const row = {
    id: input.id ?? columnCodec.newId(),
    name: input.name,
    kind: input.kind,
    created_at: columnCodec.now(),
  };
  await withConflictMessage(`an organization named "${input.name}" already exists`, () =>
    db.insertInto('organizations').values(row).execute(),
  );
  return toOrganization(row);
}

/** The organization `orgId` itself, or undefined. */
export async function getOrganization(db: DbHandle, orgId: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  return row === undefined ? undefined : toOrganization(row);
}

/**
 * Every organization, by name. Deliberately cross-organization: only the system actor
 * (bootstrapping, operators) may call it; services enforce that.
 */
export async function listAllOrganizations(db: DbHandle, page?: Page): Promise<Organization[]> {
  const { limit, offset } = resolvePage(page);
  const rows = await db
    .selectFrom('organizations')
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toOrganization);
}

/** Looks an organization up by its unique name (system actor only, like listAllOrganizations). */
export async function findOrganizationByName(db: DbHandle, name: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('name', '=', name).executeTakeFirst();
  return row === undefined ? undefined : toOrganization(row);
}
