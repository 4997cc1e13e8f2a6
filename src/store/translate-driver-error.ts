import { AppError, isAppError } from '../core/app-error.js';
import type { StoreDialect } from './store.js';

/** SQLSTATE our PostgreSQL append-only trigger raises (a custom class, see the foundation migration). */
export const appendOnlySqlState = 'JS001';

const unavailableNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'EPIPE']);

/**
 * Turns any error from better-sqlite3 or pg into an AppError, so no driver error leaves
 * the store. Decisions use the driver's error code (SQLite extended code, PostgreSQL
 * SQLSTATE), never its message; the message only supplies the table name for humans.
 */
export function translateDriverError(error: unknown, dialect: StoreDialect): AppError {
  if (isAppError(error)) return error;
  const code = errorCode(error);
  const table = tableOf(error);
  const what = table ?? 'record';
  const options = { cause: error };
  const reason = error instanceof Error ? error.message : String(error);
  const kind = dialect === 'sqlite' ? classifySqlite(code) : classifyPostgres(code);
  switch (kind) {
    case 'unique':
      return new AppError('conflict', `${what} already exists (unique constraint)`, options);
    case 'reference':
      return new AppError('conflict', `${what} refers to a record that does not exist or is still referenced`, options);
    case 'check':
      return new AppError('invalid-input', `${what} has a value outside the allowed set`, options);
    case 'append-only':
      return new AppError('forbidden', `${what} is append-only: rows cannot be updated or deleted`, options);
    case 'unavailable':
      return new AppError('source-unavailable', `database unavailable: ${reason}`, options);
    case 'internal':
      return new AppError('internal', `database error: ${reason}`, options);
  }
}

type ErrorKind = 'unique' | 'reference' | 'check' | 'append-only' | 'unavailable' | 'internal';

function classifySqlite(code: string | undefined): ErrorKind {
  if (code === undefined) return 'internal';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'reference';
  if (code === 'SQLITE_CONSTRAINT_CHECK') return 'check';
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') return 'append-only';
  if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL|READONLY|NOTADB|CORRUPT|PERM)/.test(code)) return 'unavailable';
  return 'internal';
}

function classifyPostgres(code: string | undefined): ErrorKind {
  if (code === undefined) return 'internal';
  if (code === '23505') return 'unique';
  if (code === '23503') return 'reference';
  if (code === '23514') return 'check';
  if (code === appendOnlySqlState) return 'append-only';
  // 08 connection exception, 28 auth, 3D000 missing database, 53 resources, 57P admin shutdown.
  if (/^(08|28|53|57P)/.test(code) || code === '3D000' || unavailableNodeCodes.has(code)) return 'unavailable';
  return 'internal';
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function tableOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const table = (error as { table?: unknown }).table;
  if (typeof table === 'string') return table;
  // SQLite names the columns as `table.column` in constraint messages; used for display only.
  const message = (error as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  return /constraint failed: (\w+)\./.exec(message)?.[1];
}

/** Runs `work`, replacing a `conflict` AppError by one whose message names the entity. */
export async function withConflictMessage<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isAppError(error) && error.code === 'conflict') {
      throw new AppError('conflict', message, { cause: error });
    }
    throw error;
  }
}
