import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import * as auditLog from '../../src/store/queries/audit-log.js';
import { insertOrganization } from '../../src/store/queries/organizations.js';
import { describeEachStore } from '../support/stores.js';

describeEachStore('audit_log is append-only', (fixture) => {
  async function seeded() {
    const store = await fixture.open();
    const org = await insertOrganization(store.db, { name: 'Acme', kind: 'manufacturer' });
    const entry = await auditLog.insertAuditEntry(store.db, org.id, {
      actor: 'system',
      action: 'product.create',
      entityType: 'product',
      entityId: 'p1',
      after: { name: 'Pump' },
    });
    return { store, org, entry };
  }

  it('round-trips an entry with its before/after JSON', async () => {
    const { store, org, entry } = await seeded();
    const listed = await auditLog.listAuditEntries(store.db, org.id);
    expect(listed).toEqual([entry]);
    expect(listed[0]?.after).toEqual({ name: 'Pump' });
    expect(listed[0]?.before).toBeNull();
  });

  it('rejects UPDATE at the database level', async () => {
    const { store, org, entry } = await seeded();
    const attempt = sql`update audit_log set actor = ${'mallory'} where id = ${entry.id}`.execute(store.db);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect((await auditLog.listAuditEntries(store.db, org.id))[0]?.actor).toBe('system');
  });

  it('rejects DELETE at the database level', async () => {
    const { store, org } = await seeded();
    const attempt = sql`delete from audit_log`.execute(store.db);
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
    expect(await auditLog.listAuditEntries(store.db, org.id)).toHaveLength(1);
  });

  it('does not show one organization the entries of another', async () => {
    const { store } = await seeded();
    const other = await insertOrganization(store.db, { name: 'Other', kind: 'hdo' });
    expect(await auditLog.listAuditEntries(store.db, other.id)).toEqual([]);
  });
});

it('the audit query module offers no update or delete', () => {
  expect(Object.keys(auditLog).sort()).toEqual(['insertAuditEntry', 'listAuditEntries']);
});
