import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { corpusPath, describeCorpus } from '../support/corpus.js';
import { runCli, tempDir } from './cli-harness.js';

const feedsDir = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const alpineSbom = corpusPath('osv-scanner-sbom-testdata', 'alpine.cdx.xml');
const protobufSbom = `${feedsDir}sboms/protobuf-app.cdx.json`;

describeCorpus('jointsec scan', () => {
  it('exits 1 with findings and prints the table', async () => {
    const result = await runCli(['scan', alpineSbom, '--feeds', `${feedsDir}alpine`, `${feedsDir}epss`]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^COMPONENT\s+VERSION\s+VULNERABILITY\s+STATUS\s+FIXED IN\s+CONFIDENCE$/);
    // Hand-checked (see test/services/scan-sbom.test.ts): six findings, in this order.
    expect(lines.slice(1, 7).map((l) => l.split(/\s+/).slice(0, 4).join(' '))).toEqual([
      'libcrypto3 3.0.8-r0 CVE-2023-0464 affected',
      'libssl3 3.0.8-r0 CVE-2023-0464 affected',
      'musl 1.2.3-r4 HAND-ALPINE-MUSL-GIT unknown-version',
      'musl-utils 1.2.3-r4 HAND-ALPINE-MUSL-GIT unknown-version',
      'zlib 1.2.10-r0 CVE-2018-25032 affected',
      'zlib 1.2.10-r0 CVE-2022-37434 affected',
    ]);
    expect(result.stdout).toMatch(/6 findings \(4 affected, 2 unknown-version\)/);
    // The five HAND- ids are not a known OSV database prefix: kept, counted as record warnings.
    expect(result.stderr).toBe('jointsec: warning: 5 record warnings in the feeds (records kept)\n');
  });

  it('exits 0 without findings (real Go advisories against an Alpine image)', async () => {
    const result = await runCli(['scan', alpineSbom, '--feeds', corpusPath('osv-advisories', 'golang-vulndb')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No findings in \d+ components against 118 feed files/);
  });

  it('writes the JSON contract, the same on every run', async () => {
    const argv = ['scan', alpineSbom, '--format', 'json', '--feeds', `${feedsDir}alpine`, `${feedsDir}epss`];
    const first = await runCli(argv);
    const second = await runCli(argv);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout) as { findings: Record<string, unknown>[]; summary: unknown };
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(report.findings).toHaveLength(6);
    const zlib = report.findings.find((f) => (f['vulnerability'] as { id: string }).id === 'CVE-2022-37434') as {
      vulnerability: { epss: number; kev: boolean };
      fixedVersions: string[];
    };
    expect(zlib.vulnerability.epss).toBe(0.37105);
    expect(zlib.vulnerability.kev).toBe(false);
    expect(zlib.fixedVersions).toEqual(['1.2.12-r2']);
  });

  it('warns about a corrupt feed file on stderr and scans with the rest', async () => {
    const result = await runCli([
      'scan',
      protobufSbom,
      '--feeds',
      `${feedsDir}corrupt`,
      `${feedsDir}alias/PYSEC-2022-48.json`,
    ]);
    // protobuf 3.14.0 < fixed 3.15.0 (PYSEC stand-in); requests 2.31.0 in [2.0.0, 2.32.0) of the good neighbour.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/jointsec: warning: .*truncated\.json: .*not valid JSON/);
    expect(result.stderr).toMatch(/one-bad-record\.json: \/1/);
    expect(result.stdout).toMatch(/^protobuf\s+3\.14\.0\s+CVE-2021-22570\s+affected\s+3\.15\.0\s+high$/m);
    expect(result.stdout).toMatch(/^requests\s+2\.31\.0\s+HAND-GOOD-NEIGHBOUR\s+affected\s+2\.32\.0\s+high$/m);
  });
});

describe('jointsec scan output formats', () => {
  it('writes SARIF 2.1.0 with one result per finding, and exits 1', async () => {
    const result = await runCli(['scan', protobufSbom, '--format', 'sarif', '--feeds', `${feedsDir}alias`]);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(log.version).toBe('2.1.0');
    // PYSEC-2022-48 names CVE-2021-22570 as its only CVE: protobuf 3.14.0 < fixed 3.15.0.
    expect(log.runs[0]?.results.map((r) => r.ruleId)).toEqual(['CVE-2021-22570']);
  });

  it('writes a CycloneDX 1.6 VDR naming the affected component', async () => {
    const result = await runCli(['scan', protobufSbom, '--format', 'cyclonedx-vdr', '--feeds', `${feedsDir}alias`]);
    expect(result.code).toBe(1);
    const bom = JSON.parse(result.stdout) as {
      bomFormat: string;
      specVersion: string;
      components: { name: string; version: string }[];
      vulnerabilities: { id: string; affects: { ref: string }[] }[];
    };
    expect([bom.bomFormat, bom.specVersion]).toEqual(['CycloneDX', '1.6']);
    expect(bom.components.map((c) => `${c.name}@${c.version}`)).toEqual(['protobuf@3.14.0']);
    expect(bom.vulnerabilities.map((v) => v.id)).toEqual(['CVE-2021-22570']);
  });
});

describe('jointsec scan refusals (exit 2)', () => {
  it('refuses to scan against a database without vulnerability records', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const result = await runCli(['scan', protobufSbom], { env: { JOINTSEC_DB: join(dir, 'empty.db') } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/the database holds no vulnerability records: run `jointsec feeds import`/);
      expect(result.stdout).toBe('');
    } finally {
      cleanup();
    }
  });

  it('refuses an unknown --format', async () => {
    const result = await runCli(['scan', protobufSbom, '--format', 'xml', '--feeds', `${feedsDir}alias`]);
    expect(result.code).toBe(2);
  });

  it('refuses a feed path that does not exist, naming it', async () => {
    const result = await runCli(['scan', protobufSbom, '--feeds', 'nope.json'], { cwd: feedsDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.json: cannot read feed path/);
  });

  it('refuses an SBOM that does not exist', async () => {
    const result = await runCli(['scan', 'missing.cdx.json', '--feeds', 'alias'], { cwd: feedsDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/missing\.cdx\.json: cannot read file/);
  });

  it('refuses feeds without a single vulnerability record', async () => {
    const result = await runCli(['scan', protobufSbom, '--feeds', 'epss'], { cwd: feedsDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no vulnerability records could be loaded/);
  });

  it('says in --help where it scans when --feeds is not given', async () => {
    const result = await runCli(['scan', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Without --feeds the configured database/);
    expect(result.stdout).toMatch(/sarif/);
  });
});
