import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../core/app-error.js';
import type { Schema } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Role } from '../store/queries/users.js';

export type { Role };

/**
 * Who is acting. A user actor has a userId; the system actor (CLI on a local database,
 * bootstrapping) has `userId: null`, is admin, and may have no organization yet.
 */
export interface Actor {
  readonly orgId: string | null;
  readonly userId: string | null;
  readonly role: Role;
}

/** What every service receives: the store and the actor on whose behalf it works. */
export interface ServiceContext {
  readonly store: Store;
  readonly actor: Actor;
}

/** The system actor, optionally acting inside one organization. */
export function systemActor(orgId: string | null = null): Actor {
  return { orgId, userId: null, role: 'admin' };
}

export function isSystemActor(actor: Actor): boolean {
  return actor.userId === null;
}

/** How the audit log names an actor. */
export function actorLabel(actor: Actor): string {
  return actor.userId ?? 'system';
}

const roleRank: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** Refuses with AppError('forbidden') unless the actor's role is at least `minimum`. */
export function requireRole(actor: Actor, minimum: Role): void {
  if (roleRank[actor.role] < roleRank[minimum]) {
    throw new AppError('forbidden', `this action needs the ${minimum} role; you are ${actor.role}`);
  }
}

/** The organization the actor works in; forbidden for a system actor not bound to one. */
export function actorOrgId(actor: Actor): string {
  if (actor.orgId === null) {
    throw new AppError('forbidden', 'this action needs an organization; none is selected');
  }
  return actor.orgId;
}

/** Runs `work` in one transaction on the context's store: every write plus its audit entry. */
export function inTransaction<T>(ctx: ServiceContext, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  return ctx.store.db.transaction().execute(work);
}

/**
 * Parses service input with a zod schema; failure becomes AppError('invalid-input') naming
 * the first offending field, with every issue as a diagnostic.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    severity: 'error' as const,
    path: issue.path.length === 0 ? '(input)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const message = first === undefined ? 'invalid input' : `invalid ${first.path}: ${first.message}`;
  return raise(new AppError('invalid-input', message, { location: { path: first?.path }, details }));
}

function raise(error: AppError): never {
  throw error;
}
