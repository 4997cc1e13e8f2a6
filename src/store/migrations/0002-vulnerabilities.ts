import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Vulnerability intelligence and findings. Vulnerability data is shared by every organization
 * (it is public); findings, identity mappings and the components they are about belong to one.
 *
 * - `vuln_records`: one source's record of one vulnerability, kept whole as JSON with a digest
 *   so a re-import of the same data changes nothing.
 * - `vuln_ids`: every identifier (id and aliases, upper-case) of every record, to answer "show
 *   me GHSA-…" and to merge records that are one vulnerability.
 * - `vuln_match_keys`: the match keys (see src/matching/match-keys.ts) a record is filed under.
 *   `components.match_key` is the other side of the same index: a feed update finds the
 *   components it may affect by equality on these keys, never by a full scan.
 * - `findings`: one per component and record, with first/last seen and resolution.
 */
export function vulnerabilitiesMigration(dialect: StoreDialect): Migration {
  const double = dialect === 'sqlite' ? 'real' : 'double precision';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('vuln_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('modified', 'text')
        .addColumn('published', 'text')
        .addColumn('withdrawn', 'text')
        .addColumn('source_url', 'text')
        .addColumn('content_sha256', 'text', (c) => c.notNull())
        .addColumn('record_json', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('vuln_records_source_id_unique', ['source', 'source_id'])
        .execute();

      await db.schema
        .createTable('vuln_ids')
        .addColumn('vuln_id', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull().references('vuln_records.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('vuln_ids_pk', ['vuln_id', 'record_id'])
        .execute();
      await db.schema.createIndex('vuln_ids_record_idx').on('vuln_ids').column('record_id').execute();

      await db.schema
        .createTable('vuln_match_keys')
        .addColumn('match_key', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull().references('vuln_records.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('vuln_match_keys_pk', ['match_key', 'record_id'])
        .execute();
      await db.schema.createIndex('vuln_match_keys_record_idx').on('vuln_match_keys').column('record_id').execute();

      await db.schema
        .createTable('kev_entries')
        .addColumn('cve_id', 'text', (c) => c.primaryKey())
        .addColumn('date_added', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('ransomware', 'text', (c) => c.notNull())
        .addColumn('entry_json', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('epss_scores')
        .addColumn('cve_id', 'text', (c) => c.primaryKey())
        .addColumn('score', double, (c) => c.notNull())
        .addColumn('percentile', double, (c) => c.notNull())
        .addColumn('score_date', 'text', (c) => c.notNull())
        .execute();

      // What each feed source was last seen as: sync validators (ETag…), the last run's summary.
      await db.schema
        .createTable('feed_sources')
        .addColumn('source_key', 'text', (c) => c.primaryKey())
        .addColumn('sync_state_json', 'text')
        .addColumn('last_run_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_summary_json', 'text')
        .execute();

      await db.schema.alterTable('components').addColumn('match_key', 'text').execute();
      // Covering: a feed update reads every component under the changed keys (10^5 of them in a
      // large portfolio) from the index alone, instead of one scattered table page per row.
      await db.schema
        .createIndex('components_match_key_idx')
        .on('components')
        .columns(['match_key', 'id', 'org_id', 'product_version_id', 'name', 'version', 'purl', 'cpe'])
        .execute();

      await db.schema
        .createTable('identity_mappings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('component_name', 'text', (c) => c.notNull())
        // '' means every version: a unique constraint cannot see two NULLs as equal on both engines.
        .addColumn('component_version', 'text', (c) => c.notNull())
        .addColumn('purl', 'text')
        .addColumn('cpe', 'text')
        .addColumn('note', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('identity_mappings_unique', ['org_id', 'component_name', 'component_version'])
        .addCheckConstraint('identity_mappings_target_check', sql`purl is not null or cpe is not null`)
        .execute();

      await db.schema
        .createTable('findings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('product_version_id', 'text', (c) =>
          c.notNull().references('product_versions.id').onDelete('cascade'),
        )
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addColumn('record_id', 'text', (c) => c.notNull().references('vuln_records.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('fixed_versions', 'text', (c) => c.notNull())
        .addColumn('evidence_json', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .addColumn('resolution', 'text')
        .addUniqueConstraint('findings_component_record_unique', ['component_id', 'record_id'])
        .addCheckConstraint('findings_status_check', sql`status in ('affected', 'unknown-version')`)
        .addCheckConstraint(
          'findings_resolution_check',
          sql`resolution is null or resolution in ('withdrawn', 'no-longer-matches')`,
        )
        .execute();
      await db.schema
        .createIndex('findings_version_idx')
        .on('findings')
        .columns(['org_id', 'product_version_id'])
        .execute();
      await db.schema.createIndex('findings_record_idx').on('findings').column('record_id').execute();
    },
  };
}
