import { expect, it } from 'vitest';
import {
  addProductVersion,
  getProductVersion,
  listProductVersions,
  updateLifecycle,
} from '../../src/services/product-versions.js';
import { createProduct } from '../../src/services/products.js';
import { listAuditEntries } from '../../src/store/queries/audit-log.js';
import { bootstrapOrganization, describeEachStore } from '../support/stores.js';

describeEachStore('product version service', (fixture) => {
  async function withProduct() {
    const store = await fixture.open();
    const seeded = await bootstrapOrganization(store);
    await createProduct(seeded.ctx, { name: 'Pump', manufacturer: 'Acme', modelNumbers: [], cyberDevice: true });
    return { store, ...seeded };
  }

  it('adds versions (development by default), lists and gets them', async () => {
    const { ctx } = await withProduct();
    const v1 = await addProductVersion(ctx, { product: 'Pump', version: '1.0' });
    expect(v1).toMatchObject({ version: '1.0', lifecycle: 'development', releaseDate: undefined });
    const v2 = await addProductVersion(ctx, {
      product: 'Pump',
      version: '2.0',
      lifecycle: 'released',
      releaseDate: '2025-03-01',
    });
    expect((await listProductVersions(ctx, { product: 'Pump' })).map((v) => v.version).sort()).toEqual(['1.0', '2.0']);
    expect(await getProductVersion(ctx, { product: 'Pump', version: '2.0' })).toEqual(v2);
    await expect(getProductVersion(ctx, { product: 'Pump', version: '3.0' })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(addProductVersion(ctx, { product: 'Pump', version: '1.0' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(addProductVersion(ctx, { product: 'Nope', version: '1.0' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('moves forward through the lifecycle, recording each date', async () => {
    const { ctx, store, organization } = await withProduct();
    await addProductVersion(ctx, { product: 'Pump', version: '1.0' });
    const released = await updateLifecycle(ctx, {
      product: 'Pump',
      version: '1.0',
      lifecycle: 'released',
      date: '2024-01-15',
    });
    expect(released).toMatchObject({ lifecycle: 'released', releaseDate: '2024-01-15' });
    const eos = await updateLifecycle(ctx, {
      product: 'Pump',
      version: '1.0',
      lifecycle: 'end-of-sale',
      date: '2027-06-30',
    });
    expect(eos).toMatchObject({ lifecycle: 'end-of-sale', releaseDate: '2024-01-15', endOfSaleDate: '2027-06-30' });
    const eosup = await updateLifecycle(ctx, {
      product: 'Pump',
      version: '1.0',
      lifecycle: 'end-of-support',
      date: '2030-12-31',
    });
    expect(eosup).toMatchObject({ lifecycle: 'end-of-support', endOfSupportDate: '2030-12-31' });
    const audit = await listAuditEntries(store.db, organization.id, { entityId: eosup.id });
    expect(audit.filter((e) => e.action === 'product-version.lifecycle')).toHaveLength(3);
  });

  it('refuses to move backwards or stay put, with conflict', async () => {
    const { ctx } = await withProduct();
    await addProductVersion(ctx, {
      product: 'Pump',
      version: '1.0',
      lifecycle: 'end-of-sale',
      endOfSaleDate: '2026-01-01',
    });
    await expect(
      updateLifecycle(ctx, { product: 'Pump', version: '1.0', lifecycle: 'released' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      updateLifecycle(ctx, { product: 'Pump', version: '1.0', lifecycle: 'end-of-sale' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await getProductVersion(ctx, { product: 'Pump', version: '1.0' })).lifecycle).toBe('end-of-sale');
  });

  it('may skip stages, defaults the date to today and rejects dates out of order', async () => {
    const { ctx } = await withProduct();
    await addProductVersion(ctx, { product: 'Pump', version: '0.9' });
    const before = new Date().toISOString().slice(0, 10);
    const skipped = await updateLifecycle(ctx, { product: 'Pump', version: '0.9', lifecycle: 'end-of-support' });
    const after = new Date().toISOString().slice(0, 10);
    expect(skipped.lifecycle).toBe('end-of-support');
    expect([before, after]).toContain(skipped.endOfSupportDate);

    await addProductVersion(ctx, { product: 'Pump', version: '1.1', lifecycle: 'released', releaseDate: '2025-05-01' });
    await expect(
      updateLifecycle(ctx, { product: 'Pump', version: '1.1', lifecycle: 'end-of-sale', date: '2025-04-30' }),
    ).rejects.toMatchObject({ code: 'invalid-input', location: { path: 'endOfSaleDate' } });
    await expect(
      updateLifecycle(ctx, { product: 'Pump', version: '1.1', lifecycle: 'end-of-sale', date: '31/12/2030' }),
    ).rejects.toMatchObject({ code: 'invalid-input', location: { path: 'date' } });
  });
});
