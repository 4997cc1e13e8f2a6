/**
 * The database schema as Kysely sees it: one interface per table, snake_case columns.
 * Column conventions (see column-codec.ts): text UUID ids made by the app, ISO-8601 text
 * timestamps, booleans as integer 0/1, JSON as text, documents as blob/bytea.
 */
export interface Schema {
  organizations: OrganizationsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  products: ProductsTable;
  product_versions: ProductVersionsTable;
  sboms: SbomsTable;
  components: ComponentsTable;
  component_sources: ComponentSourcesTable;
  component_dependencies: ComponentDependenciesTable;
  vuln_records: VulnRecordsTable;
  vuln_ids: VulnIdsTable;
  vuln_match_keys: VulnMatchKeysTable;
  kev_entries: KevEntriesTable;
  epss_scores: EpssScoresTable;
  feed_sources: FeedSourcesTable;
  identity_mappings: IdentityMappingsTable;
  findings: FindingsTable;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  kind: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  at: string;
}

export interface ProductsTable {
  id: string;
  org_id: string;
  name: string;
  manufacturer: string;
  model_numbers: string;
  udi_di: string | null;
  device_type: string | null;
  cyber_device: number;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProductVersionsTable {
  id: string;
  org_id: string;
  product_id: string;
  version: string;
  release_date: string | null;
  lifecycle: string;
  end_of_sale_date: string | null;
  end_of_support_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface SbomsTable {
  id: string;
  org_id: string;
  product_version_id: string;
  format: string;
  spec_version: string;
  encoding: string;
  serial_number: string | null;
  name: string | null;
  authors: string;
  tools: string;
  doc_timestamp: string | null;
  subject_ref: string | null;
  original: Uint8Array;
  original_sha256: string;
  byte_size: number;
  file_name: string | null;
  imported_at: string;
  imported_by: string;
}

export interface ComponentsTable {
  id: string;
  org_id: string;
  product_version_id: string;
  identity_key: string;
  type: string;
  name: string;
  grp: string | null;
  version: string | null;
  supplier: string | null;
  purl: string | null;
  cpe: string | null;
  hashes: string;
  license: string | null;
  description: string | null;
  copyright: string | null;
  level_of_support: string | null;
  end_of_support_date: string | null;
  external_refs: string;
  properties: string;
  is_subject: number;
  /** See src/matching/match-keys.ts; null when the component can match nothing. */
  match_key: string | null;
}

export interface ComponentSourcesTable {
  component_id: string;
  sbom_id: string;
  ref: string;
}

export interface ComponentDependenciesTable {
  org_id: string;
  product_version_id: string;
  from_id: string;
  to_id: string;
}

export interface VulnRecordsTable {
  id: string;
  source: string;
  source_id: string;
  modified: string | null;
  published: string | null;
  withdrawn: string | null;
  source_url: string | null;
  content_sha256: string;
  record_json: string;
  imported_at: string;
  updated_at: string;
}

export interface VulnIdsTable {
  /** Upper-case identifier. */
  vuln_id: string;
  record_id: string;
}

export interface VulnMatchKeysTable {
  match_key: string;
  record_id: string;
}

export interface KevEntriesTable {
  cve_id: string;
  date_added: string;
  due_date: string;
  ransomware: string;
  entry_json: string;
  updated_at: string;
}

export interface EpssScoresTable {
  cve_id: string;
  score: number;
  percentile: number;
  score_date: string;
}

export interface FeedSourcesTable {
  source_key: string;
  sync_state_json: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_summary_json: string | null;
}

export interface IdentityMappingsTable {
  id: string;
  org_id: string;
  component_name: string;
  component_version: string;
  purl: string | null;
  cpe: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface FindingsTable {
  id: string;
  org_id: string;
  product_version_id: string;
  component_id: string;
  record_id: string;
  status: string;
  fixed_versions: string;
  evidence_json: string;
  first_seen_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  resolution: string | null;
}
