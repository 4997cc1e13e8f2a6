/**
 * `npm run bench:vulns`: the vulnerability-matching benchmarks of issue #3, each step in a fresh
 * child process, on SQLite and (when a server URL is given) PostgreSQL:
 *   1. import a generated corpus of 500,000 OSV-like advisories (target ≤ 2 min, peak RSS ≤ 1.5 GiB);
 *   2. scan a 10,000-component SBOM against it (≤ 1 s warm, ≤ 5 s cold including loading);
 *   3. a feed update of 100 changed advisories over 10,000 product versions × 1,000 components
 *      (10M component rows): affected findings updated in ≤ 1 s.
 *
 * Options: --count N (advisories, default 500000), --versions N (default 10000), --components N
 * (default 1000), --stores sqlite,postgres, --timeout SECONDS per step (default 3600).
 * PostgreSQL: JOINTSEC_BENCH_PG_URL, else JOINTSEC_TEST_PG_URL.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { popularityOffset, writeOsvCorpus } from './generate-osv.js';
import { generateScanSbom } from './generate-portfolio.js';
import { createScratchDatabase } from './postgres-database.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500000' },
    versions: { type: 'string', default: '10000' },
    components: { type: 'string', default: '1000' },
    stores: { type: 'string', default: 'sqlite,postgres' },
    timeout: { type: 'string', default: '3600' },
  },
});
const count = Number(values.count);
const seed = 1;
const timeoutMs = Number(values.timeout) * 1000;
const pgUrl = process.env.JOINTSEC_BENCH_PG_URL || process.env.JOINTSEC_TEST_PG_URL || undefined;
const outDir = fileURLToPath(new URL('./out/', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(outDir, { recursive: true });

const corpusDir = join(outDir, `osv-${count}-seed${seed}-popularity${popularityOffset}`);
if (!existsSync(join(corpusDir, '.complete'))) {
  rmSync(corpusDir, { recursive: true, force: true });
  const t = performance.now();
  const written = writeOsvCorpus(corpusDir, { count, seed });
  writeFileSync(join(corpusDir, '.complete'), '');
  log(
    `generated ${written.records} advisories (${mib(written.bytes)} MiB, ${written.files.length} files) in ${s(performance.now() - t)}`,
  );
}
const sbomPath = join(outDir, 'scan-sbom-10000.cdx.json');
writeFileSync(sbomPath, JSON.stringify(generateScanSbom({ components: 10_000 })));
const changedPath = join(outDir, 'changed-advisories.json');

const stores = values.stores
  .split(',')
  .filter((store) => store === 'sqlite' || (store === 'postgres' && pgUrl !== undefined));
const results: Record<string, Record<string, unknown>> = {};
for (const store of stores) {
  const scratch = store === 'postgres' ? await createScratchDatabase(pgUrl as string, 'vulns') : undefined;
  const location = scratch?.url ?? join(outDir, 'vulns-bench.db');
  if (scratch === undefined) for (const suffix of ['', '-wal', '-shm']) rmSync(location + suffix, { force: true });
  try {
    const steps: Record<string, unknown> = {};
    log(`${store}: import ${count} advisories …`);
    steps.import = await step(['import', '--location', location, '--feeds', corpusDir]);
    log(`${store}: scan 10,000 components …`);
    steps.scan = await step(['scan', '--location', location, '--sbom', sbomPath]);
    log(`${store}: portfolio ${values.versions} × ${values.components} …`);
    steps.portfolio = await step([
      'portfolio',
      '--location',
      location,
      '--versions',
      values.versions,
      '--components',
      values.components,
      '--changed',
      changedPath,
      '--count',
      String(count),
      '--seed',
      String(seed),
    ]);
    log(`${store}: update 100 advisories …`);
    steps.update = await step(['update', '--location', location, '--feeds', changedPath]);
    results[store] = steps;
  } finally {
    await scratch?.drop();
  }
}
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mib(os.totalmem())} MiB RAM, Node ${process.version}`;
const report = {
  date: new Date().toISOString(),
  machine,
  count,
  versions: values.versions,
  components: values.components,
  results,
};
writeFileSync(join(outDir, 'vulns-results.json'), JSON.stringify(report, null, 2));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

function step(args: string[]): Promise<unknown> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/vuln-once.ts', ...args], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        const reason = `failed (exit ${String(code)}): ${stderr.trim().split('\n').slice(-5).join(' | ').slice(0, 600)}`;
        log(reason);
        return resolve({ ok: false, reason });
      }
      const parsed = JSON.parse(line) as unknown;
      log(JSON.stringify(parsed));
      resolve(parsed);
    });
  });
}

function log(message: string): void {
  process.stderr.write(`[bench:vulns] ${message}\n`);
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
