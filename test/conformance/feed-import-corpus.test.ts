import { expect, it } from 'vitest';
import type { Vulnerability } from '../../src/core/vulnerability.js';
import { systemActor } from '../../src/services/context.js';
import { importFeeds } from '../../src/services/feed-import.js';
import { loadFeedFiles } from '../../src/services/feed-files.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';
import { describeEachStore } from '../support/stores.js';

/** Every feed in the corpus the importer reads: OSV, CVE 5 (incl. CISA ADP), NVD, CSAF, KEV. */
const feedFolders = ['osv-advisories', 'cve-records', 'cisa-csaf', 'oasis-csaf', 'cisa-kev'];

describeCorpus('importing the corpus feeds', () => {
  describeEachStore('feeds import', (fixture) => {
    it('stores every record the parsers read, keeps it whole, and a second import changes nothing', async () => {
      const paths = feedFolders.map((folder) => corpusPath(folder));
      // The parsers' view, independent of the store: one record per source and id.
      const parsed = await loadFeedFiles(paths, { baseDir: '/' });
      const expected = new Map(parsed.vulnerabilities.map((v) => [`${v.source}|${v.id}`, v]));
      expect(expected.size).toBeGreaterThan(1_000);

      const store = await fixture.open();
      const ctx = { store, actor: systemActor() };
      const first = await importFeeds(ctx, { paths, baseDir: '/' });
      const added = first.sources.reduce((n, s) => n + s.added, 0);
      expect(added).toBe(expected.size);
      expect(first.kev.added).toBe(parsed.kev.size);

      const rows = await store.db.selectFrom('vuln_records').select(['source', 'source_id', 'record_json']).execute();
      expect(new Set(rows.map((r) => `${r.source}|${r.source_id}`))).toEqual(new Set(expected.keys()));
      // What comes back out is what went in, field for field (JSON numbers and strings round-trip).
      for (const row of rows) {
        const original = expected.get(`${row.source}|${row.source_id}`);
        expect(JSON.parse(row.record_json) as Vulnerability, `${row.source} ${row.source_id}`).toEqual(
          JSON.parse(JSON.stringify(original)),
        );
      }
      const aliasCount = await store.db
        .selectFrom('vuln_ids')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      const distinctIds = [...expected.values()].reduce(
        (n, v) => n + new Set([v.id, ...v.aliases].map((id) => id.toUpperCase())).size,
        0,
      );
      expect(Number(aliasCount.n)).toBe(distinctIds);

      const second = await importFeeds(ctx, { paths, baseDir: '/' });
      expect(second.sources.reduce((n, s) => n + s.added + s.updated, 0)).toBe(0);
      // Every occurrence counts: the corpus has a few records in two files (same id and time).
      expect(second.sources.reduce((n, s) => n + s.unchanged, 0)).toBeGreaterThanOrEqual(expected.size);
      expect(second.kev).toMatchObject({ added: 0, updated: 0 });
    }, 240_000);
  });
});
