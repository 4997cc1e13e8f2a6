import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { importFeeds } from '../../src/services/feed-import.js';
import { createOrganization } from '../../src/services/organizations.js';
import { addProductVersion } from '../../src/services/product-versions.js';
import { createProduct } from '../../src/services/products.js';
import { importSbom } from '../../src/services/sboms.js';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../support/stores.js';
import { writeTestZip } from '../support/zip-writer.js';

/** An OSV record for a PyPI package, affected from `introduced` until `fixed`. */
function osv(
  id: string,
  opts: { pkg?: string; introduced?: string; fixed: string; modified?: string; aliases?: string[]; withdrawn?: string },
) {
  return {
    schema_version: '1.6.0',
    id,
    modified: opts.modified ?? '2024-01-01T00:00:00Z',
    aliases: opts.aliases ?? [],
    summary: `${id} in ${opts.pkg ?? 'django'}`,
    ...(opts.withdrawn === undefined ? {} : { withdrawn: opts.withdrawn }),
    affected: [
      {
        package: { ecosystem: 'PyPI', name: opts.pkg ?? 'django' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: opts.introduced ?? '0' }, { fixed: opts.fixed }] }],
      },
    ],
  };
}

function cyclonedx(components: { name: string; version: string; purl?: string; cpe?: string }[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: components.map((c, i) => ({ type: 'library', 'bom-ref': `c${i}`, ...c })),
    }),
  );
}

function feedDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'jointsec-feeds-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

async function manufacturer(store: Store): Promise<ServiceContext> {
  const { organization } = await createOrganization(
    { store, actor: systemActor() },
    { name: 'Acme', kind: 'manufacturer', admin: { email: 'admin@acme.example', displayName: 'Admin' } },
  );
  const ctx = { store, actor: systemActor(organization.id) };
  await createProduct(ctx, { name: 'Pump', manufacturer: 'Acme' });
  for (const version of ['1.0', '2.0']) await addProductVersion(ctx, { product: 'Pump', version });
  return ctx;
}

async function openFindings(store: Store) {
  return store.db
    .selectFrom('findings')
    .innerJoin('vuln_records', 'vuln_records.id', 'findings.record_id')
    .innerJoin('components', 'components.id', 'findings.component_id')
    .select([
      'vuln_records.source_id',
      'components.name',
      'components.version',
      'findings.status',
      'findings.first_seen_at',
      'findings.last_seen_at',
      'findings.resolved_at',
      'findings.resolution',
    ])
    .orderBy('vuln_records.source_id')
    .orderBy('components.version')
    .execute();
}

describeEachStore('importFeeds', (fixture) => {
  it('adds records once: a second import of the same files changes nothing', async () => {
    const store = await fixture.open();
    const ctx = { store, actor: systemActor() };
    const dir = feedDir({
      'osv/GHSA-aaaa-bbbb-cccc.json': osv('GHSA-aaaa-bbbb-cccc', { fixed: '4.2.1', aliases: ['CVE-2024-0001'] }),
      'osv/PYSEC-2024-1.json': osv('PYSEC-2024-1', { fixed: '4.2.1', aliases: ['CVE-2024-0001'] }),
      'kev.csv':
        'cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes\n' +
        'CVE-2024-0001,Django,Django,Django Flaw,2024-02-01,desc,Apply updates,2024-02-22,Known,,CWE-89\n',
      'epss.csv':
        '#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z\ncve,epss,percentile\nCVE-2024-0001,0.91,0.99\n',
    });
    const first = await importFeeds(ctx, { paths: [dir], baseDir: '/' });
    expect(first.sources).toEqual([{ source: 'osv', added: 2, updated: 0, unchanged: 0, withdrawn: 0, errors: 0 }]);
    expect(first.kev).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(first.epss).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(first.files.map((f) => f.format)).toEqual(['epss', 'kev-csv', 'osv', 'osv']);

    const second = await importFeeds(ctx, { paths: [dir], baseDir: '/' });
    expect(second.sources).toEqual([{ source: 'osv', added: 0, updated: 0, unchanged: 2, withdrawn: 0, errors: 0 }]);
    expect(second.kev).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(second.epss).toEqual({ added: 0, updated: 0, unchanged: 1 });
    const ids = await store.db.selectFrom('vuln_ids').select('vuln_id').orderBy('vuln_id').execute();
    expect([...new Set(ids.map((r) => r.vuln_id))]).toEqual(['CVE-2024-0001', 'GHSA-AAAA-BBBB-CCCC', 'PYSEC-2024-1']);
  });

  it('reports a bad record and imports the rest; a missing path imports nothing', async () => {
    const store = await fixture.open();
    const ctx = { store, actor: systemActor() };
    const dir = feedDir({
      'batch.json': [
        osv('GHSA-good-good-good', { fixed: '1.0' }),
        { id: 'BROKEN-1', modified: 'not a date', affected: 'x' },
      ],
    });
    const summary = await importFeeds(ctx, { paths: [dir], baseDir: '/' });
    expect(summary.sources).toEqual([{ source: 'osv', added: 1, updated: 0, unchanged: 0, withdrawn: 0, errors: 1 }]);
    expect(summary.problems.some((p) => p.recordId === 'BROKEN-1' && p.file.endsWith('batch.json'))).toBe(true);

    await expect(importFeeds(ctx, { paths: [dir, join(dir, 'nope')], baseDir: '/' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const records = await store.db.selectFrom('vuln_records').select('source_id').execute();
    expect(records.map((r) => r.source_id)).toEqual(['GHSA-good-good-good']);
  });

  it('matches an imported SBOM at once, and a feed update re-evaluates and resolves its findings', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const admin = { store, actor: systemActor() };
    await importFeeds(admin, {
      paths: [feedDir({ 'a.json': osv('GHSA-1111-2222-3333', { fixed: '4.2.1' }) })],
      baseDir: '/',
    });
    const sbom = cyclonedx([
      { name: 'django', version: '4.2.0', purl: 'pkg:pypi/django@4.2.0' },
      { name: 'requests', version: '2.0.0', purl: 'pkg:pypi/requests@2.0.0' },
    ]);
    const imported = await importSbom(ctx, { product: 'Pump', version: '1.0', bytes: sbom });
    expect(imported.findings).toMatchObject({ componentsEvaluated: 2, findingsOpened: 1, findingsResolved: 0 });
    const opened = await openFindings(store);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({
      source_id: 'GHSA-1111-2222-3333',
      name: 'django',
      status: 'affected',
      resolved_at: null,
    });

    // The advisory is corrected: only versions before 4.1 were affected. The finding resolves.
    const corrected = await importFeeds(admin, {
      paths: [feedDir({ 'a.json': osv('GHSA-1111-2222-3333', { fixed: '4.1', modified: '2024-02-01T00:00:00Z' }) })],
      baseDir: '/',
    });
    expect(corrected.sources[0]).toMatchObject({ updated: 1 });
    // Only the component filed under the changed advisory's key is looked at, not `requests`.
    expect(corrected.findings).toEqual({
      componentsEvaluated: 1,
      findingsOpened: 0,
      findingsUpdated: 0,
      findingsResolved: 1,
    });
    const resolved = await openFindings(store);
    expect(resolved[0]).toMatchObject({ resolution: 'no-longer-matches' });
    expect(resolved[0]?.resolved_at).not.toBeNull();

    // Wrong again: the finding reopens, keeping when it was first seen.
    const reopened = await importFeeds(admin, {
      paths: [feedDir({ 'a.json': osv('GHSA-1111-2222-3333', { fixed: '5.0', modified: '2024-03-01T00:00:00Z' }) })],
      baseDir: '/',
    });
    expect(reopened.findings).toMatchObject({ findingsUpdated: 1 });
    const again = await openFindings(store);
    expect(again[0]).toMatchObject({ resolved_at: null, resolution: null, first_seen_at: opened[0]?.first_seen_at });

    // Withdrawn by its source: resolved as withdrawn.
    const withdrawn = await importFeeds(admin, {
      paths: [
        feedDir({
          'a.json': osv('GHSA-1111-2222-3333', {
            fixed: '5.0',
            modified: '2024-04-01T00:00:00Z',
            withdrawn: '2024-04-01T00:00:00Z',
          }),
        }),
      ],
      baseDir: '/',
    });
    expect(withdrawn.sources[0]).toMatchObject({ updated: 1, withdrawn: 1 });
    expect((await openFindings(store))[0]).toMatchObject({ resolution: 'withdrawn' });
  });

  it('a new advisory reaches every product version holding the package, and only those', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const admin = { store, actor: systemActor() };
    await importSbom(ctx, {
      product: 'Pump',
      version: '1.0',
      bytes: cyclonedx([{ name: 'jinja2', version: '2.10', purl: 'pkg:pypi/Jinja2@2.10' }]),
    });
    await importSbom(ctx, {
      product: 'Pump',
      version: '2.0',
      bytes: cyclonedx([
        { name: 'jinja2', version: '3.1.4', purl: 'pkg:pypi/jinja2@3.1.4' },
        { name: 'flask', version: '1.0', purl: 'pkg:pypi/flask@1.0' },
      ]),
    });
    expect(await openFindings(store)).toEqual([]);
    const summary = await importFeeds(admin, {
      paths: [feedDir({ 'j.json': osv('GHSA-jjjj-jjjj-jjjj', { pkg: 'jinja2', fixed: '2.11.3' }) })],
      baseDir: '/',
    });
    expect(summary.findings).toEqual({
      componentsEvaluated: 2,
      findingsOpened: 1,
      findingsUpdated: 0,
      findingsResolved: 0,
    });
    expect((await openFindings(store)).map((f) => `${f.name}@${f.version}`)).toEqual(['jinja2@2.10']);
  });

  it('reads an osv.dev all.zip export entry by entry, and reports a cut-off zip', async () => {
    const store = await fixture.open();
    const ctx = { store, actor: systemActor() };
    const zip = writeTestZip([
      {
        name: 'GHSA-zzzz-zzzz-zzz1.json',
        data: Buffer.from(JSON.stringify(osv('GHSA-zzzz-zzzz-zzz1', { fixed: '1.0' }))),
      },
      {
        name: 'GHSA-zzzz-zzzz-zzz2.json',
        data: Buffer.from(JSON.stringify(osv('GHSA-zzzz-zzzz-zzz2', { fixed: '2.0' }))),
      },
    ]);
    const dir = feedDir({});
    writeFileSync(join(dir, 'all.zip'), zip);
    const summary = await importFeeds(ctx, { paths: [join(dir, 'all.zip')], baseDir: '/' });
    expect(summary.sources).toEqual([{ source: 'osv', added: 2, updated: 0, unchanged: 0, withdrawn: 0, errors: 0 }]);
    expect(summary.files).toMatchObject([{ file: join(dir, 'all.zip'), format: 'osv', records: 2 }]);

    writeFileSync(join(dir, 'cut.zip'), zip.subarray(0, zip.length - 30));
    const cut = await importFeeds(ctx, { paths: [join(dir, 'cut.zip')], baseDir: '/' });
    expect(cut.problems.some((p) => p.severity === 'error' && p.file.endsWith('cut.zip'))).toBe(true);
  });

  it('a feed update compares only the changed records: the other advisories of the package are left alone', async () => {
    const store = await fixture.open();
    const ctx = await manufacturer(store);
    const admin = { store, actor: systemActor() };
    await importSbom(ctx, {
      product: 'Pump',
      version: '1.0',
      bytes: cyclonedx([{ name: 'django', version: '4.2.0', purl: 'pkg:pypi/django@4.2.0' }]),
    });
    await importFeeds(admin, {
      paths: [
        feedDir({
          'a.json': osv('GHSA-aaaa-aaaa-aaaa', { fixed: '4.2.1' }),
          'b.json': osv('GHSA-bbbb-bbbb-bbbb', { fixed: '4.2.2' }),
        }),
      ],
      baseDir: '/',
    });
    const before = await openFindings(store);
    expect(before.map((f) => f.source_id)).toEqual(['GHSA-aaaa-aaaa-aaaa', 'GHSA-bbbb-bbbb-bbbb']);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const update = await importFeeds(admin, {
      paths: [feedDir({ 'b.json': osv('GHSA-bbbb-bbbb-bbbb', { fixed: '4.2.3', modified: '2024-05-01T00:00:00Z' }) })],
      baseDir: '/',
    });
    expect(update.findings).toEqual({
      componentsEvaluated: 1,
      findingsOpened: 0,
      findingsUpdated: 1,
      findingsResolved: 0,
    });
    const after = await openFindings(store);
    // GHSA-aaaa was not re-evaluated: its last-seen time is what the first import wrote.
    expect(after[0]?.last_seen_at).toBe(before[0]?.last_seen_at);
    expect(after[1]?.last_seen_at).not.toBe(before[1]?.last_seen_at);
  });
});
