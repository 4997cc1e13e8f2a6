import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Page } from '../store/page.js';
import {
  findApiTokenByHash,
  getApiToken,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiToken,
} from '../store/queries/api-tokens.js';
import { getUser } from '../store/queries/users.js';
import type { Store } from '../store/store.js';
import { recordAudit } from './audit.js';
import { actorOrgId, inTransaction, parseInput, requireRole, type Actor, type ServiceContext } from './context.js';

export type { ApiToken };

/** Every token starts with this, so leaked tokens are easy to recognise and scan for. */
export const tokenScheme = 'jsk_';
/** Characters kept in clear (scheme + 8) so a user can tell their tokens apart. */
const prefixLength = tokenScheme.length + 8;

export const createTokenSchema = z.object({
  userId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

function hashToken(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('hex');
}

/**
 * Issues an API token for a user of the actor's organization (admins for anyone, users for
 * themselves). The plaintext is returned here and only here; the store keeps its sha256.
 */
export async function createToken(
  ctx: ServiceContext,
  input: CreateTokenInput,
): Promise<{ token: ApiToken; plaintext: string }> {
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(createTokenSchema, input);
  if (ctx.actor.userId !== parsed.userId) requireRole(ctx.actor, 'admin');
  const plaintext = tokenScheme + randomBytes(32).toString('base64url');
  const expiresAt =
    parsed.expiresInDays === undefined
      ? undefined
      : new Date(Date.now() + parsed.expiresInDays * 86_400_000).toISOString();
  const token = await inTransaction(ctx, async (trx) => {
    const user = await getUser(trx, orgId, parsed.userId);
    if (user === undefined)
      throw new AppError('not-found', `user ${parsed.userId} not found`, { location: { path: 'userId' } });
    const created = await insertApiToken(trx, orgId, {
      userId: user.id,
      name: parsed.name,
      tokenHash: hashToken(plaintext),
      tokenPrefix: plaintext.slice(0, prefixLength),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    });
    await recordAudit(trx, ctx.actor, {
      action: 'token.create',
      entityType: 'api-token',
      entityId: created.id,
      after: created,
    });
    return created;
  });
  return { token, plaintext };
}

/** Revokes a token of the actor's organization (admins any, users their own). */
export async function revokeToken(ctx: ServiceContext, tokenId: string): Promise<ApiToken> {
  const orgId = actorOrgId(ctx.actor);
  return inTransaction(ctx, async (trx) => {
    const before = await getApiToken(trx, orgId, tokenId);
    if (before === undefined) throw new AppError('not-found', `token ${tokenId} not found`);
    if (before.userId !== ctx.actor.userId) requireRole(ctx.actor, 'admin');
    const after = await revokeApiToken(trx, orgId, { tokenId, at: new Date().toISOString() });
    if (after === undefined) throw new AppError('not-found', `token ${tokenId} not found`);
    await recordAudit(trx, ctx.actor, {
      action: 'token.revoke',
      entityType: 'api-token',
      entityId: tokenId,
      before,
      after,
    });
    return after;
  });
}

/** Tokens of the organization (admins) or of the acting user (everyone else). Never the secret. */
export async function listTokens(
  ctx: ServiceContext,
  options: Page & { readonly userId?: string } = {},
): Promise<ApiToken[]> {
  const orgId = actorOrgId(ctx.actor);
  if (options.userId !== ctx.actor.userId) requireRole(ctx.actor, 'admin');
  return listApiTokens(ctx.store.db, orgId, options);
}

/**
 * Resolves a presented token to the acting identity: AppError('unauthorized') for unknown,
 * revoked or expired tokens. Records last use (not audited: it is not a change of state a
 * person made, and would flood the log).
 */
export async function authenticateToken(store: Store, plaintext: string, now: Date = new Date()): Promise<Actor> {
  const refuse = (reason: string): AppError => new AppError('unauthorized', `invalid API token: ${reason}`);
  if (!plaintext.startsWith(tokenScheme)) throw refuse('not a jointsec token');
  const found = await findApiTokenByHash(store.db, hashToken(plaintext));
  if (found === undefined) throw refuse('unknown token');
  const { token, role } = found;
  if (token.revokedAt !== undefined) throw refuse('revoked');
  if (token.expiresAt !== undefined && Date.parse(token.expiresAt) <= now.getTime()) throw refuse('expired');
  await touchApiToken(store.db, token.orgId, { tokenId: token.id, at: now.toISOString() });
  return { orgId: token.orgId, userId: token.userId, role };
}
