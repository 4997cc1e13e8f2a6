import { expect, it } from 'vitest';
import { createProduct, getProduct, listProducts, updateProduct } from '../../src/services/products.js';
import { createUser } from '../../src/services/users.js';
import { listAuditEntries } from '../../src/store/queries/audit-log.js';
import { bootstrapOrganization, describeEachStore } from '../support/stores.js';

const pump = { name: 'Infusion Pump', manufacturer: 'Acme Medical', modelNumbers: ['IP-1'], cyberDevice: true };

describeEachStore('product service', (fixture) => {
  it('creates, gets by id or name, lists and updates a product, auditing each write', async () => {
    const store = await fixture.open();
    const { ctx, organization } = await bootstrapOrganization(store);
    const created = await createProduct(ctx, { ...pump, udiDi: '00812345678906' });
    expect(created).toMatchObject({ ...pump, udiDi: '00812345678906', orgId: organization.id });
    expect(await getProduct(ctx, created.id)).toEqual(created);
    expect(await getProduct(ctx, 'Infusion Pump')).toEqual(created);
    expect(await listProducts(ctx)).toEqual([created]);
    const updated = await updateProduct(ctx, { product: 'Infusion Pump', patch: { cyberDevice: false, udiDi: null } });
    expect(updated).toMatchObject({ id: created.id, cyberDevice: false, udiDi: undefined });

    const audit = await listAuditEntries(store.db, organization.id, { entityType: 'product' });
    expect(audit.map((e) => e.action).sort()).toEqual(['product.create', 'product.update']);
    const update = audit.find((e) => e.action === 'product.update');
    expect(update).toMatchObject({
      actor: ctx.actor.userId,
      before: { cyberDevice: true },
      after: { cyberDevice: false },
    });
  });

  it('refuses a duplicate name with conflict and writes no audit entry for it', async () => {
    const store = await fixture.open();
    const { ctx, organization } = await bootstrapOrganization(store);
    await createProduct(ctx, pump);
    await expect(createProduct(ctx, pump)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Infusion Pump'),
    });
    expect(await listAuditEntries(store.db, organization.id, { entityType: 'product' })).toHaveLength(1);
  });

  it("keeps organizations apart: B cannot get A's product by id or name, nor list it", async () => {
    const store = await fixture.open();
    const a = await bootstrapOrganization(store);
    const b = await bootstrapOrganization(store);
    const product = await createProduct(a.ctx, pump);
    await expect(getProduct(b.ctx, product.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(getProduct(b.ctx, product.name)).rejects.toMatchObject({ code: 'not-found' });
    await expect(updateProduct(b.ctx, { product: product.id, patch: { name: 'x' } })).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await listProducts(b.ctx)).toEqual([]);
  });

  it('validates input naming the field, and requires analyst to write', async () => {
    const store = await fixture.open();
    const { ctx } = await bootstrapOrganization(store);
    await expect(createProduct(ctx, { ...pump, name: '  ' })).rejects.toMatchObject({
      code: 'invalid-input',
      location: { path: 'name' },
    });
    await expect(createProduct(ctx, { ...pump, modelNumbers: ['ok', ''] })).rejects.toMatchObject({
      code: 'invalid-input',
      location: { path: 'modelNumbers.1' },
    });
    const viewer = await createUser(ctx, { email: 'v@example.org', displayName: 'V', role: 'viewer' });
    const asViewer = { store, actor: { orgId: ctx.actor.orgId, userId: viewer.id, role: 'viewer' as const } };
    await expect(createProduct(asViewer, pump)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listProducts(asViewer)).toEqual([]);
  });
});
