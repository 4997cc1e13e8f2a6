import type { Selectable } from 'kysely';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { AuditLogTable } from '../schema.js';

/** One entry of the append-only audit log: who did what to which entity, before and after. */
export interface AuditEntry {
  readonly id: string;
  readonly orgId: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly at: string;
}

export interface NewAuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    orgId: row.org_id,
    actor: row.actor,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: columnCodec.fromJsonOrNull(row.before_json),
    after: columnCodec.fromJsonOrNull(row.after_json),
    at: row.at,
  };
}

// Append-only by design: this module offers insert and read, never update or delete, and
// database triggers reject UPDATE/DELETE on audit_log (see the foundation migration).

export async function insertAuditEntry(db: DbHandle, orgId: string, input: NewAuditEntry): Promise<AuditEntry> {
  const row = {
    id: columnCodec.newId(),
    org_id: orgId,
    actor: input.actor,
    action: input.action,
    entity_type: input.entityType,
    entity_id: input.entityId,
    before_json: columnCodec.toJsonOrNull(input.before),
    after_json: columnCodec.toJsonOrNull(input.after),
    at: columnCodec.now(),
  };
  await db.insertInto('audit_log').values(row).execute();
  return toAuditEntry(row);
}

/** Audit entries of one organization, oldest first, optionally for one entity. */
export async function listAuditEntries(
  db: DbHandle,
  orgId: string,
  options: Page & { readonly entityType?: string; readonly entityId?: string } = {},
): Promise<AuditEntry[]> {
  const { limit, offset } = resolvePage(options);
  let query = db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId);
  if (options.entityType !== undefined) query = query.where('entity_type', '=', options.entityType);
  if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
  const rows = await query.orderBy('at').orderBy('id').limit(limit).offset(offset).execute();
  return rows.map(toAuditEntry);
}
