import { expect, it } from 'vitest';
import {
  findComponentKeysForVersion,
  insertComponents,
  insertComponentSources,
  listComponentsForVersion,
  listDependenciesForVersion,
} from '../../src/store/queries/components.js';
import {
  findProductVersion,
  getProductVersionById,
  listProductVersions,
} from '../../src/store/queries/product-versions.js';
import { getProductById, getProductByName, listProducts, updateProduct } from '../../src/store/queries/products.js';
import { getSbom, getSbomOriginal, insertSbom, listSboms } from '../../src/store/queries/sboms.js';
import { newComponent } from '../../src/core/sbom.js';
import { describeEachStore, seedCatalog } from '../support/stores.js';

describeEachStore('organization isolation', (fixture) => {
  it('org B cannot read, list or change org A records by id or name', async () => {
    const store = await fixture.open();
    const a = await seedCatalog(store, 'Org A');
    const b = await seedCatalog(store, 'Org B');
    const sbom = await insertSbom(store.db, a.orgId, {
      productVersionId: a.productVersionId,
      format: 'cyclonedx',
      specVersion: '1.6',
      encoding: 'json',
      authors: [],
      tools: [],
      original: Buffer.from('{}'),
      importedBy: 'system',
    });
    await insertComponents(store.db, a.orgId, {
      productVersionId: a.productVersionId,
      components: [{ ...newComponent({ ref: 'x', name: 'openssl' }), identityKey: 'k', isSubject: false }],
    });

    // Sanity: A sees its own records.
    expect(await getProductById(store.db, a.orgId, a.productId)).toBeDefined();

    expect(await getProductById(store.db, b.orgId, a.productId)).toBeUndefined();
    expect((await listProducts(store.db, b.orgId)).map((p) => p.id)).toEqual([b.productId]);
    expect(await getProductByName(store.db, 'no-such-org', 'Infusion Pump')).toBeUndefined();
    expect(await updateProduct(store.db, b.orgId, { id: a.productId, patch: { name: 'stolen' } })).toBeUndefined();
    expect((await getProductById(store.db, a.orgId, a.productId))?.name).toBe('Infusion Pump');

    expect(await getProductVersionById(store.db, b.orgId, a.productVersionId)).toBeUndefined();
    expect(await findProductVersion(store.db, b.orgId, { productId: a.productId, version: '1.0.0' })).toBeUndefined();
    expect(await listProductVersions(store.db, b.orgId, { productId: a.productId })).toEqual([]);

    expect(await getSbom(store.db, b.orgId, sbom.id)).toBeUndefined();
    expect(await getSbomOriginal(store.db, b.orgId, sbom.id)).toBeUndefined();
    expect(await listSboms(store.db, b.orgId, { productVersionId: a.productVersionId })).toEqual([]);

    expect(await listComponentsForVersion(store.db, b.orgId, { productVersionId: a.productVersionId })).toEqual([]);
    expect((await findComponentKeysForVersion(store.db, b.orgId, a.productVersionId)).size).toBe(0);
    expect(await listDependenciesForVersion(store.db, b.orgId, a.productVersionId)).toEqual([]);
  });

  it("refuses to link components to another organization's SBOM", async () => {
    const store = await fixture.open();
    const a = await seedCatalog(store, 'Org A');
    const b = await seedCatalog(store, 'Org B');
    const sbom = await insertSbom(store.db, a.orgId, {
      productVersionId: a.productVersionId,
      format: 'spdx',
      specVersion: '2.3',
      encoding: 'json',
      authors: [],
      tools: [],
      original: Buffer.from('{}'),
      importedBy: 'system',
    });
    const [id] = await insertComponents(store.db, b.orgId, {
      productVersionId: b.productVersionId,
      components: [{ ...newComponent({ ref: 'x', name: 'zlib' }), identityKey: 'k', isSubject: false }],
    });
    await expect(
      insertComponentSources(store.db, b.orgId, [{ componentId: id!, sbomId: sbom.id, ref: 'x' }]),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});
