import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Page } from '../store/page.js';
import {
  findProductVersion,
  insertProductVersion,
  listProductVersions as listProductVersionRows,
  updateProductVersion,
  type Lifecycle,
  type ProductVersion,
} from '../store/queries/product-versions.js';
import type { DbHandle } from '../store/db-handle.js';
import { recordAudit } from './audit.js';
import { actorOrgId, inTransaction, parseInput, requireRole, type ServiceContext } from './context.js';
import { findProductOrThrow } from './products.js';

export type { Lifecycle, ProductVersion };

/** Lifecycle stages in the only order a release may move through them. */
export const lifecycleStages = ['development', 'released', 'end-of-sale', 'end-of-support'] as const;
export const lifecycleSchema = z.enum(lifecycleStages);
const isoDate = z.iso.date();

export const addProductVersionSchema = z.object({
  /** Product id or name. */
  product: z.string().trim().min(1),
  version: z.string().trim().min(1).max(200),
  releaseDate: isoDate.optional(),
  lifecycle: lifecycleSchema.default('development'),
  endOfSaleDate: isoDate.optional(),
  endOfSupportDate: isoDate.optional(),
});
export type AddProductVersionInput = z.input<typeof addProductVersionSchema>;

export const updateLifecycleSchema = z.object({
  product: z.string().trim().min(1),
  version: z.string().trim().min(1),
  lifecycle: lifecycleSchema,
  /** The date the new stage took effect; today (UTC) when absent. */
  date: isoDate.optional(),
});
export type UpdateLifecycleInput = z.input<typeof updateLifecycleSchema>;

export async function addProductVersion(ctx: ServiceContext, input: AddProductVersionInput): Promise<ProductVersion> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(addProductVersionSchema, input);
  checkDateOrder(parsed);
  return inTransaction(ctx, async (trx) => {
    const product = await findProductOrThrow(trx, orgId, parsed.product);
    const created = await insertProductVersion(trx, orgId, {
      productId: product.id,
      version: parsed.version,
      lifecycle: parsed.lifecycle,
      releaseDate: parsed.releaseDate,
      endOfSaleDate: parsed.endOfSaleDate,
      endOfSupportDate: parsed.endOfSupportDate,
    });
    await recordAudit(trx, ctx.actor, {
      action: 'product-version.create',
      entityType: 'product-version',
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

export async function listProductVersions(
  ctx: ServiceContext,
  options: Page & { readonly product: string },
): Promise<ProductVersion[]> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const product = await findProductOrThrow(ctx.store.db, orgId, options.product);
  return listProductVersionRows(ctx.store.db, orgId, { ...options, productId: product.id });
}

/** One version of a product (by product id or name); AppError('not-found') when absent. */
export async function getProductVersion(
  ctx: ServiceContext,
  input: { readonly product: string; readonly version: string },
): Promise<ProductVersion> {
  requireRole(ctx.actor, 'viewer');
  return findProductVersionOrThrow(ctx.store.db, actorOrgId(ctx.actor), input);
}

/** Shared lookup for services (e.g. SBOM import) that address a release by product + version. */
export async function findProductVersionOrThrow(
  db: DbHandle,
  orgId: string,
  input: { readonly product: string; readonly version: string },
): Promise<ProductVersion> {
  const product = await findProductOrThrow(db, orgId, input.product);
  const version = await findProductVersion(db, orgId, { productId: product.id, version: input.version });
  if (version === undefined) {
    throw new AppError('not-found', `version "${input.version}" of product "${product.name}" not found`, {
      location: { path: 'version' },
    });
  }
  return version;
}

/** The date column each stage sets when a release enters it. */
const stageDateField = {
  development: undefined,
  released: 'releaseDate',
  'end-of-sale': 'endOfSaleDate',
  'end-of-support': 'endOfSupportDate',
} as const satisfies Record<Lifecycle, string | undefined>;

/**
 * Moves a release forward in its lifecycle (development → released → end-of-sale →
 * end-of-support; stages may be skipped) and records the date; moving back or staying put
 * is AppError('conflict').
 */
export async function updateLifecycle(ctx: ServiceContext, input: UpdateLifecycleInput): Promise<ProductVersion> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(updateLifecycleSchema, input);
  return inTransaction(ctx, async (trx) => {
    const before = await findProductVersionOrThrow(trx, orgId, parsed);
    if (lifecycleStages.indexOf(parsed.lifecycle) <= lifecycleStages.indexOf(before.lifecycle)) {
      throw new AppError(
        'conflict',
        `version "${before.version}" is ${before.lifecycle}; it cannot move to ${parsed.lifecycle} (lifecycle only moves forward)`,
        { location: { path: 'lifecycle' } },
      );
    }
    const field = stageDateField[parsed.lifecycle];
    const date = parsed.date ?? new Date().toISOString().slice(0, 10);
    const patch =
      field === undefined ? { lifecycle: parsed.lifecycle } : { lifecycle: parsed.lifecycle, [field]: date };
    checkDateOrder({ ...before, ...patch });
    const after = await updateProductVersion(trx, orgId, { id: before.id, patch });
    if (after === undefined) throw new AppError('not-found', `version "${parsed.version}" not found`);
    await recordAudit(trx, ctx.actor, {
      action: 'product-version.lifecycle',
      entityType: 'product-version',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}

/** Release, end-of-sale and end-of-support dates, where present, must not go backwards. */
function checkDateOrder(dates: {
  readonly releaseDate?: string | undefined;
  readonly endOfSaleDate?: string | undefined;
  readonly endOfSupportDate?: string | undefined;
}): void {
  const ordered = [
    ['releaseDate', dates.releaseDate],
    ['endOfSaleDate', dates.endOfSaleDate],
    ['endOfSupportDate', dates.endOfSupportDate],
  ] as const;
  let previous: readonly [string, string] | undefined;
  for (const [name, value] of ordered) {
    if (value === undefined) continue;
    if (previous !== undefined && value < previous[1]) {
      throw new AppError('invalid-input', `${name} ${value} is before ${previous[0]} ${previous[1]}`, {
        location: { path: name },
      });
    }
    previous = [name, value];
  }
}
