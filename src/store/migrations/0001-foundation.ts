import { sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../store.js';
import { appendOnlySqlState } from '../translate-driver-error.js';

/**
 * Foundation schema: organizations, users, tokens, audit log, product catalog, SBOMs and
 * components. One definition for both engines; only the document column type differs.
 */
export function foundationMigration(dialect: StoreDialect): Migration {
  return {
    // Kysely migrations are schema-agnostic by design, hence Kysely<any>.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>): Promise<void> {
      await createIdentityTables(db);
      await createAuditLog(db, dialect);
      await createCatalogTables(db);
      await createSbomTables(db, dialect);
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

async function createIdentityTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('organizations_kind_check', sql`kind in ('manufacturer', 'hdo')`)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('admin', 'analyst', 'viewer')`)
    .execute();
  await db.schema.createIndex('users_org_idx').on('users').column('org_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_org_user_idx').on('api_tokens').columns(['org_id', 'user_id']).execute();
}

async function createAuditLog(db: AnyDb, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // No cascade: an organization with history cannot silently lose it.
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('restrict'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_org_at_idx').on('audit_log').columns(['org_id', 'at']).execute();

  // The log is append-only at the database level too, so no code path (or operator with
  // SQL access through the app's role) can rewrite history.
  if (dialect === 'sqlite') {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only' using errcode = ${sql.lit(appendOnlySqlState)};
      end $$`.execute(db);
    await sql`create trigger audit_log_no_update_delete before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  }
}

async function createCatalogTables(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('manufacturer', 'text', (c) => c.notNull())
    .addColumn('model_numbers', 'text', (c) => c.notNull())
    .addColumn('udi_di', 'text')
    .addColumn('device_type', 'text')
    .addColumn('cyber_device', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('products_org_name_unique', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('product_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('release_date', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('end_of_sale_date', 'text')
    .addColumn('end_of_support_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('product_versions_product_version_unique', ['product_id', 'version'])
    .addCheckConstraint(
      'product_versions_lifecycle_check',
      sql`lifecycle in ('development', 'released', 'end-of-sale', 'end-of-support')`,
    )
    .execute();
  await db.schema.createIndex('product_versions_org_idx').on('product_versions').column('org_id').execute();
}

async function createSbomTables(db: AnyDb, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('sboms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id').onDelete('cascade'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('serial_number', 'text')
    .addColumn('name', 'text')
    .addColumn('authors', 'text', (c) => c.notNull())
    .addColumn('tools', 'text', (c) => c.notNull())
    .addColumn('doc_timestamp', 'text')
    .addColumn('subject_ref', 'text')
    .addColumn('original', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('original_sha256', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sboms_version_idx').on('sboms').columns(['product_version_id']).execute();

  await db.schema
    .createTable('components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id').onDelete('cascade'))
    .addColumn('identity_key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('grp', 'text')
    .addColumn('version', 'text')
    .addColumn('supplier', 'text')
    .addColumn('purl', 'text')
    .addColumn('cpe', 'text')
    .addColumn('hashes', 'text', (c) => c.notNull())
    .addColumn('license', 'text')
    .addColumn('description', 'text')
    .addColumn('copyright', 'text')
    .addColumn('level_of_support', 'text')
    .addColumn('end_of_support_date', 'text')
    .addColumn('external_refs', 'text', (c) => c.notNull())
    .addColumn('properties', 'text', (c) => c.notNull())
    .addColumn('is_subject', 'integer', (c) => c.notNull())
    .addUniqueConstraint('components_version_identity_unique', ['product_version_id', 'identity_key'])
    .execute();
  await db.schema.createIndex('components_purl_idx').on('components').column('purl').execute();

  await db.schema
    .createTable('component_sources')
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('sbom_id', 'text', (c) => c.notNull().references('sboms.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('component_sources_pk', ['component_id', 'sbom_id'])
    .execute();
  await db.schema.createIndex('component_sources_sbom_idx').on('component_sources').column('sbom_id').execute();

  await db.schema
    .createTable('component_dependencies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('product_version_id', 'text', (c) => c.notNull().references('product_versions.id').onDelete('cascade'))
    .addColumn('from_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('to_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('component_dependencies_pk', ['from_id', 'to_id'])
    .execute();
  await db.schema
    .createIndex('component_dependencies_version_idx')
    .on('component_dependencies')
    .column('product_version_id')
    .execute();
  await db.schema.createIndex('component_dependencies_to_idx').on('component_dependencies').column('to_id').execute();
}
