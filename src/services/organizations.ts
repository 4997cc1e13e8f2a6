import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Page } from '../store/page.js';
import {
  findOrganizationByName as findOrganizationRowByName,
  getOrganization as getOrganizationRow,
  insertOrganization,
  listAllOrganizations,
  type Organization,
} from '../store/queries/organizations.js';
import type { User } from '../store/queries/users.js';
import { recordAudit } from './audit.js';
import { actorOrgId, inTransaction, isSystemActor, parseInput, type ServiceContext } from './context.js';
import { createUserInTransaction } from './users.js';

export type { Organization };

export const organizationKindSchema = z.enum(['manufacturer', 'hdo']);

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: organizationKindSchema,
  admin: z.object({
    email: z.email().max(320),
    displayName: z.string().trim().min(1).max(200),
    password: z.string().min(12).max(1024).optional(),
  }),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

/**
 * Bootstraps an organization together with its first admin user, in one transaction.
 * Only the system actor may do this (there is no user yet to authorize it).
 */
export async function createOrganization(
  ctx: ServiceContext,
  input: CreateOrganizationInput,
): Promise<{ organization: Organization; admin: User }> {
  if (!isSystemActor(ctx.actor)) {
    throw new AppError('forbidden', 'only the system actor can create organizations');
  }
  const parsed = parseInput(createOrganizationSchema, input);
  return inTransaction(ctx, async (trx) => {
    const organization = await insertOrganization(trx, { name: parsed.name, kind: parsed.kind });
    await recordAudit(trx, ctx.actor, {
      orgId: organization.id,
      action: 'organization.create',
      entityType: 'organization',
      entityId: organization.id,
      after: organization,
    });
    const admin = await createUserInTransaction(trx, {
      actor: ctx.actor,
      orgId: organization.id,
      input: { ...parsed.admin, role: 'admin' },
    });
    return { organization, admin };
  });
}

/** An organization the actor may see: its own, or any for the system actor. */
export async function getOrganization(ctx: ServiceContext, orgId: string): Promise<Organization> {
  const visible = isSystemActor(ctx.actor) || ctx.actor.orgId === orgId;
  const organization = visible ? await getOrganizationRow(ctx.store.db, orgId) : undefined;
  // Another organization's existence is not disclosed: same answer as a missing one.
  if (organization === undefined) throw new AppError('not-found', `organization ${orgId} not found`);
  return organization;
}

/** Every organization for the system actor; a user sees only their own. */
export async function listOrganizations(ctx: ServiceContext, page?: Page): Promise<Organization[]> {
  if (isSystemActor(ctx.actor)) return listAllOrganizations(ctx.store.db, page);
  const own = await getOrganizationRow(ctx.store.db, actorOrgId(ctx.actor));
  return own === undefined ? [] : [own];
}

/**
 * An organization by its exact name: any for the system actor (the CLI's `--org`, the demo
 * seed), else only the actor's own. Undefined when there is none the actor may see.
 */
export async function findOrganizationByName(ctx: ServiceContext, name: string): Promise<Organization | undefined> {
  const organization = await findOrganizationRowByName(ctx.store.db, name);
  if (organization === undefined) return undefined;
  return isSystemActor(ctx.actor) || ctx.actor.orgId === organization.id ? organization : undefined;
}
