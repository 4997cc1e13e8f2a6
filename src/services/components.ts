import type { Page } from '../store/page.js';
import { listComponentsForVersion, type StoredComponent } from '../store/queries/components.js';
import { actorOrgId, requireRole, type ServiceContext } from './context.js';
import { findProductVersionOrThrow } from './product-versions.js';

/** One page of a product version's merged components, ordered by identity key. */
export async function listComponents(
  ctx: ServiceContext,
  input: Page & { readonly product: string; readonly version: string },
): Promise<StoredComponent[]> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const version = await findProductVersionOrThrow(ctx.store.db, orgId, input);
  return listComponentsForVersion(ctx.store.db, orgId, {
    productVersionId: version.id,
    limit: input.limit,
    offset: input.offset,
  });
}
