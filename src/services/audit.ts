import type { Transaction } from 'kysely';
import { insertAuditEntry, type AuditEntry } from '../store/queries/audit-log.js';
import type { Schema } from '../store/schema.js';
import { actorLabel, actorOrgId, type Actor } from './context.js';

export interface AuditRecord {
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Appends an audit entry for a write. Takes a Transaction, not the database, so the entry
 * commits or rolls back together with the write it describes.
 */
export function recordAudit(
  trx: Transaction<Schema>,
  actor: Actor,
  record: AuditRecord & { readonly orgId?: string },
): Promise<AuditEntry> {
  const orgId = record.orgId ?? actorOrgId(actor);
  return insertAuditEntry(trx, orgId, {
    actor: actorLabel(actor),
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before,
    after: record.after,
  });
}
