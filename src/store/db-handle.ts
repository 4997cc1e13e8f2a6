import { SqliteAdapter, type Kysely, type Transaction } from 'kysely';
import type { Schema } from './schema.js';
import type { StoreDialect } from './store.js';

/** What every query function runs on: the database or an open transaction on it. */
export type DbHandle = Kysely<Schema> | Transaction<Schema>;

/** Which engine a handle talks to, for the few statements that must differ. */
export function dialectOf(db: DbHandle): StoreDialect {
  // getExecutor() is marked internal in Kysely's typings but is the documented way plugins
  // reach the adapter; our dialect wrapper passes the engine's own adapter through.
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
