import type { Selectable, Updateable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { ProductVersionsTable } from '../schema.js';
import { withConflictMessage } from '../translate-driver-error.js';

export type Lifecycle = 'development' | 'released' | 'end-of-sale' | 'end-of-support';

/** One release of a product, with where it stands in its support lifecycle. */
export interface ProductVersion {
  readonly id: string;
  readonly orgId: string;
  readonly productId: string;
  readonly version: string;
  readonly releaseDate: string | undefined;
  readonly lifecycle: Lifecycle;
  readonly endOfSaleDate: string | undefined;
  readonly endOfSupportDate: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewProductVersion {
  readonly productId: string;
  readonly version: string;
  readonly releaseDate?: string | undefined;
  readonly lifecycle: Lifecycle;
  readonly endOfSaleDate?: string | undefined;
  readonly endOfSupportDate?: string | undefined;
}

export interface ProductVersionPatch {
  readonly lifecycle?: Lifecycle;
  readonly releaseDate?: string | null;
  readonly endOfSaleDate?: string | null;
  readonly endOfSupportDate?: string | null;
}

function toProductVersion(row: Selectable<ProductVersionsTable>): ProductVersion {
  return {
    id: row.id,
    orgId: row.org_id,
    productId: row.product_id,
    version: row.version,
    releaseDate: columnCodec.optional(row.release_date),
    lifecycle: row.lifecycle as Lifecycle,
    endOfSaleDate: columnCodec.optional(row.end_of_sale_date),
    endOfSupportDate: columnCodec.optional(row.end_of_support_date),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertProductVersion(
  db: DbHandle,
  orgId: string,
  input: NewProductVersion,
): Promise<ProductVersion> {
  const now = columnCodec.now();
  const row = {
    id: columnCodec.newId(),
    org_id: orgId,
    product_id: input.productId,
    version: input.version,
    release_date: input.releaseDate ?? null,
    lifecycle: input.lifecycle,
    end_of_sale_date: input.endOfSaleDate ?? null,
    end_of_support_date: input.endOfSupportDate ?? null,
    created_at: now,
    updated_at: now,
  };
  await withConflictMessage(`version "${input.version}" already exists for this product`, () =>
    db.insertInto('product_versions').values(row).execute(),
  );
  return toProductVersion(row);
}

export async function getProductVersionById(
  db: DbHandle,
  orgId: string,
  productVersionId: string,
): Promise<ProductVersion | undefined> {
  const row = await db
    .selectFrom('product_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', productVersionId)
    .executeTakeFirst();
  return row === undefined ? undefined : toProductVersion(row);
}

export async function findProductVersion(
  db: DbHandle,
  orgId: string,
  input: { readonly productId: string; readonly version: string },
): Promise<ProductVersion | undefined> {
  const row = await db
    .selectFrom('product_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('product_id', '=', input.productId)
    .where('version', '=', input.version)
    .executeTakeFirst();
  return row === undefined ? undefined : toProductVersion(row);
}

/** Versions of one product in creation order. */
export async function listProductVersions(
  db: DbHandle,
  orgId: string,
  options: Page & { readonly productId: string },
): Promise<ProductVersion[]> {
  const { limit, offset } = resolvePage(options);
  const rows = await db
    .selectFrom('product_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('product_id', '=', options.productId)
    .orderBy('created_at')
    .orderBy('version')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toProductVersion);
}

export async function updateProductVersion(
  db: DbHandle,
  orgId: string,
  input: { readonly id: string; readonly patch: ProductVersionPatch },
): Promise<ProductVersion | undefined> {
  const { patch } = input;
  const set: Updateable<ProductVersionsTable> = { updated_at: columnCodec.now() };
  if (patch.lifecycle !== undefined) set.lifecycle = patch.lifecycle;
  if (patch.releaseDate !== undefined) set.release_date = patch.releaseDate;
  if (patch.endOfSaleDate !== undefined) set.end_of_sale_date = patch.endOfSaleDate;
  if (patch.endOfSupportDate !== undefined) set.end_of_support_date = patch.endOfSupportDate;
  await db.updateTable('product_versions').set(set).where('org_id', '=', orgId).where('id', '=', input.id).execute();
  return getProductVersionById(db, orgId, input.id);
}
