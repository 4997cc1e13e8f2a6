import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor, type ServiceContext } from '../../src/services/context.js';
import { feedStatus } from '../../src/services/feed-status.js';
import { syncFeedsIntoStore } from '../../src/services/feed-sync-run.js';
import type { FeedSource } from '../../src/services/feed-sync/index.js';
import { FeedFixtureServer, upstreamPaths } from '../support/feed-fixture-server.js';
import { describeEachStore } from '../support/stores.js';
import { writeTestZip } from '../support/zip-writer.js';

const advisory = readFileSync(new URL('../fixtures/feeds/alias/PYSEC-2022-48.json', import.meta.url));

let server: FeedFixtureServer;
beforeEach(async () => {
  server = await FeedFixtureServer.start();
});
afterEach(async () => server.close());

describeEachStore('syncFeedsIntoStore against a local upstream', (fixture) => {
  const sources = (): FeedSource[] => [
    { kind: 'osv', baseUrl: server.baseUrl, ecosystems: ['PyPI'] },
    { kind: 'kev', baseUrl: server.baseUrl },
  ];
  const options = () => ({
    cacheDir: mkdtempSync(join(tmpdir(), 'jointsec-sync-')),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });

  it('imports what it downloaded, then asks conditionally and imports nothing when unchanged', async () => {
    server.serve(upstreamPaths.osvZip('PyPI'), {
      body: writeTestZip([{ name: 'PYSEC-2022-48.json', data: advisory }]),
    });
    server.serve(upstreamPaths.kevJson, {
      body: JSON.stringify({ catalogVersion: '2025.08.25', dateReleased: '2025-08-25T00:00:00Z', vulnerabilities: [] }),
    });
    const store = await fixture.open();
    const ctx: ServiceContext = { store, actor: systemActor() };
    const opts = options();
    const first = await syncFeedsIntoStore(ctx, { sources: sources(), options: opts });
    expect(first.map((o) => [o.source, o.status])).toEqual([
      ['osv', 'imported'],
      ['kev', 'imported'],
    ]);
    expect(first[0]?.imported?.sources).toEqual([
      { source: 'osv', added: 1, updated: 0, unchanged: 0, withdrawn: 0, errors: 0 },
    ]);

    const second = await syncFeedsIntoStore(ctx, { sources: sources(), options: opts });
    expect(second.map((o) => o.status)).toEqual(['unchanged', 'unchanged']);
    const conditional = server.requestsTo(upstreamPaths.osvZip('PyPI'))[1];
    expect(conditional?.headers['if-none-match']).toMatch(/^"/);

    const status = await feedStatus(ctx);
    expect(status.sources).toMatchObject([{ source: 'osv', records: 1 }]);
    expect(status.runs.map((r) => [r.source, r.lastError])).toEqual([
      ['sync:kev', null],
      ['sync:osv', null],
    ]);
  });

  it('a failing source changes nothing and is recorded; the other source still imports', async () => {
    server.serve(upstreamPaths.osvZip('PyPI'), {
      body: writeTestZip([{ name: 'PYSEC-2022-48.json', data: advisory }]),
    });
    server.fail(upstreamPaths.kevJson, { kind: 'status', status: 404 });
    const store = await fixture.open();
    const ctx: ServiceContext = { store, actor: systemActor() };
    const opts = options();
    const outcomes = await syncFeedsIntoStore(ctx, { sources: sources(), options: opts });
    expect(outcomes.map((o) => [o.source, o.status])).toEqual([
      ['osv', 'imported'],
      ['kev', 'failed'],
    ]);
    expect(outcomes[1]?.error?.message).toMatch(/404/);
    const status = await feedStatus(ctx);
    expect(status.runs.find((r) => r.source === 'sync:kev')?.lastError).toMatch(/404/);
    expect(status.kevEntries).toBe(0);
    // Nothing of the failed source was placed in the cache.
    expect(readdirSync(opts.cacheDir)).not.toContain('kev');
  });

  it('retries a 503 and a truncated body, then imports once', async () => {
    server.serve(upstreamPaths.osvZip('PyPI'), {
      body: writeTestZip([{ name: 'PYSEC-2022-48.json', data: advisory }]),
    });
    server.fail(upstreamPaths.osvZip('PyPI'), { kind: 'status', status: 503 }, { kind: 'truncate', afterBytes: 40 });
    const store = await fixture.open();
    const outcomes = await syncFeedsIntoStore(
      { store, actor: systemActor() },
      { sources: [{ kind: 'osv', baseUrl: server.baseUrl, ecosystems: ['PyPI'] }], options: options() },
    );
    expect(outcomes.map((o) => o.status)).toEqual(['imported']);
    expect(server.requestsTo(upstreamPaths.osvZip('PyPI')).length).toBeGreaterThanOrEqual(3);
  });
});
