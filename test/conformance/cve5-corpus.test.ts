import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseCve5 } from '../../src/formats/cve5/index.js';
import { corpusFiles, describeCorpus } from '../support/corpus.js';

// Counts from the cve-records README.
const folders: Record<string, number> = {
  'cve-records/vulnrichment': 291,
  'cve-records/osv-dev-vulnfeeds-testdata/cve5': 13,
  'cve-records/osv-dev-vulnfeeds-testdata/cvelistV5': 11,
};

describeCorpus('CVE JSON 5 corpus', () => {
  for (const [folder, count] of Object.entries(folders)) {
    it(`parses all ${count} records of ${folder} without an error`, () => {
      const files = corpusFiles(folder, (n) => /^CVE-\d{4}-\d+\.json$/.test(n));
      expect(files).toHaveLength(count);
      const results = files.map((file) => ({ file, result: parseCve5(readFileSync(file, 'utf8')) }));
      for (const { file, result } of results)
        expect(
          result.errors.filter((e) => e.severity === 'error'),
          file,
        ).toEqual([]);
      expect(results.flatMap(({ result }) => result.records)).toHaveLength(count);
    });
  }

  it('matches the README measurements on the Vulnrichment sample', () => {
    const records = corpusFiles('cve-records/vulnrichment', (n) => n.endsWith('.json')).flatMap(
      (file) => parseCve5(readFileSync(file, 'utf8')).records,
    );
    expect(records.filter((r) => r.withdrawn !== undefined)).toHaveLength(5);
    expect(records.filter((r) => r.cisaAdp?.ssvc !== undefined)).toHaveLength(286);
    expect(records.filter((r) => (r.cisaAdp?.cpes.length ?? 0) > 0)).toHaveLength(177);
    // Of the 5 records in the KEV catalog, CVE-2024-9465 was added after this Vulnrichment
    // snapshot: its CISA ADP container carries SSVC but no `kev` metric (checked by hand).
    expect(
      records
        .filter((r) => r.knownExploited !== undefined)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['CVE-2023-35078', 'CVE-2024-36971', 'CVE-2024-38080', 'CVE-2024-4978']);
  });
});
