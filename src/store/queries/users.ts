import type { Selectable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { UsersTable } from '../schema.js';
import { withConflictMessage } from '../translate-driver-error.js';

export type Role = 'admin' | 'analyst' | 'viewer';

/** A person in one organization. The password hash never leaves the store in this shape. */
export interface User {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly hasPassword: boolean;
  readonly createdAt: string;
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as Role,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
  };
}

export interface NewUser {
  readonly id?: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: Role;
  readonly passwordHash?: string;
}

export async function insertUser(db: DbHandle, orgId: string, input: NewUser): Promise<User> {
  const row = {
    id: input.id ?? columnCodec.newId(),
    org_id: orgId,
    email: input.email,
    display_name: input.displayName,
    role: input.role,
    password_hash: input.passwordHash ?? null,
    created_at: columnCodec.now(),
  };
  await withConflictMessage(`a user with email "${input.email}" already exists`, () =>
    db.insertInto('users').values(row).execute(),
  );
  return toUser(row);
}

export async function getUser(db: DbHandle, orgId: string, userId: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export async function listUsers(db: DbHandle, orgId: string, page?: Page): Promise<User[]> {
  const { limit, offset } = resolvePage(page);
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('email')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toUser);
}

/** Stores a new password hash; returns false when the user is not in this organization. */
export async function setUserPasswordHash(
  db: DbHandle,
  orgId: string,
  input: { readonly userId: string; readonly passwordHash: string },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ password_hash: input.passwordHash })
    .where('org_id', '=', orgId)
    .where('id', '=', input.userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The user and password hash for a login email. Login happens before the organization is
 * known, so this is the one user lookup not scoped by orgId; email is globally unique.
 */
export async function findUserForLogin(
  db: DbHandle,
  email: string,
): Promise<{ user: User; passwordHash: string | null } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row === undefined ? undefined : { user: toUser(row), passwordHash: row.password_hash };
}
