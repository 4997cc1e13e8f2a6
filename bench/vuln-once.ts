/**
 * One step of the vulnerability benchmarks in a process of its own (so its peak RSS and its
 * cold start are its own). `run-vulns.ts` spawns it; it prints one JSON line.
 *
 *   import    --location L --feeds DIR              import the generated corpus (timed)
 *   scan      --location L --sbom FILE              one cold scan, then warm scans (timed)
 *   portfolio --location L --versions N --components M --changed FILE --count C --seed S
 *             insert the portfolio, pick 100 advisories, seed their findings, write their changed copies
 *   update    --location L --feeds FILE             import the changed advisories (timed)
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { matchKeyOfComponent } from '../src/matching/match-keys.js';
import { systemActor } from '../src/services/context.js';
import { importFeeds } from '../src/services/feed-import.js';
import { evaluateComponents } from '../src/services/finding-evaluation.js';
import { createOrganization } from '../src/services/organizations.js';
import { scanSbom } from '../src/services/scan-sbom.js';
import { bulkInsert } from '../src/store/bulk-insert.js';
import { columnCodec } from '../src/store/column-codec.js';
import { openStore } from '../src/store/open-store.js';
import { findComponentsByMatchKeys } from '../src/store/queries/component-match-keys.js';
import { findMatchKeysOfRecords } from '../src/store/queries/vulnerability-records.js';
import { generateOsvAdvisories, mutate, packagePoolFor, type OsvAdvisory } from './generate-osv.js';
import { generatePortfolio } from './generate-portfolio.js';

const [mode, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    location: { type: 'string' },
    feeds: { type: 'string' },
    sbom: { type: 'string' },
    versions: { type: 'string', default: '10000' },
    components: { type: 'string', default: '1000' },
    changed: { type: 'string' },
    count: { type: 'string', default: '500000' },
    seed: { type: 'string', default: '1' },
    warm: { type: 'string', default: '3' },
  },
});
const location = values.location ?? fail('--location is required');
const store = await openStore(location);
const baselineRssKiB = process.resourceUsage().maxRSS;
const actor = systemActor();
let result: Record<string, unknown>;
try {
  switch (mode ?? '') {
    case 'import':
      result = await importCorpus(values.feeds ?? fail('--feeds is required'));
      break;
    case 'scan':
      result = await scan(values.sbom ?? fail('--sbom is required'));
      break;
    case 'portfolio':
      result = await portfolio();
      break;
    case 'update':
      result = await update(values.feeds ?? fail('--feeds is required'));
      break;
    default:
      fail(`unknown mode ${String(mode)}`);
  }
} finally {
  await store.close();
}
process.stdout.write(`${JSON.stringify({ ...result, maxRssKiB: process.resourceUsage().maxRSS, baselineRssKiB })}\n`);

async function importCorpus(dir: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const summary = await importFeeds({ store, actor }, { paths: [dir], baseDir: '/' });
  return {
    ms: performance.now() - t0,
    sources: summary.sources,
    errors: summary.problems.filter((p) => p.severity === 'error').length,
  };
}

async function scan(sbomPath: string): Promise<Record<string, unknown>> {
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(sbomPath);
  const t0 = performance.now();
  const first = await scanSbom({ sbom: { bytes, fileName: sbomPath }, store, baseDir: '/' });
  const coldScanMs = performance.now() - t0;
  // Cold: from process start (runtime, modules, opening the database) to the first report.
  const coldMs = performance.now();
  const warm: number[] = [];
  for (let i = 0; i < Number(values.warm); i += 1) {
    const t = performance.now();
    await scanSbom({ sbom: { bytes, fileName: sbomPath }, store, baseDir: '/' });
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  return {
    coldMs,
    coldScanMs,
    warmMs: warm[Math.floor(warm.length / 2)],
    warmAllMs: warm,
    components: first.summary.sbom.components,
    findings: first.findings.length,
  };
}

async function portfolio(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const count = Number(values.count);
  const seed = Number(values.seed);
  const pool = packagePoolFor({ count, seed });
  const { organization } = await createOrganization(
    { store, actor },
    { name: 'Bench Medical', kind: 'manufacturer', admin: { email: 'admin@bench.example', displayName: 'Bench' } },
  );
  const orgId = organization.id;
  const now = columnCodec.now();
  const productIds = new Map<string, string>();
  let rows = 0;
  let batch: { pv: string; c: { name: string; version: string; purl: string; type: string } }[] = [];
  const flush = async (): Promise<void> => {
    const items = batch;
    batch = [];
    await store.db.transaction().execute(async (trx) => {
      await bulkInsert(trx, {
        table: 'components',
        columns: [
          { name: 'id' },
          { name: 'org_id' },
          { name: 'product_version_id' },
          { name: 'identity_key' },
          { name: 'type' },
          { name: 'name' },
          { name: 'version' },
          { name: 'purl' },
          { name: 'hashes' },
          { name: 'external_refs' },
          { name: 'properties' },
          { name: 'is_subject', integer: true },
          { name: 'match_key' },
        ],
        rows: items.map(({ pv, c }) => {
          const component = {
            ref: c.purl,
            type: c.type,
            name: c.name,
            version: c.version,
            purl: c.purl,
            hashes: [],
            externalReferences: [],
            properties: [],
          };
          return [
            columnCodec.newId(),
            orgId,
            pv,
            c.purl,
            c.type,
            c.name,
            c.version,
            c.purl,
            '[]',
            '[]',
            '[]',
            0,
            matchKeyOfComponent(component) ?? null,
          ];
        }),
      });
    });
  };
  for (const version of generatePortfolio({
    productVersions: Number(values.versions),
    componentsPerVersion: Number(values.components),
    seed,
    packagePool: pool,
  })) {
    let productId = productIds.get(version.product);
    if (productId === undefined) {
      productId = columnCodec.newId();
      productIds.set(version.product, productId);
      await store.db
        .insertInto('products')
        .values({
          id: productId,
          org_id: orgId,
          name: version.product,
          manufacturer: 'Bench Medical',
          model_numbers: '[]',
          udi_di: null,
          device_type: null,
          cyber_device: 1,
          description: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const pv = columnCodec.newId();
    await store.db
      .insertInto('product_versions')
      .values({
        id: pv,
        org_id: orgId,
        product_id: productId,
        version: version.version,
        release_date: null,
        lifecycle: 'released',
        end_of_sale_date: null,
        end_of_support_date: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const seen = new Set<string>();
    for (const c of version.components) {
      if (seen.has(c.purl)) continue;
      seen.add(c.purl);
      batch.push({ pv, c });
    }
    rows += seen.size;
    if (batch.length >= 50_000) await flush();
  }
  await flush();
  const insertedMs = performance.now() - t0;

  // 100 advisories spread evenly over the corpus: what a day's feed update looks like.
  const step = Math.floor(count / 100);
  const picked: OsvAdvisory[] = [];
  let i = 0;
  for (const record of generateOsvAdvisories({ count, seed })) {
    if (i % step === step - 1 && picked.length < 100) picked.push(record);
    i += 1;
  }
  const changed = picked.map((record) => mutate(record, seed));
  writeFileSync(values.changed ?? fail('--changed is required'), JSON.stringify(changed));

  // Findings for those advisories as they were, so the update has findings to update and resolve.
  const t1 = performance.now();
  const recordIds = (
    await store.db
      .selectFrom('vuln_records')
      .select('id')
      .where('source', '=', 'osv')
      .where(
        'source_id',
        'in',
        picked.map((r) => r.id),
      )
      .execute()
  ).map((r) => r.id);
  const keys = await findMatchKeysOfRecords(store.db, recordIds);
  const components = await findComponentsByMatchKeys(store.db, keys);
  const seeded = await store.db
    .transaction()
    .execute((trx) => evaluateComponents(trx, components, columnCodec.now(), { records: recordIds }));
  return {
    ms: performance.now() - t0,
    insertMs: insertedMs,
    seedMs: performance.now() - t1,
    productVersions: Number(values.versions),
    componentRows: rows,
    pickedRecords: recordIds.length,
    componentsUnderKeys: components.length,
    seeded,
  };
}

async function update(file: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const summary = await importFeeds({ store, actor }, { paths: [file], baseDir: '/' });
  return { ms: performance.now() - t0, sources: summary.sources, findings: summary.findings };
}

function fail(message: string): never {
  process.stderr.write(`vuln-once: ${message}\n`);
  process.exit(2);
}
