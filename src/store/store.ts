import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which engine it is, and how to close it. */
export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}
