import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  advisoryEcosystems,
  databaseProfiles,
  ecosystemOf,
  generateOsvAdvisories,
  laterVersion,
  measuredOsvCorpus,
  mutate,
  osvEcosystemMix,
  packagePoolFor,
  writeOsvCorpus,
  type AdvisoryEcosystem,
  type OsvAdvisory,
} from '../../bench/generate-osv.js';
import { evaluateOsvAffected } from '../../src/core/range/osv-affected.js';
import { semverVersionScheme, versionSchemeForEcosystem } from '../../src/core/version/version-schemes.js';
import { parseOsv, parseOsvValue } from '../../src/formats/osv/index.js';
import { loadFeedFiles } from '../../src/services/feed-files.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function take<T>(iterable: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
}

const sample20k = take(generateOsvAdvisories({ count: 20_000, seed: 11 }), 20_000);
function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}
const idIn = (pattern: RegExp) => (r: OsvAdvisory) => pattern.test(r.id);
const ghsa = /^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/;

const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'jointsec-osv-gen-'));
  scratch.push(dir);
  return dir;
}

describe('generateOsvAdvisories', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(take(generateOsvAdvisories({ count: 500, seed: 7 }), 500));
    expect(JSON.stringify(take(generateOsvAdvisories({ count: 500, seed: 7 }), 500))).toBe(a);
    expect(JSON.stringify(take(generateOsvAdvisories({ count: 500, seed: 8 }), 500))).not.toBe(a);
  });

  it('yields exactly count records with unique ids', () => {
    expect(sample20k).toHaveLength(20_000);
    expect(new Set(sample20k.map((r) => r.id)).size).toBe(20_000);
    expect(take(generateOsvAdvisories({ count: 37, seed: 1 }), 1000)).toHaveLength(37);
  });

  it('is lazy: the first records of a billion-record corpus arrive at once', () => {
    const started = performance.now();
    const first = take(generateOsvAdvisories({ count: 1_000_000_000, seed: 3, packagesPerEcosystem: 200 }), 3);
    expect(first).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('writes records our OSV parser accepts without a single diagnostic (2,000 records)', () => {
    const records = sample20k.slice(0, 2_000);
    const parsed = parseOsvValue(records);
    expect(parsed.errors).toEqual([]);
    expect(parsed.records).toHaveLength(2_000);
    expect(parsed.records.filter((r) => r.affected.length > 0)).toHaveLength(2_000);
  });

  it('the parser check can fail: a broken record is reported', () => {
    const [record] = sample20k.filter((r) => ecosystemOf(r) === 'npm');
    const broken = {
      ...record!,
      affected: [{ ...record!.affected[0]!, ranges: [{ type: 'SEMVER', events: [{ fixed: 'x.y' }] }] }],
    };
    expect(parseOsvValue([broken]).errors.length).toBeGreaterThan(0);
  });

  it('mixes ecosystems as osvEcosystemMix says (20,000 records)', () => {
    const total = Object.values(osvEcosystemMix).reduce((a, b) => a + b, 0);
    for (const ecosystem of advisoryEcosystems) {
      const expected = osvEcosystemMix[ecosystem] / total;
      const actual = share(sample20k, (r) => ecosystemOf(r) === ecosystem);
      expect(Math.abs(actual - expected), `${ecosystem}: ${actual} vs ${expected}`).toBeLessThan(
        Math.max(0.01, expected * 0.15),
      );
    }
  });

  it('writes each ecosystem with its databases’ ids and its own ecosystem strings', () => {
    const idPatterns: Record<AdvisoryEcosystem, RegExp> = {
      npm: ghsa,
      Maven: ghsa,
      NuGet: ghsa,
      RubyGems: ghsa,
      Packagist: ghsa,
      PyPI: /^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|PYSEC-\d{4}-\d+)$/,
      Go: /^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|GO-\d{4}-\d{4,})$/,
      'crates.io': /^(GHSA(-[23456789cfghjmpqrvwx]{4}){3}|RUSTSEC-\d{4}-\d{4,})$/,
      Bitnami: /^BIT-[a-z0-9-]+-\d{4}-\d+$/,
      Debian: /^(DEBIAN-CVE-\d{4}-\d+|D[SL]A-\d+-\d)$/,
      Ubuntu: /^(UBUNTU-CVE-\d{4}-\d+|USN-\d+-\d)$/,
      Alpine: /^ALPINE-CVE-\d{4}-\d+$/,
      AlmaLinux: /^AL[SBE]A-\d{4}:\d{4,}$/,
      'Red Hat': /^RHSA-\d{4}:\d{4,}$/,
    };
    const ecosystemStrings: Partial<Record<AdvisoryEcosystem, RegExp>> = {
      Debian: /^Debian:(10|11|12|13)$/,
      Ubuntu: /^Ubuntu:(20|22|24)\.04:LTS$/,
      Alpine: /^Alpine:v3\.(17|18|19|20)$/,
      AlmaLinux: /^AlmaLinux:(8|9)$/,
      'Red Hat': /^Red Hat:enterprise_linux:(8|9)::(appstream|baseos)$/,
    };
    for (const record of sample20k) {
      const ecosystem = ecosystemOf(record);
      expect(record.id, ecosystem).toMatch(idPatterns[ecosystem]);
      for (const entry of record.affected) {
        expect(entry.package.ecosystem.split(':')[0], record.id).toBe(ecosystem);
        expect(entry.package.ecosystem, record.id).toMatch(ecosystemStrings[ecosystem] ?? /^[^:]+$/);
      }
    }
  });

  it('writes versions in each ecosystem’s syntax, ascending under its own ordering', () => {
    const syntax: Record<AdvisoryEcosystem, RegExp> = {
      npm: /^\d+\.\d+\.\d+$/,
      Go: /^[01]\.\d+\.\d+$/,
      'crates.io': /^(\d+\.\d+\.\d+|0\.0\.0-0)$/,
      Bitnami: /^\d+\.\d+\.\d+$/,
      NuGet: /^\d+\.\d+\.\d+$/,
      RubyGems: /^\d+\.\d+\.\d+$/,
      Packagist: /^\d+\.\d+\.\d+$/,
      Maven: /^\d+\.\d+\.\d+(\.Final)?$/,
      PyPI: /^\d+\.\d+(\.\d+)?$/,
      Debian: /^(\d:)?\d+\.\d+\.\d+-\d+(\+deb(10|11|12|13)u\d+)?$/,
      Ubuntu: /^(\d:)?\d+\.\d+\.\d+-\d+(ubuntu0\.\d+)?$/,
      Alpine: /^\d+\.\d+\.\d+-r\d+$/,
      AlmaLinux: /^(\d:)?\d+\.\d+\.\d+-\d+\.el(8|9)$/,
      'Red Hat': /^\d:\d+\.\d+\.\d+-\d+\.el(8|9)$/,
    };
    const seen = new Set<string>();
    for (const record of sample20k) {
      for (const entry of record.affected) {
        const ecosystem = entry.package.ecosystem.split(':')[0] as AdvisoryEcosystem;
        for (const range of entry.ranges) {
          if (range.type === 'GIT') {
            expect(range.events.every((e) => /^[0-9a-f]{40}$/.test(Object.values(e)[0] as string))).toBe(true);
            continue;
          }
          const scheme =
            range.type === 'SEMVER' ? semverVersionScheme : versionSchemeForEcosystem(entry.package.ecosystem)!;
          const versions = range.events.map((e) => Object.values(e)[0] as string).filter((v) => v !== '0');
          for (const version of versions) {
            expect(version, `${record.id} ${ecosystem}`).toMatch(syntax[ecosystem]);
            if (/^\d:/.test(version) && ecosystem !== 'Red Hat') seen.add(`${ecosystem} epoch`);
            if (version.endsWith('.Final')) seen.add('Maven .Final');
          }
          for (let i = 1; i < versions.length; i++) {
            expect(scheme.compare(versions[i - 1]!, versions[i]!), `${record.id} ${versions.join(' ')}`).toBe(-1);
          }
        }
      }
    }
    expect([...seen].sort()).toEqual(['AlmaLinux epoch', 'Debian epoch', 'Maven .Final', 'Ubuntu epoch']);
  });

  it('lists explicit versions that the ranges themselves mark affected', () => {
    const listed = sample20k.flatMap((r) => r.affected.filter((a) => a.versions !== undefined)).slice(0, 400);
    expect(listed.length).toBe(400);
    for (const entry of listed) {
      const rangesOnly = { ...entry, versions: [] };
      for (const version of entry.versions!) {
        expect(evaluateOsvAffected(rangesOnly, version).status, `${entry.package.name} ${version}`).toBe('affected');
      }
    }
  });

  it('keeps the measured per-database shape: affected entries, versions lists, aliases, twins, severity', () => {
    const of = (pattern: RegExp) => sample20k.filter(idIn(pattern));
    const within = (actual: number, expected: number, tolerance: number, label: string): void => {
      expect(Math.abs(actual - expected), `${label}: ${actual} vs ${expected}`).toBeLessThan(tolerance);
    };
    const ids = new Set(sample20k.map((r) => r.id));
    const twinShare = (records: readonly OsvAdvisory[]): number =>
      share(records, (r) => (r.aliases ?? []).some((alias) => ghsa.test(alias) && ids.has(alias)));
    within(twinShare(of(/^PYSEC-/)), databaseProfiles.PYSEC.ghsaTwin, 0.06, 'PYSEC with a GHSA twin');
    within(twinShare(of(/^GO-/)), databaseProfiles.GO.ghsaTwin, 0.06, 'GO with a GHSA twin');
    within(twinShare(of(/^RUSTSEC-/)), databaseProfiles.RUSTSEC.ghsaTwin, 0.08, 'RUSTSEC with a GHSA twin');
    const cve = (r: OsvAdvisory): boolean => (r.aliases ?? []).some((a) => a.startsWith('CVE-'));
    within(share(of(ghsa), cve), databaseProfiles.GHSA.cveAlias, 0.03, 'GHSA with a CVE alias');
    within(share(of(/^GO-/), cve), databaseProfiles.GO.cveAlias, 0.06, 'GO with a CVE alias');
    within(share(of(/^RUSTSEC-/), cve), databaseProfiles.RUSTSEC.cveAlias, 0.1, 'RUSTSEC with a CVE alias');
    within(
      share(of(ghsa), (r) => r.severity !== undefined),
      databaseProfiles.GHSA.severity,
      0.03,
      'GHSA severity',
    );
    expect(
      of(/^BIT-/).every((r) => r.severity === undefined && r.affected.every((a) => a.severity !== undefined)),
    ).toBe(true);
    const ghsaEntries = of(ghsa).flatMap((r) => r.affected.filter((a) => a.package.ecosystem !== 'Go'));
    within(
      share(ghsaEntries, (a) => a.versions !== undefined),
      databaseProfiles.GHSA.versionsList,
      0.03,
      'versions lists',
    );
    const listLengths = sample20k.flatMap((r) =>
      r.affected.flatMap((a) => (a.versions === undefined ? [] : [a.versions.length])),
    );
    const meanLength = listLengths.reduce((a, b) => a + b, 0) / listLengths.length;
    expect(meanLength).toBeGreaterThan(measuredOsvCorpus.versionsListLength.mean / 2);
    expect(meanLength).toBeLessThan(measuredOsvCorpus.versionsListLength.mean * 2);
    const expectedAlsa = meanOf(databaseProfiles.ALSA.affected);
    within(
      mean(of(/^AL[SBE]A-/).map((r) => r.affected.length)),
      expectedAlsa,
      expectedAlsa * 0.2,
      'ALSA affected per record',
    );
    const withdrawn = share(sample20k, (r) => r.withdrawn !== undefined);
    expect(withdrawn).toBeGreaterThan(0);
    expect(withdrawn).toBeLessThan(measuredOsvCorpus.withdrawnShare * 3);
    const bytes = mean(sample20k.map((r) => JSON.stringify(r).length));
    expect(bytes).toBeGreaterThan(measuredOsvCorpus.bytesPerRecord.mean / 2);
    expect(bytes).toBeLessThan(measuredOsvCorpus.bytesPerRecord.mean * 2);
  });

  it('gives popular packages many advisories and most packages few (Zipf-like)', () => {
    const counts = new Map<string, number>();
    for (const r of sample20k.filter((r) => ecosystemOf(r) === 'npm')) {
      const name = r.affected[0]!.package.name;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    expect(sorted[0]!).toBeGreaterThan(20 * median);
    const pool = packagePoolFor({ count: 20_000, seed: 11 });
    expect(counts.size).toBeLessThan(pool.packagesPerEcosystem);
    expect(pool.packages('npm')[0]!.name).toBe([...counts].sort((a, b) => b[1] - a[1])[0]![0]);
  });
});

describe('mutate', () => {
  const originals = sample20k.slice(0, 300);
  const frozen = JSON.stringify(originals);

  it('is deterministic, moves modified forward and leaves the input alone', () => {
    const a = originals.map((r, i) => mutate(r, i));
    expect(JSON.stringify(originals.map((r, i) => mutate(r, i)))).toBe(JSON.stringify(a));
    expect(JSON.stringify(originals)).toBe(frozen);
    a.forEach((changed, i) => {
      expect(changed.id).toBe(originals[i]!.id);
      expect(Date.parse(changed.modified)).toBeGreaterThan(Date.parse(originals[i]!.modified));
      expect(JSON.stringify(changed)).not.toBe(JSON.stringify(originals[i]));
    });
    expect(parseOsvValue(a).errors).toEqual([]);
  });

  it('produces every kind of change in the default mix', () => {
    const changed = originals.map((r, i) => mutate(r, 1000 + i));
    const withdrawn = changed.filter((r) => r.withdrawn !== undefined).length;
    const touched = changed.filter((r, i) => r.references.length > originals[i]!.references.length).length;
    const fixedLater = changed.length - withdrawn - touched;
    expect(withdrawn).toBeGreaterThan(20);
    expect(touched).toBeGreaterThan(60);
    expect(fixedLater).toBeGreaterThan(60);
  });

  it('withdrawn: the record is withdrawn at its new modified time', () => {
    const changed = mutate(originals[0]!, 5, 'withdrawn');
    expect(changed.withdrawn).toBe(changed.modified);
    expect(parseOsvValue([changed]).records[0]!.withdrawn).toBe(changed.modified);
  });

  it('fixed-later: one fixed event moves up and the old fixed version becomes affected', () => {
    const candidates = originals.filter((r) =>
      r.affected.some((a) => a.ranges.some((g) => g.type !== 'GIT' && g.events.some((e) => e.fixed !== undefined))),
    );
    expect(candidates.length).toBeGreaterThan(200);
    for (const [i, record] of candidates.entries()) {
      const changed = mutate(record, i, 'fixed-later');
      const before = record.affected.flatMap((a) => a.ranges.flatMap((g) => g.events.map((e) => e.fixed)));
      const after = changed.affected.flatMap((a) => a.ranges.flatMap((g) => g.events.map((e) => e.fixed)));
      const moved = before.flatMap((old, k) => (old === after[k] ? [] : [[old!, after[k]!] as const]));
      if (moved.length === 0) {
        // No fix could move without passing the range's next event: the record was touched instead.
        expect(changed.references.length).toBe(record.references.length + 1);
        continue;
      }
      expect(moved, record.id).toHaveLength(1);
      const entryIndex = changed.affected.findIndex((a, k) => JSON.stringify(a) !== JSON.stringify(record.affected[k]));
      const [old] = moved[0]!;
      expect(evaluateOsvAffected(record.affected[entryIndex]!, old).status, record.id).toBe('not-affected');
      expect(evaluateOsvAffected(changed.affected[entryIndex]!, old).status, record.id).toBe('affected');
    }
    expect(parseOsvValue(candidates.map((r, i) => mutate(r, i, 'fixed-later'))).errors).toEqual([]);
  });

  it.each([
    ['1.2.3', 'npm', '1.2.4'],
    ['4.1.77.Final', 'Maven', '4.1.78.Final'],
    ['2.7', 'PyPI', '2.8'],
    ['1:2.3.4-1+deb12u2', 'Debian:12', '1:2.3.4-1+deb12u3'],
    ['2.3.4-1ubuntu0.4', 'Ubuntu:22.04:LTS', '2.3.4-1ubuntu0.5'],
    ['1.2.3-r3', 'Alpine:v3.19', '1.2.3-r4'],
    ['0:1.2.3-5.el9', 'Red Hat:enterprise_linux:9::appstream', '0:1.2.3-6.el9'],
    ['1.2.3-10.el8', 'AlmaLinux:8', '1.2.3-11.el8'],
  ])('laterVersion(%s, %s) is %s', (version, ecosystem, expected) => {
    expect(laterVersion(version, ecosystem)).toBe(expected);
  });
});

describe('writeOsvCorpus', () => {
  it('streams JSON arrays per ecosystem in bounded files that the feed loader reads whole', async () => {
    const dir = tempDir();
    const written = writeOsvCorpus(dir, { count: 3_000, seed: 5, recordsPerFile: 400 });
    expect(written.records).toBe(3_000);
    expect(written.files.reduce((sum, f) => sum + f.records, 0)).toBe(3_000);
    expect(Object.values(written.byEcosystem).reduce((a, b) => a + b, 0)).toBe(3_000);
    const expected = take(generateOsvAdvisories({ count: 3_000, seed: 5 }), 3_000);
    for (const file of written.files) {
      expect(basename(file.path)).toMatch(/^[a-z0-9-]+-\d{4}\.json$/);
      const text = readFileSync(file.path, 'utf8');
      expect(Buffer.byteLength(text)).toBe(file.bytes);
      const records = JSON.parse(text) as OsvAdvisory[];
      expect(records.length).toBe(file.records);
      expect(records.length).toBeLessThanOrEqual(400);
      expect(records.every((r) => ecosystemOf(r) === file.ecosystem)).toBe(true);
    }
    // The files hold the generator's records, each ecosystem's in generation order.
    for (const ecosystem of advisoryEcosystems) {
      const files = written.files.filter((f) => f.ecosystem === ecosystem);
      const fromFiles = files.flatMap((f) => JSON.parse(readFileSync(f.path, 'utf8')) as OsvAdvisory[]);
      expect(JSON.stringify(fromFiles)).toBe(JSON.stringify(expected.filter((r) => ecosystemOf(r) === ecosystem)));
    }
    const first = written.files[0]!;
    expect(parseOsv(readFileSync(first.path, 'utf8')).errors).toEqual([]);
    const loaded = await loadFeedFiles([dir], { baseDir: dir });
    expect(loaded.vulnerabilities).toHaveLength(3_000);
    expect(loaded.files.every((f) => f.format === 'osv' && f.diagnostics.length === 0)).toBe(true);
  });

  it('runs as a CLI and reports what it wrote', () => {
    const dir = tempDir();
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'bench/generate-osv.ts',
        '--count',
        '500',
        '--out',
        dir,
        '--records-per-file',
        '100',
        '--seed',
        '9',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(out).toMatch(/^wrote 500 OSV records in \d+ files/);
    expect(out).toMatch(/seed 9, 200 packages per ecosystem/);
    expect(out).toMatch(/\n {2}npm +\d+ +\d+\.\d %/);
    const again = mkdtempSync(join(os.tmpdir(), 'jointsec-osv-gen-'));
    scratch.push(again);
    const written = writeOsvCorpus(again, { count: 500, seed: 9, recordsPerFile: 100 });
    for (const file of written.files) {
      expect(readFileSync(join(dir, basename(file.path)), 'utf8')).toBe(readFileSync(file.path, 'utf8'));
    }
  });
});

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function meanOf(weights: Readonly<Record<string, number>>): number {
  const entries = Object.entries(weights);
  return entries.reduce((sum, [k, w]) => sum + Number(k) * w, 0) / entries.reduce((sum, [, w]) => sum + w, 0);
}
