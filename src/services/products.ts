import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Page } from '../store/page.js';
import {
  getProductById,
  getProductByName,
  insertProduct,
  listProducts as listProductRows,
  updateProduct as updateProductRow,
  type Product,
} from '../store/queries/products.js';
import type { DbHandle } from '../store/db-handle.js';
import { recordAudit } from './audit.js';
import { actorOrgId, inTransaction, parseInput, requireRole, type ServiceContext } from './context.js';

export type { Product };

const text = (max: number) => z.string().trim().min(1).max(max);

/** Product fields as the API and CLI accept them. */
export const createProductSchema = z.object({
  name: text(200),
  manufacturer: text(200),
  modelNumbers: z.array(text(200)).max(1000).default([]),
  /** GS1/HIBCC/ICCBBA device identifier from the FDA UDI system. */
  udiDi: text(100).optional(),
  deviceType: text(200).optional(),
  /** FD&C Act §524B "cyber device". */
  cyberDevice: z.boolean().default(false),
  description: z.string().max(10_000).optional(),
});
export type CreateProductInput = z.input<typeof createProductSchema>;

/** A partial update; `null` clears an optional field. */
export const updateProductSchema = z
  .object({
    name: text(200),
    manufacturer: text(200),
    modelNumbers: z.array(text(200)).max(1000),
    udiDi: text(100).nullable(),
    deviceType: text(200).nullable(),
    cyberDevice: z.boolean(),
    description: z.string().max(10_000).nullable(),
  })
  .partial()
  .strict();
export type UpdateProductInput = z.input<typeof updateProductSchema>;

export async function createProduct(ctx: ServiceContext, input: CreateProductInput): Promise<Product> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(createProductSchema, input);
  return inTransaction(ctx, async (trx) => {
    const product = await insertProduct(trx, orgId, parsed);
    await recordAudit(trx, ctx.actor, {
      action: 'product.create',
      entityType: 'product',
      entityId: product.id,
      after: product,
    });
    return product;
  });
}

export async function listProducts(ctx: ServiceContext, page?: Page): Promise<Product[]> {
  requireRole(ctx.actor, 'viewer');
  return listProductRows(ctx.store.db, actorOrgId(ctx.actor), page);
}

/** A product of the actor's organization by id or, failing that, by name; else AppError('not-found'). */
export async function getProduct(ctx: ServiceContext, idOrName: string): Promise<Product> {
  requireRole(ctx.actor, 'viewer');
  return findProductOrThrow(ctx.store.db, actorOrgId(ctx.actor), idOrName);
}

/** Shared lookup for services that address a product by id or name. */
export async function findProductOrThrow(db: DbHandle, orgId: string, idOrName: string): Promise<Product> {
  const product = (await getProductById(db, orgId, idOrName)) ?? (await getProductByName(db, orgId, idOrName));
  if (product === undefined) {
    throw new AppError('not-found', `product "${idOrName}" not found`, { location: { path: 'product' } });
  }
  return product;
}

export async function updateProduct(
  ctx: ServiceContext,
  input: { readonly product: string; readonly patch: UpdateProductInput },
): Promise<Product> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const patch = parseInput(updateProductSchema, input.patch);
  return inTransaction(ctx, async (trx) => {
    const before = await findProductOrThrow(trx, orgId, input.product);
    const after = await updateProductRow(trx, orgId, { id: before.id, patch });
    if (after === undefined) throw new AppError('not-found', `product "${input.product}" not found`);
    await recordAudit(trx, ctx.actor, {
      action: 'product.update',
      entityType: 'product',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
