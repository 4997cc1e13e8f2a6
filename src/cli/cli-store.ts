import { isAbsolute, resolve } from 'node:path';
import type { ServiceContext } from '../services/context.js';
import { isPostgresLocation, openStore, resolveStoreLocation } from '../store/open-store.js';
import type { CliIo } from './cli-io.js';

type Store = ServiceContext['store'];

/** The global options every command can see (`--db`, `--org`). */
export interface GlobalOptions {
  readonly db?: string;
  readonly org?: string;
}

/**
 * The database location from `--db`, `JOINTSEC_DB`, `DATABASE_URL` or `./jointsec.db`,
 * with a relative SQLite path taken relative to the CLI's working directory.
 */
export function storeLocation(io: CliIo, options: GlobalOptions): string {
  const location = resolveStoreLocation({ flag: options.db, env: io.env });
  if (location === ':memory:' || isPostgresLocation(location) || isAbsolute(location)) return location;
  return resolve(io.cwd, location);
}

/** Opens the store, runs `work`, and closes the store whatever happens. */
export async function withStore<T>(io: CliIo, options: GlobalOptions, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocation(io, options));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
