import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../store.js';
import { foundationMigration } from './0001-foundation.js';
import { vulnerabilitiesMigration } from './0002-vulnerabilities.js';

/**
 * Every migration, in order, keyed by a versioned name. Kysely sorts by name, so names
 * start with a zero-padded number. Append new migrations; never edit a shipped one.
 */
export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    getMigrations(): Promise<Record<string, Migration>> {
      return Promise.resolve({
        '0001-foundation': foundationMigration(dialect),
        '0002-vulnerabilities': vulnerabilitiesMigration(dialect),
      });
    },
  };
}
