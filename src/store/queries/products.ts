import type { Selectable, Updateable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { ProductsTable } from '../schema.js';
import { withConflictMessage } from '../translate-driver-error.js';

/** A medical device (or health IT product) in a manufacturer's catalog. */
export interface Product {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly manufacturer: string;
  readonly modelNumbers: readonly string[];
  readonly udiDi: string | undefined;
  readonly deviceType: string | undefined;
  /** FDA FD&C Act §524B "cyber device". */
  readonly cyberDevice: boolean;
  readonly description: string | undefined;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewProduct {
  readonly name: string;
  readonly manufacturer: string;
  readonly modelNumbers: readonly string[];
  readonly udiDi?: string | undefined;
  readonly deviceType?: string | undefined;
  readonly cyberDevice: boolean;
  readonly description?: string | undefined;
}

/** Fields to change; `null` clears an optional field, absent leaves it. */
export interface ProductPatch {
  readonly name?: string;
  readonly manufacturer?: string;
  readonly modelNumbers?: readonly string[];
  readonly udiDi?: string | null;
  readonly deviceType?: string | null;
  readonly cyberDevice?: boolean;
  readonly description?: string | null;
}

function toProduct(row: Selectable<ProductsTable>): Product {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    manufacturer: row.manufacturer,
    modelNumbers: columnCodec.fromJson<string[]>(row.model_numbers),
    udiDi: columnCodec.optional(row.udi_di),
    deviceType: columnCodec.optional(row.device_type),
    cyberDevice: columnCodec.fromBool(row.cyber_device),
    description: columnCodec.optional(row.description),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const duplicateName = (name: string): string => `a product named "${name}" already exists in this organization`;

export async function insertProduct(db: DbHandle, orgId: string, input: NewProduct): Promise<Product> {
  const now = columnCodec.now();
  const row = {
    id: columnCodec.newId(),
    org_id: orgId,
    name: input.name,
    manufacturer: input.manufacturer,
    model_numbers: columnCodec.toJson(input.modelNumbers),
    udi_di: input.udiDi ?? null,
    device_type: input.deviceType ?? null,
    cyber_device: columnCodec.toBool(input.cyberDevice),
    description: input.description ?? null,
    created_at: now,
    updated_at: now,
  };
  await withConflictMessage(duplicateName(input.name), () => db.insertInto('products').values(row).execute());
  return toProduct(row);
}

export async function getProductById(db: DbHandle, orgId: string, productId: string): Promise<Product | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', productId)
    .executeTakeFirst();
  return row === undefined ? undefined : toProduct(row);
}

export async function getProductByName(db: DbHandle, orgId: string, name: string): Promise<Product | undefined> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row === undefined ? undefined : toProduct(row);
}

export async function listProducts(db: DbHandle, orgId: string, page?: Page): Promise<Product[]> {
  const { limit, offset } = resolvePage(page);
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toProduct);
}

/** Applies a patch; undefined when the product is not in this organization. */
export async function updateProduct(
  db: DbHandle,
  orgId: string,
  input: { readonly id: string; readonly patch: ProductPatch },
): Promise<Product | undefined> {
  const { patch } = input;
  const set: Updateable<ProductsTable> = { updated_at: columnCodec.now() };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.manufacturer !== undefined) set.manufacturer = patch.manufacturer;
  if (patch.modelNumbers !== undefined) set.model_numbers = columnCodec.toJson(patch.modelNumbers);
  if (patch.udiDi !== undefined) set.udi_di = patch.udiDi;
  if (patch.deviceType !== undefined) set.device_type = patch.deviceType;
  if (patch.cyberDevice !== undefined) set.cyber_device = columnCodec.toBool(patch.cyberDevice);
  if (patch.description !== undefined) set.description = patch.description;
  await withConflictMessage(duplicateName(patch.name ?? ''), () =>
    db.updateTable('products').set(set).where('org_id', '=', orgId).where('id', '=', input.id).execute(),
  );
  return getProductById(db, orgId, input.id);
}
