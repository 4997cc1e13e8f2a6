import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Page } from '../store/page.js';
import {
  findUserForLogin,
  getUser,
  insertUser,
  listUsers as listUserRows,
  setUserPasswordHash,
  type User,
} from '../store/queries/users.js';
import type { Schema } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { recordAudit } from './audit.js';
import { actorOrgId, inTransaction, parseInput, requireRole, type Actor, type ServiceContext } from './context.js';

export type { User };

export const roleSchema = z.enum(['admin', 'analyst', 'viewer']);
export const passwordSchema = z.string().min(12).max(1024);

export const createUserSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** Creates a user in the actor's organization (admin only). */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<User> {
  requireRole(ctx.actor, 'admin');
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(createUserSchema, input);
  return inTransaction(ctx, (trx) => createUserInTransaction(trx, { actor: ctx.actor, orgId, input: parsed }));
}

/** The write half of createUser, for services that create a user inside their own transaction. */
export async function createUserInTransaction(
  trx: Transaction<Schema>,
  options: { readonly actor: Actor; readonly orgId: string; readonly input: z.output<typeof createUserSchema> },
): Promise<User> {
  const { input } = options;
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const user = await insertUser(trx, options.orgId, {
    // Emails are compared case-insensitively everywhere, so they are stored lower-cased.
    email: input.email.toLowerCase(),
    displayName: input.displayName,
    role: input.role,
    ...(passwordHash === undefined ? {} : { passwordHash }),
  });
  await recordAudit(trx, options.actor, {
    orgId: options.orgId,
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    after: user,
  });
  return user;
}

export async function listUsers(ctx: ServiceContext, page?: Page): Promise<User[]> {
  requireRole(ctx.actor, 'viewer');
  return listUserRows(ctx.store.db, actorOrgId(ctx.actor), page);
}

/** Sets a user's password: admins for anyone in their organization, users for themselves. */
export async function setPassword(
  ctx: ServiceContext,
  input: { readonly userId: string; readonly password: string },
): Promise<void> {
  const orgId = actorOrgId(ctx.actor);
  if (ctx.actor.userId !== input.userId) requireRole(ctx.actor, 'admin');
  const password = parseInput(passwordSchema, input.password);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const before = await getUser(trx, orgId, input.userId);
    if (before === undefined) throw new AppError('not-found', `user ${input.userId} not found`);
    await setUserPasswordHash(trx, orgId, { userId: input.userId, passwordHash });
    await recordAudit(trx, ctx.actor, {
      action: 'user.set-password',
      entityType: 'user',
      entityId: input.userId,
      // The hash itself never goes into the audit log.
      before: { hasPassword: before.hasPassword },
      after: { hasPassword: true },
    });
  });
}

/** Checks an email/password login; the acting identity on success, AppError('unauthorized') otherwise. */
export async function verifyPassword(
  store: Store,
  input: { readonly email: string; readonly password: string },
): Promise<{ actor: Actor; user: User }> {
  const found = await findUserForLogin(store.db, input.email.toLowerCase());
  // Hash even when the user is unknown so response time does not reveal which emails exist.
  const encoded = found?.passwordHash ?? (await decoyHash());
  const ok = await checkPassword(encoded, input.password);
  if (found === undefined || found.passwordHash === null || !ok) {
    throw new AppError('unauthorized', 'unknown email or wrong password');
  }
  const { user } = found;
  return { actor: { orgId: user.orgId, userId: user.id, role: user.role }, user };
}

// scrypt with N=2^15, r=8, p=1 needs 128·N·r = 32 MiB; maxmem must exceed that.
const scryptParams = { N: 2 ** 15, r: 8, p: 1 } as const;
const maxmem = 64 * 1024 * 1024;
const keyLength = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (salt and hash in base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParams;
  const hash = await scrypt(password, salt, { N, r, p, maxmem });
  return ['scrypt', N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** True when `password` matches an encoded hash from hashPassword; false for any malformed hash. */
export async function checkPassword(encoded: string, password: string): Promise<boolean> {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // Bound the parameters so a tampered row cannot make us allocate without limit.
  if (![N, r, p].every(Number.isSafeInteger) || N > 2 ** 20 || r > 32 || p > 16 || N < 2 || r < 1 || p < 1)
    return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const expected = Buffer.from(parts[5] ?? '', 'base64url');
  if (expected.length !== keyLength) return false;
  const actual = await scrypt(password, salt, { N, r, p, maxmem: Math.max(maxmem, 256 * N * r) });
  return timingSafeEqual(actual, expected);
}

let decoy: Promise<string> | undefined;
function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}
