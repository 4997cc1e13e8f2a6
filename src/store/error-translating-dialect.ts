import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import { AppError } from '../core/app-error.js';
import { bulkRowsOf, type BulkValue } from './bulk-insert.js';
import type { StoreDialect } from './store.js';
import { translateDriverError } from './translate-driver-error.js';

/** Runs one prepared statement once per row on the connection's own database; returns rows changed. */
export type BulkRunner = (sql: string, rows: readonly (readonly BulkValue[])[]) => number;

/**
 * Wraps a Kysely dialect so that every driver call (connect, query, transaction control)
 * rejects with an AppError instead of a better-sqlite3 or pg error. With a `bulk` runner,
 * queries built by bulkInsert run through it instead of the ordinary driver path.
 */
export function errorTranslatingDialect(
  inner: Dialect,
  options: { readonly dialect: StoreDialect; readonly bulk?: BulkRunner },
): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new ErrorTranslatingDriver(inner.createDriver(), options),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

type DialectOptions = Parameters<typeof errorTranslatingDialect>[1];

class ErrorTranslatingConnection implements DatabaseConnection {
  private readonly dialect: StoreDialect;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly options: DialectOptions,
  ) {
    this.dialect = options.dialect;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      const rows = bulkRowsOf(query);
      if (rows === undefined) return await this.inner.executeQuery<R>(query);
      // The connection is held for this call, so running on the same database handle
      // stays inside whatever transaction Kysely has open on it.
      if (this.options.bulk === undefined)
        throw new AppError('internal', 'bulk insert is not available on this connection');
      return { rows: [], numAffectedRows: BigInt(this.options.bulk(query.sql, rows)) };
    } catch (error) {
      throw translateDriverError(error, this.dialect);
    }
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (error) {
      throw translateDriverError(error, this.dialect);
    }
  }
}

class ErrorTranslatingDriver implements Driver {
  private readonly dialect: StoreDialect;

  constructor(
    private readonly inner: Driver,
    private readonly options: DialectOptions,
  ) {
    this.dialect = options.dialect;
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateDriverError(error, this.dialect);
    }
  }

  private unwrap(connection: DatabaseConnection): DatabaseConnection {
    return connection instanceof ErrorTranslatingConnection ? connection.inner : connection;
  }

  init(): Promise<void> {
    return this.guard(() => this.inner.init());
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.guard(() => this.inner.acquireConnection());
    return new ErrorTranslatingConnection(connection, this.options);
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.guard(() => this.inner.beginTransaction(this.unwrap(connection), settings));
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.commitTransaction(this.unwrap(connection)));
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.rollbackTransaction(this.unwrap(connection)));
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    const inner = this.inner;
    if (inner.savepoint === undefined) return Promise.reject(noSavepoints());
    return this.guard(() => inner.savepoint!(this.unwrap(connection), name, compile));
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const inner = this.inner;
    if (inner.rollbackToSavepoint === undefined) return Promise.reject(noSavepoints());
    return this.guard(() => inner.rollbackToSavepoint!(this.unwrap(connection), name, compile));
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: QueryCompiler['compileQuery'],
  ): Promise<void> {
    const inner = this.inner;
    if (inner.releaseSavepoint === undefined) return Promise.reject(noSavepoints());
    return this.guard(() => inner.releaseSavepoint!(this.unwrap(connection), name, compile));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.guard(() => this.inner.releaseConnection(this.unwrap(connection)));
  }

  destroy(): Promise<void> {
    return this.guard(() => this.inner.destroy());
  }
}

function noSavepoints(): AppError {
  return new AppError('internal', 'the database driver does not support savepoints');
}
