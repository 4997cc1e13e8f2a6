import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseNvd } from '../../src/formats/nvd/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../support/corpus.js';

describeCorpus('NVD corpus', () => {
  it('parses all 23 NVD CVE API 2.0 responses without an error', () => {
    const files = corpusFiles('cve-records/osv-dev-vulnfeeds-testdata/nvd-api-2.0');
    expect(files).toHaveLength(23);
    const results = files.map((file) => ({ file, result: parseNvd(readFileSync(file, 'utf8')) }));
    for (const { file, result } of results)
      expect(
        result.errors.filter((e) => e.severity === 'error'),
        file,
      ).toEqual([]);
    const records = results.flatMap(({ result }) => result.records);
    expect(records).toHaveLength(23);
    // 21 of the 23 carry configurations (measured on the corpus with jq).
    expect(records.filter((r) => r.cpeConfigurations.length > 0)).toHaveLength(21);
  });

  it('parses all 669 CVE_Items of the legacy NVD 1.1 feed excerpt', () => {
    const { records, errors } = parseNvd(
      readFileSync(corpusPath('cve-records/osv-dev-vulnfeeds-testdata/nvdcve-1.1-test-data.json'), 'utf8'),
    );
    expect(errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(records).toHaveLength(669);
    // 890 cpe_match entries in the feed, each with a parseable cpe23Uri.
    const matches = records.flatMap((r) => r.cpeConfigurations).flatMap((c) => c.nodes);
    const count = (nodes: readonly (typeof matches)[number][]): number =>
      nodes.reduce((n, node) => n + node.cpeMatch.length + count(node.children), 0);
    expect(count(matches)).toBe(890);
  });
});
