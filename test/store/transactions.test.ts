import { expect, it } from 'vitest';
import { newComponent } from '../../src/core/sbom.js';
import { insertComponents, listComponentsForVersion } from '../../src/store/queries/components.js';
import { insertOrganization, listAllOrganizations } from '../../src/store/queries/organizations.js';
import { insertProduct, listProducts } from '../../src/store/queries/products.js';
import { describeEachStore, seedCatalog } from '../support/stores.js';

describeEachStore('transactions', (fixture) => {
  it('a throw inside a transaction leaves no rows behind, bulk inserts included', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const failure = new Error('import crashed half way');
    const attempt = store.db.transaction().execute(async (trx) => {
      await insertProduct(trx, seed.orgId, {
        name: 'Ventilator',
        manufacturer: 'Acme',
        modelNumbers: [],
        cyberDevice: false,
      });
      await insertComponents(trx, seed.orgId, {
        productVersionId: seed.productVersionId,
        components: Array.from({ length: 6000 }, (_, i) => ({
          ...newComponent({ ref: `r${i}`, name: `c${i}` }),
          identityKey: `k${i}`,
          isSubject: false,
        })),
      });
      await insertOrganization(trx, { name: 'Half-made', kind: 'hdo' });
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect((await listProducts(store.db, seed.orgId)).map((p) => p.name)).toEqual(['Infusion Pump']);
    expect(await listComponentsForVersion(store.db, seed.orgId, { productVersionId: seed.productVersionId })).toEqual(
      [],
    );
    expect((await listAllOrganizations(store.db)).map((o) => o.name)).not.toContain('Half-made');
  });

  it('a database error inside a transaction rolls back the earlier writes', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const attempt = store.db.transaction().execute(async (trx) => {
      await insertProduct(trx, seed.orgId, {
        name: 'Monitor',
        manufacturer: 'Acme',
        modelNumbers: [],
        cyberDevice: false,
      });
      // Duplicate name: the unique constraint fails inside the transaction.
      await insertProduct(trx, seed.orgId, {
        name: 'Infusion Pump',
        manufacturer: 'Acme',
        modelNumbers: [],
        cyberDevice: false,
      });
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
    expect((await listProducts(store.db, seed.orgId)).map((p) => p.name)).toEqual(['Infusion Pump']);
  });
});
