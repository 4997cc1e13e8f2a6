import type { Selectable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { ApiTokensTable } from '../schema.js';
import type { Role } from './users.js';

/** An API token as listed: never the secret, never its hash. */
export interface ApiToken {
  readonly id: string;
  readonly orgId: string;
  readonly userId: string;
  readonly name: string;
  readonly tokenPrefix: string;
  readonly createdAt: string;
  readonly expiresAt: string | undefined;
  readonly revokedAt: string | undefined;
  readonly lastUsedAt: string | undefined;
}

function toApiToken(row: Omit<Selectable<ApiTokensTable>, 'token_hash'>): ApiToken {
  return {
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    createdAt: row.created_at,
    expiresAt: columnCodec.optional(row.expires_at),
    revokedAt: columnCodec.optional(row.revoked_at),
    lastUsedAt: columnCodec.optional(row.last_used_at),
  };
}

const publicColumns = [
  'id',
  'org_id',
  'user_id',
  'name',
  'token_prefix',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;

export interface NewApiToken {
  readonly userId: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly tokenPrefix: string;
  readonly expiresAt?: string;
}

export async function insertApiToken(db: DbHandle, orgId: string, input: NewApiToken): Promise<ApiToken> {
  const row = {
    id: columnCodec.newId(),
    org_id: orgId,
    user_id: input.userId,
    name: input.name,
    token_hash: input.tokenHash,
    token_prefix: input.tokenPrefix,
    created_at: columnCodec.now(),
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
    last_used_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return toApiToken(row);
}

export async function getApiToken(db: DbHandle, orgId: string, tokenId: string): Promise<ApiToken | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select(publicColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
  return row === undefined ? undefined : toApiToken(row);
}

export async function listApiTokens(
  db: DbHandle,
  orgId: string,
  options: Page & { readonly userId?: string } = {},
): Promise<ApiToken[]> {
  const { limit, offset } = resolvePage(options);
  let query = db.selectFrom('api_tokens').select(publicColumns).where('org_id', '=', orgId);
  if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
  const rows = await query.orderBy('created_at').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(toApiToken);
}

/** Marks a token revoked (first revocation time wins); undefined when not in this organization. */
export async function revokeApiToken(
  db: DbHandle,
  orgId: string,
  input: { readonly tokenId: string; readonly at: string },
): Promise<ApiToken | undefined> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: input.at })
    .where('org_id', '=', orgId)
    .where('id', '=', input.tokenId)
    .where('revoked_at', 'is', null)
    .execute();
  return getApiToken(db, orgId, input.tokenId);
}

export async function touchApiToken(
  db: DbHandle,
  orgId: string,
  input: { readonly tokenId: string; readonly at: string },
): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: input.at })
    .where('org_id', '=', orgId)
    .where('id', '=', input.tokenId)
    .execute();
}

/**
 * The token with this hash plus its user's role. Authentication is what establishes the
 * organization, so this lookup is by the (globally unique) hash alone.
 */
export async function findApiTokenByHash(
  db: DbHandle,
  tokenHash: string,
): Promise<{ token: ApiToken; role: Role } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', (join) =>
      join.onRef('users.id', '=', 'api_tokens.user_id').onRef('users.org_id', '=', 'api_tokens.org_id'),
    )
    .select(publicColumns.map((c) => `api_tokens.${c}` as const))
    .select('users.role')
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row === undefined ? undefined : { token: toApiToken(row), role: row.role as Role };
}
