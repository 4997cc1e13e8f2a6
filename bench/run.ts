/**
 * `npm run bench`: generates CycloneDX 1.6 SBOMs of 1k, 10k and 100k components, then measures
 * validation and import into SQLite (and PostgreSQL when a server URL is given), each in a
 * fresh child process, and prints the figures against the targets of the foundation issue.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,100000), --timeout SECONDS per measurement
 * (default 300), --runs N (median of N, default 3).
 * PostgreSQL: JOINTSEC_BENCH_PG_URL, else JOINTSEC_TEST_PG_URL.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importIncludesValidation } from './bench-import.js';
import { defaultBenchSeed, generateSbomText } from './generate-sbom.js';
import { createScratchDatabase } from './postgres-database.js';
import { renderResultsTable, type ResultRow } from './results-table.js';
import { spawnMeasurement, type MeasurementOutcome } from './spawn-measurement.js';
import type { StoreKind } from './store-kind.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    timeout: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
  },
});
const sizes = values.sizes.split(',').map((size) => Number.parseInt(size, 10));
if (sizes.some((size) => !Number.isInteger(size) || size < 0)) throw new Error(`bad --sizes ${values.sizes}`);
const timeoutMs = Number(values.timeout) * 1000;
const runs = Math.max(1, Number.parseInt(values.runs, 10) || 1);
const pgUrl = process.env.JOINTSEC_BENCH_PG_URL || process.env.JOINTSEC_TEST_PG_URL || undefined;
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(outDir, { recursive: true });

const files = new Map<number, { path: string; bytes: number }>();
for (const size of sizes) {
  const started = performance.now();
  const text = generateSbomText({ components: size, seed: defaultBenchSeed });
  const path = join(outDir, `sbom-${size}.cdx.json`);
  writeFileSync(path, text);
  files.set(size, { path, bytes: Buffer.byteLength(text) });
  log(`generated ${path} (${mib(Buffer.byteLength(text))} MiB) in ${Math.round(performance.now() - started)} ms`);
}

const stores: StoreKind[] = pgUrl === undefined ? ['sqlite'] : ['sqlite', 'postgres'];
const notes: string[] = [];
const postgresNote =
  pgUrl === undefined
    ? 'PostgreSQL skipped: set JOINTSEC_BENCH_PG_URL (or JOINTSEC_TEST_PG_URL) to a server URL.'
    : `PostgreSQL: a fresh database per measurement on ${redact(pgUrl)}, dropped afterwards.`;
notes.push(postgresNote);
notes.forEach(log);

const loadBefore = os.loadavg()[0]!;
const rows: ResultRow[] = [];
for (const size of sizes) {
  const file = files.get(size)!;
  log(`validate ${size} …`);
  const validate = await medianOf(() => spawnMeasurement({ mode: 'validate', file: file.path }, timeoutMs));
  logOutcome('validate', size, validate);
  if (validate.ok && validate.measurement.phases) {
    const phases = validate.measurement.phases;
    notes.push(
      `N=${size}: file ${mib(file.bytes)} MiB; recognize ${ms(phases.recognize)}, schema validator load ${ms(phases.schemaCompile)}, ` +
        `schema check ${ms(phases.schema)}; then parse to the model ${ms(phases.parse)} (counted under import).`,
    );
  }
  for (const store of stores) {
    log(`import ${size} into ${store} …`);
    const importing = validate.ok
      ? await medianOf(() => measureImport(store, file.path, size))
      : ({ ok: false, reason: 'not run: validation did not finish' } as const);
    logOutcome('import', size, importing);
    // importSbom counts the document's subject (metadata.component) as a component too.
    if (importing.ok && importing.measurement.components !== size + 1) {
      notes.push(
        `N=${size} ${store}: the service reported ${importing.measurement.components} components stored, not ${size} + the subject.`,
      );
    }
    if (importing.ok) {
      const { baselineRssKiB, warmMaxRssKiB } = importing.measurement;
      notes.push(
        `N=${size} ${store}: RSS before the import (runtime, tsx, modules, file bytes) ${mib(baselineRssKiB * 1024)} MiB` +
          (warmMaxRssKiB === undefined ? '.' : `; after the warm import too ${mib(warmMaxRssKiB * 1024)} MiB.`),
      );
    }
    rows.push({ components: size, store, validate, importing, importIncludesValidation });
  }
}

const table = renderResultsTable(rows);
const report = [
  `# jointsec SBOM import benchmark`,
  '',
  `${new Date().toISOString()} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.availableParallelism()} CPUs · ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · Node ${process.version} · seed ${defaultBenchSeed} · ` +
    `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after`,
  '',
  table,
  importIncludesValidation
    ? 'total = the importSbom call (it validates first); import = total − validate (parse, normalize, write).'
    : 'total = validate + import.',
  `Each measurement runs in a fresh process; median of up to ${runs} runs. ` +
    '"total ms (cold)" is the first importSbom of the process (loading the schema validator and JIT warm-up included, ' +
    'as a CLI run pays them); "warm total ms" imports the same document again in the same process, into another ' +
    'version of the product, as a running server would. Targets are judged on the cold figure. ' +
    'Peak RSS is the maxRSS of the import process right after the cold import.',
  '',
  ...notes.map((note) => `- ${note}`),
  '',
].join('\n');
writeFileSync(join(outDir, 'results.md'), report);
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
process.stdout.write(`\n${report}`);

async function measureImport(store: StoreKind, file: string, size: number): Promise<MeasurementOutcome> {
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'jointsec-bench-'));
    try {
      return await spawnMeasurement({ mode: 'import', file, location: join(dir, 'bench.db') }, timeoutMs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const database = await createScratchDatabase(pgUrl!, `n${size}`);
  try {
    return await spawnMeasurement({ mode: 'import', file, location: database.url }, timeoutMs);
  } finally {
    await database.drop();
  }
}

/**
 * Repeats a measurement `runs` times and keeps the median run: the bench machine is shared.
 * A failure, or a run slower than 10 s (where noise no longer matters), ends the repetition.
 */
async function medianOf(measure: () => Promise<MeasurementOutcome>): Promise<MeasurementOutcome> {
  const done: Extract<MeasurementOutcome, { ok: true }>[] = [];
  for (let run = 0; run < runs; run++) {
    const outcome = await measure();
    if (!outcome.ok) return outcome;
    done.push(outcome);
    if (outcome.measurement.ms > 10_000) break;
  }
  done.sort((a, b) => a.measurement.ms - b.measurement.ms);
  return done[Math.floor((done.length - 1) / 2)]!;
}

function logOutcome(what: string, size: number, outcome: MeasurementOutcome): void {
  log(
    outcome.ok
      ? `  ${what} ${size}: ${Math.round(outcome.measurement.ms)} ms` +
          (outcome.measurement.warmMs === undefined ? '' : ` (warm ${Math.round(outcome.measurement.warmMs)} ms)`) +
          `, peak RSS ${mib(outcome.measurement.maxRssKiB * 1024)} MiB`
      : `  ${what} ${size}: ${outcome.reason}`,
  );
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}
