import { expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { insertProductVersion, updateProductVersion } from '../../src/store/queries/product-versions.js';
import { getProductByName, insertProduct, updateProduct } from '../../src/store/queries/products.js';
import { insertOrganization } from '../../src/store/queries/organizations.js';
import { describeEachStore, seedCatalog } from '../support/stores.js';

describeEachStore('product queries', (fixture) => {
  it('round-trips every product field, booleans and JSON included', async () => {
    const store = await fixture.open();
    const org = await insertOrganization(store.db, { name: 'Acme', kind: 'manufacturer' });
    const created = await insertProduct(store.db, org.id, {
      name: 'Pump',
      manufacturer: 'Acme Medical',
      modelNumbers: ['P-100', 'P-200'],
      udiDi: '00812345678906',
      deviceType: 'infusion pump',
      cyberDevice: true,
      description: 'Large-volume pump',
    });
    const read = await getProductByName(store.db, org.id, 'Pump');
    expect(read).toEqual(created);
    expect(read).toMatchObject({ modelNumbers: ['P-100', 'P-200'], cyberDevice: true, udiDi: '00812345678906' });
  });

  it('raises conflict naming the product on a duplicate name in one organization', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const attempt = insertProduct(store.db, seed.orgId, {
      name: 'Infusion Pump',
      manufacturer: 'Other',
      modelNumbers: [],
      cyberDevice: false,
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Infusion Pump'),
    });
  });

  it('allows the same product name in two organizations', async () => {
    const store = await fixture.open();
    await seedCatalog(store, 'A');
    const b = await seedCatalog(store, 'B');
    expect((await getProductByName(store.db, b.orgId, 'Infusion Pump'))?.orgId).toBe(b.orgId);
  });

  it('updates fields and clears optional ones with null', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const updated = await updateProduct(store.db, seed.orgId, {
      id: seed.productId,
      patch: { cyberDevice: false, modelNumbers: [], udiDi: null, description: 'now described' },
    });
    expect(updated).toMatchObject({
      cyberDevice: false,
      modelNumbers: [],
      udiDi: undefined,
      description: 'now described',
    });
  });

  it('raises conflict on a duplicate version of one product', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const attempt = insertProductVersion(store.db, seed.orgId, {
      productId: seed.productId,
      version: '1.0.0',
      lifecycle: 'released',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('1.0.0') });
  });

  it('updates lifecycle and dates of a version', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const v = await updateProductVersion(store.db, seed.orgId, {
      id: seed.productVersionId,
      patch: { lifecycle: 'released', releaseDate: '2025-01-31' },
    });
    expect(v).toMatchObject({ lifecycle: 'released', releaseDate: '2025-01-31', endOfSaleDate: undefined });
  });
});
