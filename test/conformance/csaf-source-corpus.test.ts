import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { expect, it } from 'vitest';
import { newComponent } from '../../src/core/sbom.js';
import { rpmVersionScheme } from '../../src/core/version/rpm-version-scheme.js';
import type { Vulnerability } from '../../src/core/vulnerability.js';
import type { FeedParseResult } from '../../src/core/vulnerability-feed-result.js';
import { isCsafDocument, parseCsaf } from '../../src/formats/csaf/index.js';
import { parseOsv } from '../../src/formats/osv/index.js';
import { buildAdvisoryIndex, matchComponent } from '../../src/matching/index.js';
import { corpusFiles, corpusPath, corpusRoot, describeCorpus } from '../support/corpus.js';

/**
 * Every CSAF document of the corpus parses: the OASIS examples (2.0 and 2.1), the OASIS validator
 * test documents, all CISA advisories, and the Red Hat advisories with their expected OSV output.
 * Expectations come from the corpus READMEs, the documents themselves (counted here with plain
 * JSON, not by the parser) and the OASIS `testcases.json` index, never from our output.
 */
const json = (name: string): boolean => name.endsWith('.json');

interface Parsed {
  readonly file: string;
  readonly value: Record<string, unknown>;
  readonly result: FeedParseResult<Vulnerability>;
}

function parseFile(file: string): Parsed {
  const text = readFileSync(file, 'utf8');
  return { file, value: JSON.parse(text) as Record<string, unknown>, result: parseCsaf(text) };
}

const advisoryIdOf = (value: Record<string, unknown>): string =>
  ((value['document'] as Record<string, unknown>)['tracking'] as Record<string, unknown>)['id'] as string;
const vulnerabilityCount = (value: Record<string, unknown>): number =>
  Array.isArray(value['vulnerabilities']) ? value['vulnerabilities'].length : 0;
const where = (file: string): string => relative(corpusRoot, file);

/**
 * The claims every valid document must satisfy: no error diagnostic, one record per
 * `vulnerabilities[]` entry, and the advisory id among every record's related ids. Returns the
 * number of records.
 */
function expectReadable(documents: readonly Parsed[]): number {
  let records = 0;
  for (const { file, value, result } of documents) {
    expect(isCsafDocument(value), where(file)).toBe(true);
    expect(
      result.errors.filter((e) => e.severity === 'error'),
      where(file),
    ).toEqual([]);
    expect(result.records, where(file)).toHaveLength(vulnerabilityCount(value));
    const advisory = advisoryIdOf(value);
    for (const record of result.records) {
      expect(record.related, `${where(file)} ${record.id}`).toContain(advisory);
      expect(record.source).toBe('csaf');
    }
    records += result.records.length;
  }
  return records;
}

describeCorpus('CSAF corpus', () => {
  it('the 19 OASIS CSAF 2.0 examples (6 advisories, 13 VEX) give 59 records without an error', () => {
    const documents = corpusFiles('oasis-csaf/csaf_2.0/examples/csaf', json).map(parseFile);
    expect(documents).toHaveLength(19);
    expect(expectReadable(documents)).toBe(59);
  });

  it('the 23 OASIS CSAF 2.1 examples give 61 records without an error', () => {
    const documents = corpusFiles('oasis-csaf/csaf_2.1/examples/csaf', json).map(parseFile);
    expect(documents).toHaveLength(23);
    expect(documents.every((d) => (d.value['document'] as Record<string, unknown>)['csaf_version'] === '2.1')).toBe(
      true,
    );
    expect(expectReadable(documents)).toBe(61);
  });

  it('all 184 CISA advisories (144 ICSMA, 36 ICSA, 4 VA) give 1099 records (433, 657, 9) without an error', () => {
    const documents = corpusFiles('cisa-csaf/csaf_files', (n) => json(n) && !n.includes('feed')).map(parseFile);
    const count = (prefix: string): number => documents.filter((d) => basename(d.file).startsWith(prefix)).length;
    expect([documents.length, count('icsma-'), count('icsa-'), count('va-')]).toEqual([184, 144, 36, 4]);
    const recordsOf = (prefix: string): number =>
      expectReadable(documents.filter((d) => basename(d.file).startsWith(prefix)));
    expect([recordsOf('icsma-'), recordsOf('icsa-'), recordsOf('va-')]).toEqual([433, 657, 9]);
    const all = documents.flatMap((d) => d.result.records);
    // README: every advisory has a CWE; all but icsa-17-318-02a have a CVSS v3 score.
    expect(all.filter((r) => r.cwes.length === 0).map((r) => r.id)).toEqual([]);
    const unscored = documents.filter((d) =>
      d.result.records.some((r) => !r.cvss.some((s) => s.version.startsWith('3'))),
    );
    expect(unscored.map((d) => basename(d.file))).toEqual(['icsa-17-318-02a.json']);
    // CISA products have neither purl nor CPE: they are kept as vendor/product statements.
    expect(all.every((r) => r.affected.length === 0 && r.cpeConfigurations.length === 0)).toBe(true);
    expect(all.filter((r) => r.affectedProducts.length === 0).map((r) => r.id)).toEqual([]);
  });

  const validatorData = 'oasis-csaf/csaf_2.0/test/validator/data';
  const testcases = JSON.parse(readFileSync(corpusPath(validatorData, 'testcases.json'), 'utf8')) as {
    tests: { id: string; failures?: { name: string }[]; valid?: { name: string }[] }[];
  };
  const validatorDocument = (name: string): Parsed => parseFile(corpusPath(validatorData, name));

  it('all 239 OASIS validator test documents, passing or failing their test, give 133 records without an error', () => {
    const names = testcases.tests.flatMap((t) => [...(t.failures ?? []), ...(t.valid ?? [])].map((d) => d.name));
    expect(names).toHaveLength(239);
    // The 3 documents of test 6.1.8 are schema-invalid only in their CVSS objects (README).
    expect(expectReadable(names.map(validatorDocument))).toBe(133);
  });

  /**
   * Mandatory tests whose failures concern what the importer reads (product tree and product
   * status): each failing document is reported by a warning, and no passing document is. 6.1.4
   * is left out: its failing documents use group ids in `threats`, which the importer does not read.
   */
  const reported: Record<string, RegExp> = {
    '6.1.1': /undefined product id/,
    '6.1.2': /product id '.*' is already defined/,
    '6.1.3': /cycle|part of itself/,
    '6.1.5': /group id '.*' is already defined/,
    '6.1.6': /contradicting statuses/,
    '6.1.13': /invalid purl/,
    '6.1.31': /product_version '.*' is a range/,
  };
  for (const [id, message] of Object.entries(reported)) {
    it(`mandatory test ${id}: every failing document gets a warning, no passing one does`, () => {
      const test = testcases.tests.find((t) => t.id === id);
      const warned = (name: string): boolean =>
        validatorDocument(name).result.errors.some((e) => e.severity === 'warning' && message.test(e.message));
      expect(test?.failures?.length).toBeGreaterThan(0);
      expect((test?.failures ?? []).filter((d) => !warned(d.name)).map((d) => d.name)).toEqual([]);
      expect((test?.valid ?? []).filter((d) => warned(d.name)).map((d) => d.name)).toEqual([]);
    });
  }

  it('the other CSAF documents of the corpus parse: filename tests, Red Hat, vexctl, GUAC', () => {
    const documents = [
      ...corpusFiles('oasis-csaf/csaf_2.0/test/filenames', json),
      ...corpusFiles('osv-schema/redhat-csaf-to-osv-testdata/CSAF', json),
      corpusPath('openvex/vexctl/csaf.json'),
      corpusPath('guac-sbom-vex-testdata/rhsa-csaf.json'),
    ].map(parseFile);
    expect(documents).toHaveLength(12);
    expect(expectReadable(documents)).toBe(6);
  });

  /**
   * Red Hat publishes the OSV records it derives from its CSAF advisories; two are in the corpus.
   * Each OSV `affected[]` entry (a package in one product stream, fixed at one version) must be
   * one of ours, with the same fixed version (rpm order; Red Hat writes the `0:` epoch), and a
   * component must get the same answer from both.
   */
  const entries: Record<string, number> = { 'RHSA-2024_4546': 9, 'RHSA-2024_6220': 228 };
  for (const [advisory, count] of Object.entries(entries)) {
    it(`${advisory}: the ${count} packages, streams and fixed versions of Red Hat's own OSV conversion`, () => {
      const osv = parseOsv(
        readFileSync(corpusPath('osv-schema/redhat-csaf-to-osv-testdata/OSV', `${advisory}.json`), 'utf8'),
      ).records;
      const csaf = parseFile(
        corpusPath('osv-schema/redhat-csaf-to-osv-testdata/CSAF', `${advisory.toLowerCase()}.json`),
      );
      const [expected] = osv;
      expect(expected?.affected).toHaveLength(count);
      const [record, ...others] = csaf.result.records;
      expect(others).toEqual([]);
      expect(record?.related).toContain(expected?.id.replace('_', ':'));
      expect(record?.id).toBe(expected?.related.find((id) => id.startsWith('CVE-')));

      const fixedOf = (ranges: readonly { events: readonly { kind: string; version: string }[] }[]): string[] =>
        ranges.flatMap((r) => r.events.filter((e) => e.kind === 'fixed').map((e) => e.version));
      const ours = new Map(
        (record?.affected ?? []).map((a) => [`${a.ecosystemQualified} ${a.purl ?? ''}`, fixedOf(a.ranges)]),
      );
      for (const entry of expected?.affected ?? []) {
        const key = `${entry.ecosystemQualified} ${entry.purl ?? ''}`;
        const theirs = fixedOf(entry.ranges);
        expect(ours.has(key), key).toBe(true);
        const mine = ours.get(key) ?? [];
        expect(mine.length, key).toBe(theirs.length);
        mine.forEach((version, i) => expect(rpmVersionScheme.compare(version, theirs[i] ?? ''), key).toBe(0));
      }
      // Red Hat's conversion leaves modules (`pkg:rpmmod/…`) out; ours keeps them, and no package key reaches them.
      const extra = [...ours.keys()].filter(
        (key) => !(expected?.affected ?? []).some((e) => `${e.ecosystemQualified} ${e.purl ?? ''}` === key),
      );
      expect(extra.every((key) => key.includes('pkg:rpmmod/'))).toBe(true);

      // One component per entry, just below the fix and at it, in the entry's stream.
      const fromOsv = buildAdvisoryIndex(osv);
      const fromCsaf = buildAdvisoryIndex(csaf.result.records);
      const answer = (index: typeof fromOsv, purl: string): string[] =>
        matchComponent(newComponent({ ref: purl, name: purl, purl }), index).map(
          (f) => `${f.status} ${f.fixedVersions.map((v) => v.replace(/^0:/, '')).join(',')}`,
        );
      let compared = 0;
      for (const entry of expected?.affected ?? []) {
        const stream = /^Red Hat:([a-z0-9_]+):([0-9.]+)/.exec(entry.ecosystemQualified);
        const fixed = fixedOf(entry.ranges)[0]?.replace(/^0:/, '');
        if (stream === null || fixed === undefined || entry.purl === undefined) continue;
        compared += 1;
        const distro =
          stream[1] === 'enterprise_linux' ? `rhel-${stream[2] ?? ''}` : `${stream[1] ?? ''}-${stream[2] ?? ''}`;
        for (const version of ['0.1-1.el8', fixed]) {
          const purl = `${entry.purl}@${encodeURIComponent(version)}?distro=${distro}`;
          expect(answer(fromCsaf, purl), purl).toEqual(answer(fromOsv, purl));
        }
      }
      expect(compared).toBe(count);
      // Read from the advisory: git-lfs is fixed in 2.13.3-3.el8_6.1 for RHEL 8.6 AUS; only 4546 names it.
      expect(answer(fromCsaf, 'pkg:rpm/redhat/git-lfs@0.1-1.el8?distro=rhel_aus-8.6')).toEqual(
        advisory === 'RHSA-2024_4546' ? ['affected 2.13.3-3.el8_6.1'] : [],
      );
      expect(answer(fromCsaf, 'pkg:rpm/redhat/git-lfs@0.1-1.el8?distro=rhel-8')).toEqual([]);
    });
  }
});
