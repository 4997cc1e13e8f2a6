import { expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { newComponent } from '../../src/core/sbom.js';
import {
  findComponentKeysForVersion,
  insertComponents,
  insertComponentSources,
  insertDependencies,
  listComponentSources,
  listComponentsForVersion,
  listDependenciesForVersion,
  loadComponentsForVersion,
  updateComponent,
  type NewComponent,
} from '../../src/store/queries/components.js';
import { getSbom, getSbomOriginal, insertSbom, listSboms, type NewSbom } from '../../src/store/queries/sboms.js';
import { describeEachStore, seedCatalog } from '../support/stores.js';

/** Enough rows to span several bulk batches (5000 rows each). */
const count = 12_001;

function makeComponents(n: number): NewComponent[] {
  return Array.from({ length: n }, (_, i) => ({
    ...newComponent({
      ref: `ref-${i}`,
      name: `pkg-${i}`,
      version: `1.${i}.0`,
      purl: `pkg:npm/pkg-${i}@1.${i}.0`,
      license: i % 2 === 0 ? 'MIT' : 'Apache-2.0 OR MIT',
      hashes: [{ alg: 'SHA-256', value: i.toString(16).padStart(64, '0') }],
      ...(i % 3 === 0
        ? { supplier: 'Acme "quoted" \u00e9', levelOfSupport: 'active', endOfSupportDate: '2030-12-31' }
        : {}),
      ...(i === 0
        ? {
            properties: [{ name: 'fda:note', value: 'line1\nline2' }],
            externalReferences: [{ type: 'website', url: 'https://example.org' }],
          }
        : {}),
    }),
    identityKey: `pkg:npm/pkg-${String(i).padStart(6, '0')}`,
    isSubject: i === 0,
  }));
}

const sbomInput = (productVersionId: string, bytes: Uint8Array): NewSbom => ({
  productVersionId,
  format: 'cyclonedx',
  specVersion: '1.6',
  encoding: 'json',
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  authors: ['Jane Doe'],
  tools: ['acme sbom-tool 2.1'],
  docTimestamp: '2025-01-01T00:00:00Z',
  subjectRef: 'ref-0',
  original: bytes,
  fileName: 'pump.cdx.json',
  importedBy: 'system',
});

describeEachStore('component and SBOM queries', (fixture) => {
  it('bulk-inserts components, sources and dependencies and reads them back', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const input = makeComponents(count);
    const bytes = new TextEncoder().encode('{"bomFormat":"CycloneDX"}\n');
    const { sbom, ids } = await store.db.transaction().execute(async (trx) => {
      const sbom = await insertSbom(trx, seed.orgId, sbomInput(seed.productVersionId, bytes));
      const ids = await insertComponents(trx, seed.orgId, {
        productVersionId: seed.productVersionId,
        components: input,
      });
      await insertComponentSources(
        trx,
        seed.orgId,
        ids.map((id, i) => ({ componentId: id, sbomId: sbom.id, ref: `ref-${i}` })),
      );
      await insertDependencies(trx, seed.orgId, {
        productVersionId: seed.productVersionId,
        edges: ids.slice(1).map((id, i) => ({ fromId: ids[Math.floor(i / 2)]!, toId: id })),
      });
      return { sbom, ids };
    });
    expect(new Set(ids).size).toBe(count);

    const stored = await loadComponentsForVersion(store.db, seed.orgId, seed.productVersionId);
    expect(stored).toHaveLength(count);
    const byId = new Map(stored.map((c) => [c.id, c]));
    input.forEach((component, i) => {
      const { ref: _ref, id: _id, ...expected } = component as NewComponent & { ref?: string };
      expect(byId.get(ids[i]!)).toEqual({
        ...expected,
        id: ids[i],
        orgId: seed.orgId,
        productVersionId: seed.productVersionId,
      });
    });

    const keys = await findComponentKeysForVersion(store.db, seed.orgId, seed.productVersionId);
    expect(keys.size).toBe(count);
    expect(keys.get(input[42]!.identityKey)).toBe(ids[42]);

    const sources = await listComponentSources(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      sbomId: sbom.id,
    });
    expect(sources).toHaveLength(count);
    expect(sources.find((s) => s.componentId === ids[7])?.ref).toBe('ref-7');

    const edges = await listDependenciesForVersion(store.db, seed.orgId, seed.productVersionId);
    expect(edges).toHaveLength(count - 1);
    expect(edges).toContainEqual({ fromId: ids[0], toId: ids[1] });
    expect(edges).toContainEqual({ fromId: ids[5], toId: ids[11] });
  });

  it('ignores dependency edges and sources that already exist', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const ids = await insertComponents(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      components: makeComponents(3),
    });
    const edges = [
      { fromId: ids[0]!, toId: ids[1]! },
      { fromId: ids[0]!, toId: ids[2]! },
    ];
    await insertDependencies(store.db, seed.orgId, { productVersionId: seed.productVersionId, edges });
    await insertDependencies(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      edges: [...edges, edges[0]!],
    });
    expect(await listDependenciesForVersion(store.db, seed.orgId, seed.productVersionId)).toHaveLength(2);

    const sbom = await insertSbom(store.db, seed.orgId, sbomInput(seed.productVersionId, new Uint8Array([1])));
    await insertComponentSources(store.db, seed.orgId, [
      { componentId: ids[0]!, sbomId: sbom.id, ref: 'first' },
      { componentId: ids[0]!, sbomId: sbom.id, ref: 'second' },
    ]);
    const sources = await listComponentSources(store.db, seed.orgId, { productVersionId: seed.productVersionId });
    expect(sources).toEqual([{ componentId: ids[0], sbomId: sbom.id, ref: 'first' }]);
  });

  it('raises conflict for a duplicate identity key in one product version', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const [one] = makeComponents(1);
    const attempt = insertComponents(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      components: [one!, one!],
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });

  it('updates chosen component fields and leaves the rest', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    const [id] = await insertComponents(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      components: makeComponents(1),
    });
    expect(await updateComponent(store.db, seed.orgId, { id: id!, fields: { supplier: 'Other', hashes: [] } })).toBe(
      true,
    );
    const [c] = await loadComponentsForVersion(store.db, seed.orgId, seed.productVersionId);
    expect(c).toMatchObject({ supplier: 'Other', hashes: [], name: 'pkg-0', levelOfSupport: 'active' });
    expect(await updateComponent(store.db, 'other-org', { id: id!, fields: { name: 'x' } })).toBe(false);
  });

  it('caps pages at 500 rows and pages without overlap', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    await insertComponents(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      components: makeComponents(620),
    });
    const first = await listComponentsForVersion(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      limit: 10_000,
    });
    expect(first).toHaveLength(500);
    const rest = await listComponentsForVersion(store.db, seed.orgId, {
      productVersionId: seed.productVersionId,
      limit: 500,
      offset: 500,
    });
    expect(rest).toHaveLength(120);
    expect(new Set([...first, ...rest].map((c) => c.id)).size).toBe(620);
    expect(first[0]?.identityKey).toBe('pkg:npm/pkg-000000');
  });

  it('keeps the original SBOM byte for byte with its sha256 and metadata', async () => {
    const store = await fixture.open();
    const seed = await seedCatalog(store);
    // Bytes that are not valid UTF-8, a BOM and a NUL: nothing may be re-encoded.
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x00, 0xff, 0xfe, 0x0d, 0x0a, 0x7d]);
    const sbom = await insertSbom(store.db, seed.orgId, sbomInput(seed.productVersionId, bytes));
    const original = await getSbomOriginal(store.db, seed.orgId, sbom.id);
    expect(Array.from(original!.bytes)).toEqual(Array.from(bytes));
    // sha256 of those ten bytes, computed with `sha256sum`.
    expect(original!.sha256).toBe('b527766cf9202cba1d049f569f179b5be92c8855dc6c4cd09905613aa61a3177');
    expect(await getSbom(store.db, seed.orgId, sbom.id)).toEqual(sbom);
    expect(sbom).toMatchObject({ byteSize: 10, authors: ['Jane Doe'], subjectRef: 'ref-0', fileName: 'pump.cdx.json' });
    expect(await listSboms(store.db, seed.orgId, { productVersionId: seed.productVersionId })).toEqual([sbom]);
  });
});
