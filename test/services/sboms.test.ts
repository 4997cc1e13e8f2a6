import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { seedDemo } from '../../src/services/demo.js';
import { createOrganization } from '../../src/services/organizations.js';
import { addProductVersion } from '../../src/services/product-versions.js';
import { createProduct } from '../../src/services/products.js';
import { diffProductVersions, exportSbom, getVersionQuality, importSbom, listSboms } from '../../src/services/sboms.js';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../support/stores.js';

const demo = (file: string) => readFileSync(join(import.meta.dirname, '../../demo/sboms', file));

async function manufacturer(store: Store, name = 'Acme'): Promise<ServiceContext> {
  const { organization } = await createOrganization(
    { store, actor: systemActor() },
    { name, kind: 'manufacturer', admin: { email: `admin@${name.toLowerCase()}.example`, displayName: 'Admin' } },
  );
  const ctx = { store, actor: systemActor(organization.id) };
  await createProduct(ctx, { name: 'Pump', manufacturer: name });
  for (const version of ['2.1.0', '2.2.0', '9.9.9']) await addProductVersion(ctx, { product: 'Pump', version });
  return ctx;
}

async function rowCounts(store: Store): Promise<Record<string, number>> {
  const count = async (table: 'sboms' | 'components' | 'component_sources' | 'component_dependencies') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    sboms: await count('sboms'),
    components: await count('components'),
    sources: await count('component_sources'),
    edges: await count('component_dependencies'),
  };
}

/**
 * Components of an exported CycloneDX document without their bom-refs (which the export may
 * rename) and with end-of-support dates as calendar dates: SPDX's validUntilDate is a
 * date-time, so a date-only value comes back as midnight UTC of the same day.
 */
const comparable = (components: readonly Record<string, unknown>[]) =>
  components
    .map(({ 'bom-ref': _ref, ...rest }) =>
      JSON.parse(JSON.stringify(rest).replace(/"(\d{4}-\d{2}-\d{2})T00:00:00Z"/g, '"$1"')),
    )
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describeEachStore('SBOM import and export', (fixture) => {
  it('imports an SBOM, keeps the original bytes and writes an audit entry', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const bytes = demo('ip300-firmware-2.1.0.cdx.json');
    const result = await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes, fileName: 'fw.json' });
    expect(result).toMatchObject({ format: 'cyclonedx', specVersion: '1.6', componentCount: 6, newComponentCount: 6 });
    const [record] = await listSboms(ctx, { product: 'Pump', version: '2.1.0' });
    expect(record?.byteSize).toBe(bytes.byteLength);
    // The firmware depends on four components, openssl on zlib.
    expect(await rowCounts(store)).toEqual({ sboms: 1, components: 6, sources: 6, edges: 5 });
    const audit = await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'sbom.import').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(result.sbomId);
  });

  it('merges a second SBOM of the same release, unifying shared components', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    await importSbom(ctx, { product: 'Pump', version: '2.2.0', bytes: demo('ip300-firmware-2.2.0.cdx.json') });
    const app = await importSbom(ctx, { product: 'Pump', version: '2.2.0', bytes: demo('ip300-app-2.2.0.spdx.json') });
    // zlib is in both documents; the app SBOM adds react, lodash and its own subject.
    expect(app).toMatchObject({ format: 'spdx', componentCount: 4, newComponentCount: 3 });
    const exported = JSON.parse(
      (await exportSbom(ctx, { product: 'Pump', version: '2.2.0', to: 'cyclonedx-json' })).text,
    );
    const zlib = exported.components.filter((c: { name: string }) => c.name === 'zlib');
    expect(zlib).toHaveLength(1);
    // The firmware SBOM had no end-of-support date for zlib; the app SBOM's validUntilDate fills it.
    expect(zlib[0].properties).toContainEqual({
      name: 'cdx:lifecycle:milestone:endOfSupport',
      value: '2031-12-31T00:00:00Z',
    });
    // Two described products: the release itself becomes the subject and depends on both.
    expect(exported.metadata.component.name).toBe('Pump');
    expect(exported.metadata.component.version).toBe('2.2.0');
  });

  it.each(['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] as const)(
    'round-trips import → export %s → import with the same components',
    async (to) => {
      const store = await fixture.open();
      const ctx = await manufacturer(store);
      await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes: demo('ip300-firmware-2.1.0.cdx.json') });
      const first = await exportSbom(ctx, { product: 'Pump', version: '2.1.0', to });
      await importSbom(ctx, {
        product: 'Pump',
        version: '9.9.9',
        bytes: Buffer.from(first.text),
        fileName: first.fileName,
      });
      const again = await exportSbom(ctx, { product: 'Pump', version: '9.9.9', to: 'cyclonedx-json' });
      const original = await exportSbom(ctx, { product: 'Pump', version: '2.1.0', to: 'cyclonedx-json' });
      const a = JSON.parse(original.text);
      const b = JSON.parse(again.text);
      expect(comparable(b.components)).toEqual(comparable(a.components));
      expect(b.components).toHaveLength(5);
      expect(b.dependencies.length).toBe(a.dependencies.length);
    },
  );

  it('writes nothing when a document is rejected', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const before = await rowCounts(store);
    const dangling = JSON.parse(demo('ip300-firmware-2.1.0.cdx.json').toString());
    dangling.dependencies.push({ ref: 'pkg:generic/zlib@1.2.13', dependsOn: ['nowhere'] });
    const cases: [string, Buffer][] = [
      ['malformed.json', Buffer.from('{"bomFormat": "CycloneDX", ')],
      ['dangling.json', Buffer.from(JSON.stringify(dangling))],
      ['binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])],
    ];
    for (const [fileName, bytes] of cases) {
      const error = await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes, fileName }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid-input');
      expect((error as AppError).location?.file).toBe(fileName);
    }
    const missing = await importSbom(ctx, {
      product: 'Pump',
      version: '0.0.0',
      bytes: demo('pm8-5.0.0.cdx.xml'),
    }).catch((e: unknown) => e);
    expect((missing as AppError).code).toBe('not-found');
    expect(await rowCounts(store)).toEqual(before);
  });

  it('refuses schema-invalid documents only in strict mode', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const doc = JSON.parse(demo('ip300-firmware-2.1.0.cdx.json').toString());
    doc.metadata.component.type = 'not-a-type';
    const bytes = Buffer.from(JSON.stringify(doc));
    const strict = await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes, strict: true }).catch(
      (e: unknown) => e,
    );
    expect((strict as AppError).code).toBe('invalid-input');
    const lenient = await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes });
    expect(lenient.warnings.some((w) => w.path.includes('/metadata/component'))).toBe(true);
  });

  it('diffs two releases and reports quality of the merged components', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    await importSbom(ctx, { product: 'Pump', version: '2.1.0', bytes: demo('ip300-firmware-2.1.0.cdx.json') });
    await importSbom(ctx, { product: 'Pump', version: '2.2.0', bytes: demo('ip300-firmware-2.2.0.cdx.json') });
    const diff = await diffProductVersions(ctx, { product: 'Pump', from: '2.1.0', to: '2.2.0' });
    expect(diff.added.map((a) => a.name)).toEqual(['curl']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c) => [c.name, c.from, c.to])).toEqual([
      ['IP-300 firmware', '2.1.0', '2.2.0'],
      ['linux-kernel', '5.10.120', '5.10.184'],
      ['openssl', '1.1.1k', '3.0.13'],
    ]);
    const quality = await getVersionQuality(ctx, { product: 'Pump', version: '2.1.0' });
    const eos = quality.components.find((e) => e.element === 'endOfSupportDate');
    expect(eos?.missing.map((m) => m.name).sort()).toEqual(['IP-300 firmware', 'busybox', 'sqlite', 'zlib']);
    expect(quality.ntiaComplete).toBe(false); // the subject has no purl, CPE or hash
  });

  it('keeps organizations apart and enforces roles', async () => {
    const store = await fixture.open();
    const acme = await manufacturer(store, 'Acme');
    const other = await manufacturer(store, 'Other');
    await importSbom(acme, { product: 'Pump', version: '2.1.0', bytes: demo('ip300-firmware-2.1.0.cdx.json') });
    expect(await listSboms(other, { product: 'Pump', version: '2.1.0' })).toEqual([]);
    const viewer = { store, actor: { ...acme.actor, userId: 'someone', role: 'viewer' as const } };
    const refused = await importSbom(viewer, {
      product: 'Pump',
      version: '2.1.0',
      bytes: demo('pm8-5.0.0.cdx.xml'),
    }).catch((e: unknown) => e);
    expect((refused as AppError).code).toBe('forbidden');
  });
});

describeEachStore('demo seed', (fixture) => {
  it('seeds the demo organizations once and issues working tokens each time', async () => {
    const store = await fixture.open();
    const first = await seedDemo(store);
    expect(first.seeded).toBe(true);
    expect(first.manufacturerToken).toMatch(/^jsk_/);
    expect(first.hospitalToken).toMatch(/^jsk_/);
    const counts = await rowCounts(store);
    expect(counts.sboms).toBe(4);
    const second = await seedDemo(store);
    expect(second.seeded).toBe(false);
    expect(second.manufacturerToken).not.toBe(first.manufacturerToken);
    expect(await rowCounts(store)).toEqual(counts);
  });
});

describe('demo SBOM files', () => {
  it('ship with the package', () => {
    expect(demo('ip300-firmware-2.1.0.cdx.json').byteLength).toBeGreaterThan(0);
  });
});
