import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { expect, it } from 'vitest';
import { parseOsv, parseOsvValue, validateOsvRecord } from '../../src/formats/osv/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../support/corpus.js';

/**
 * Every OSV record in the corpus parses, and our zod rendering of the OSV schema gives the same
 * verdict as the official JSON Schema (compiled here with ajv, in the test only).
 * PYSEC YAML files are decoded with the `yaml` package (YAML 1.2 core schema: unquoted
 * timestamps stay strings, the trap the corpus README describes).
 */
const isRecordFile = (name: string): boolean => name.endsWith('.json') || name.endsWith('.yaml');

function load(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  return file.endsWith('.yaml') ? parseYaml(text) : JSON.parse(text);
}

// File counts from the corpus README (osv-advisories: 857 records + the 858th file is README.md).
const folders: Record<string, number> = {
  'osv-advisories/golang-vulndb': 118,
  'osv-advisories/pypa-advisory-database': 130,
  'osv-advisories/rustsec-advisory-db-osv': 104,
  'osv-advisories/bitnami-vulndb': 54,
  'osv-advisories/almalinux-osv-database': 45,
  'osv-advisories/ghsa-from-osv-scalibr-testdata/records': 364,
  'osv-advisories/osv-dev-testdata': 32,
  'osv-advisories/dependency-track-osv-testdata': 10,
  'osv-schema/osv-linter-testdata': 12,
};

const official = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(corpusPath('osv-schema/schema.json'), 'utf8')) as object);
})();

describeCorpus('OSV corpus', () => {
  for (const [folder, count] of Object.entries(folders)) {
    it(`parses all ${count} records of ${folder} without an error`, () => {
      const files = corpusFiles(folder, isRecordFile);
      expect(files).toHaveLength(count);
      let records = 0;
      for (const file of files) {
        const result = file.endsWith('.yaml') ? parseOsvValue(load(file)) : parseOsv(readFileSync(file, 'utf8'));
        expect(
          result.errors.filter((e) => e.severity === 'error'),
          file,
        ).toEqual([]);
        records += result.records.length;
      }
      expect(records).toBe(count);
    });
  }

  it('parses the 11 expected GHSA→OSV conversions', () => {
    const files = corpusFiles('osv-schema/ghsa-to-osv-testdata', (n) => n.endsWith('.osv.json'));
    expect(files).toHaveLength(11);
    const ids = files.flatMap((f) => parseOsv(readFileSync(f, 'utf8')).records.map((r) => r.id));
    expect(ids).toHaveLength(11);
  });

  const all = Object.keys(folders).flatMap((folder) => corpusFiles(folder, isRecordFile));

  it('agrees with the official OSV schema on every corpus record', () => {
    const disagreements: string[] = [];
    let invalid = 0;
    for (const file of all) {
      const value = load(file);
      const theirs = official(value);
      const ours = validateOsvRecord(value).length === 0;
      if (!theirs) invalid += 1;
      if (theirs !== ours) disagreements.push(`${basename(file)}: official ${theirs}, ours ${ours}`);
    }
    expect(disagreements).toEqual([]);
    // README: 6 of 10 DT records, 8 synthetic osv.dev records + 3 synthetic PYSEC YAML (their
    // timestamps stay strings here, so they pass), PYSEC-2019-155 and nointroduced-CVE-2023-41045.
    expect(invalid).toBeGreaterThanOrEqual(16);
  });
});

type Doc = Record<string, unknown>;
const affected0 = (d: Doc): Doc => (d['affected'] as Doc[])[0] as Doc;
const range0 = (d: Doc): Doc => (affected0(d)['ranges'] as Doc[])[0] as Doc;

/** Broken variants of a valid GHSA record: both schemas must give the same verdict. */
const variants: Record<string, (d: Doc) => void> = {
  unchanged: () => {},
  'id removed': (d) => delete d['id'],
  'id with an unknown prefix': (d) => (d['id'] = 'FOO-2020-1'),
  'id with x_ prefix': (d) => (d['id'] = 'x_private-1'),
  'modified removed': (d) => delete d['modified'],
  'modified without Z': (d) => (d['modified'] = '2024-01-01T00:00:00'),
  'modified with an offset': (d) => (d['modified'] = '2024-01-01T00:00:00+01:00'),
  'modified on 31 February': (d) => (d['modified'] = '2024-02-31T00:00:00Z'),
  'modified with fraction': (d) => (d['modified'] = '2024-01-01T00:00:00.123456Z'),
  'published is a number': (d) => (d['published'] = 5),
  'unknown top-level field': (d) => (d['extra'] = true),
  'aliases null': (d) => (d['aliases'] = null),
  'aliases with a number': (d) => (d['aliases'] = [1]),
  'related null': (d) => (d['related'] = null),
  'affected null': (d) => (d['affected'] = null),
  'affected is an object': (d) => (d['affected'] = {}),
  'package without name': (d) => delete (affected0(d)['package'] as Doc)['name'],
  'package without ecosystem': (d) => delete (affected0(d)['package'] as Doc)['ecosystem'],
  'ecosystem unknown': (d) => ((affected0(d)['package'] as Doc)['ecosystem'] = 'JavaScript'),
  'ecosystem with suffix': (d) => ((affected0(d)['package'] as Doc)['ecosystem'] = 'Debian:11'),
  'ecosystem with empty suffix': (d) => ((affected0(d)['package'] as Doc)['ecosystem'] = 'Debian:'),
  'ecosystem GIT': (d) => ((affected0(d)['package'] as Doc)['ecosystem'] = 'GIT'),
  'package removed': (d) => delete affected0(d)['package'],
  'extra field in affected': (d) => (affected0(d)['x'] = 1),
  'range type unknown': (d) => (range0(d)['type'] = 'NPM'),
  'range without events': (d) => delete range0(d)['events'],
  'range with empty events': (d) => (range0(d)['events'] = []),
  'range without introduced': (d) => (range0(d)['events'] = [{ fixed: '1.0' }]),
  'event with two keys': (d) => (range0(d)['events'] = [{ introduced: '0', fixed: '1' }]),
  'event with a numeric value': (d) => (range0(d)['events'] = [{ introduced: 0 }]),
  'event with an extra key': (d) => (range0(d)['events'] = [{ introduced: '0', note: 'x' }]),
  'empty event object': (d) => (range0(d)['events'] = [{ introduced: '0' }, {}]),
  'last_affected and fixed mixed': (d) =>
    (range0(d)['events'] = [{ introduced: '0' }, { fixed: '2' }, { last_affected: '1' }]),
  'limit event': (d) => (range0(d)['events'] = [{ introduced: '0' }, { limit: '2' }]),
  'GIT range without repo': (d) => Object.assign(range0(d), { type: 'GIT', events: [{ introduced: '0' }] }),
  'GIT range with a short hash': (d) =>
    Object.assign(range0(d), { type: 'GIT', repo: 'https://x', events: [{ introduced: '0' }, { fixed: 'abc123' }] }),
  'GIT range with a full hash': (d) =>
    Object.assign(range0(d), {
      type: 'GIT',
      repo: 'https://x',
      events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }],
    }),
  'versions with a number': (d) => (affected0(d)['versions'] = [1]),
  'database_specific is an array': (d) => (d['database_specific'] = []),
  'severity type unknown': (d) => (d['severity'] = [{ type: 'CVSS_V5', score: 'x' }]),
  'severity without type': (d) => (d['severity'] = [{ score: 'CVSS:3.1/AV:N' }]),
  'severity CVSS_V3 with a v2 vector': (d) =>
    (d['severity'] = [{ type: 'CVSS_V3', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }]),
  'severity CVSS_V2 valid': (d) => (d['severity'] = [{ type: 'CVSS_V2', score: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' }]),
  'severity CVSS_V4 valid': (d) =>
    (d['severity'] = [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }]),
  'severity Ubuntu medium': (d) => (d['severity'] = [{ type: 'Ubuntu', score: 'medium' }]),
  'severity Ubuntu unknown word': (d) => (d['severity'] = [{ type: 'Ubuntu', score: 'urgent' }]),
  'severity at both levels': (d) => (affected0(d)['severity'] = [{ type: 'Ubuntu', score: 'low' }]),
  'severity at both levels, package null': (d) => (affected0(d)['severity'] = null),
  'reference type unknown': (d) => (d['references'] = [{ type: 'BLOG', url: 'https://x' }]),
  'reference without url': (d) => (d['references'] = [{ type: 'WEB' }]),
  'reference url not a URI': (d) => (d['references'] = [{ type: 'WEB', url: 'not a uri' }]),
  'reference url with angle brackets': (d) => (d['references'] = [{ type: 'WEB', url: 'https://x/a@<list.example>' }]),
  'credit without name': (d) => (d['credits'] = [{ type: 'FINDER' }]),
  'credit type unknown': (d) => (d['credits'] = [{ name: 'a', type: 'HERO' }]),
};

describeCorpus('our OSV schema against the official one on broken variants', () => {
  const base = JSON.parse(
    readFileSync(corpusPath('osv-advisories/dependency-track-osv-testdata/osv-GHSA-77rv-6vfw-x4gc.json'), 'utf8'),
  ) as Doc;
  it.each(Object.keys(variants))('%s', (name) => {
    const doc = structuredClone(base);
    variants[name]!(doc);
    const ours = validateOsvRecord(doc);
    expect({ valid: ours.length === 0 }, JSON.stringify(ours)).toEqual({ valid: official(doc) });
  });

  it('the base record is valid and some variants are not (the comparison can fail)', () => {
    expect(official(base)).toBe(true);
    const invalid = Object.values(variants).filter((mutate) => {
      const doc = structuredClone(base);
      mutate(doc);
      return !official(doc);
    });
    expect(invalid.length).toBeGreaterThan(30);
  });
});
