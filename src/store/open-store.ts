import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { AppError, isAppError } from '../core/app-error.js';
import { errorTranslatingDialect, type BulkRunner } from './error-translating-dialect.js';
import { migrationProvider } from './migrations/migration-provider.js';
import { defaultStoreLocation, isPostgresLocation } from './resolve-store-location.js';

// Choosing the database is configuration, like opening it: the shells get both from here.
export { defaultStoreLocation, isPostgresLocation, resolveStoreLocation } from './resolve-store-location.js';
import type { Schema } from './schema.js';
import type { Store, StoreDialect } from './store.js';
import { translateDriverError } from './translate-driver-error.js';

/** How long a SQLite writer waits for another writer before giving up (ms). */
const sqliteBusyTimeoutMs = 5_000;
/** How long to wait for a PostgreSQL connection before reporting the source unavailable (ms). */
const postgresConnectTimeoutMs = 10_000;

/**
 * Opens the store at `location`: a `postgres://` / `postgresql://` URL, or else a SQLite file
 * path (or `:memory:`). Brings the schema up to date before returning.
 */
export async function openStore(location: string = defaultStoreLocation): Promise<Store> {
  const store = isPostgresLocation(location) ? openPostgres(location) : openSqlite(location);
  try {
    await migrateStore(store);
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

function openSqlite(location: string): Store {
  let database: Database.Database;
  try {
    database = new Database(location, { timeout: sqliteBusyTimeoutMs });
    // 16 KiB pages (SQLite's default is 4 KiB) for a new database: SBOM imports write wide
    // component rows and the original document as a large blob, and bigger pages cut the pages,
    // overflow chains and WAL frames they take (a 100k-component import ran ≈ 5 % faster).
    // SQLite ignores this for an existing database, whose page size is fixed once in WAL mode.
    database.pragma('page_size = 16384');
    // WAL lets readers run beside the writer; NORMAL sync is durable across app crashes in WAL mode.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    const translated = translateDriverError(error, 'sqlite');
    throw translated.code === 'internal'
      ? new AppError('source-unavailable', `cannot open SQLite database ${location}: ${translated.message}`, {
          cause: error,
        })
      : translated;
  }
  return makeStore(new SqliteDialect({ database }), { dialect: 'sqlite', bulk: sqliteBulkRunner(database) });
}

/** Prepared statements are cached per SQL text: bulk inserts reuse one per table. */
function sqliteBulkRunner(database: Database.Database): BulkRunner {
  const statements = new Map<string, Database.Statement>();
  return (text, rows) => {
    let statement = statements.get(text);
    if (statement === undefined) {
      statement = database.prepare(text);
      statements.set(text, statement);
    }
    let changes = 0;
    for (const row of rows) changes += statement.run(row).changes;
    return changes;
  };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: postgresConnectTimeoutMs });
  // An idle client losing its server emits here; without a listener Node would crash the
  // process. The next query fails and is reported as source-unavailable instead.
  pool.on('error', () => undefined);
  return makeStore(new PostgresDialect({ pool }), { dialect: 'postgres' });
}

function makeStore(
  inner: SqliteDialect | PostgresDialect,
  options: { readonly dialect: StoreDialect; readonly bulk?: BulkRunner },
): Store {
  const { dialect } = options;
  const db = new Kysely<Schema>({ dialect: errorTranslatingDialect(inner, options) });
  let closed = false;
  return {
    db,
    dialect,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

async function migrateStore(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error === undefined) return;
  if (isAppError(error)) throw error;
  throw new AppError('internal', 'database migration failed', { cause: error });
}
