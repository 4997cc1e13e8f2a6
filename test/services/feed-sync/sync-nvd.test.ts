import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNvdValue } from '../../../src/formats/nvd/index.js';
import { syncFeedSource, type FeedSyncResult, type NvdFeedSource } from '../../../src/services/feed-sync/index.js';
import { corpusFiles, describeCorpus } from '../../support/corpus.js';
import { nvdApi, upstreamPaths } from '../../support/feed-fixture-server.js';
import { startHarness, type Harness } from './feed-sync-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Minimal NVD `cve` objects; only id and lastModified matter to paging and date filters. */
function cves(count: number, lastModified = '2025-08-01T00:00:00.000'): { id: string; lastModified: string }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `CVE-2025-${1000 + i}`, lastModified }));
}

function source(extra: Partial<NvdFeedSource> = {}): NvdFeedSource {
  return { kind: 'nvd', baseUrl: h.server.baseUrl, ...extra };
}

async function idsIn(paths: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const path of paths) {
    const page = JSON.parse(await readFile(path, 'utf8')) as { vulnerabilities: { cve: { id: string } }[] };
    ids.push(...page.vulnerabilities.map((v) => v.cve.id));
  }
  return ids;
}

function downloaded(result: FeedSyncResult): Extract<FeedSyncResult, { status: 'downloaded' }> {
  if (result.status !== 'downloaded') {
    throw new Error(
      `expected downloaded, got ${result.status}${result.status === 'failed' ? `: ${result.error.message}` : ''}`,
    );
  }
  return result;
}

/** Fetch that notes the fake-clock time of every request start. */
function timedFetch(times: number[]): typeof fetch {
  return (input, init) => {
    times.push(h.clock.now());
    return fetch(input, init);
  };
}

describe('NVD CVE API 2.0 sync', () => {
  it('pages through totalResults on a first full sync and keeps each page as an artifact', async () => {
    const all = cves(7);
    h.server.serve(upstreamPaths.nvdCves, nvdApi(all));
    const result = downloaded(await syncFeedSource(source({ resultsPerPage: 3 }), h.store, h.options()));

    const requests = h.server.requestsTo(upstreamPaths.nvdCves);
    expect(requests.map((r) => [r.query.get('startIndex'), r.query.get('resultsPerPage')])).toEqual([
      ['0', '3'],
      ['3', '3'],
      ['6', '3'],
    ]);
    expect(requests.every((r) => !r.query.has('lastModStartDate') && !r.query.has('lastModEndDate'))).toBe(true);
    expect(requests.every((r) => r.headers['apikey'] === undefined)).toBe(true);
    expect(result.artifacts.map((a) => a.kind)).toEqual(['nvd-json', 'nvd-json', 'nvd-json']);
    expect(result.artifacts.map((a) => a.url)).toEqual(requests.map((r) => h.server.url(r.url)));
    expect(await idsIn(result.artifacts.map((a) => a.path))).toEqual(all.map((c) => c.id));
    expect(await h.cacheFiles()).toEqual(['nvd/cves-00000.json', 'nvd/cves-00001.json', 'nvd/cves-00002.json']);
    expect(result.nextState).toEqual({
      lastSuccessAt: '2025-08-25T12:00:00.000Z',
      cursor: '2025-08-25T12:00:00.000Z',
    });
  });

  it('keeps to 5 requests per rolling 30 s without an API key', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(12)));
    const times: number[] = [];
    const t0 = h.clock.now();
    downloaded(await syncFeedSource(source({ resultsPerPage: 1 }), h.store, h.options({ fetch: timedFetch(times) })));
    expect(times.map((t) => t - t0)).toEqual([0, 0, 0, 0, 0, 30_000, 30_000, 30_000, 30_000, 30_000, 60_000, 60_000]);
    expect(h.events.filter((e) => e.type === 'rate-limit')).toHaveLength(2);
  });

  it('sends the apiKey header and allows 50 requests per 30 s with a key', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(52)));
    const times: number[] = [];
    const t0 = h.clock.now();
    downloaded(
      await syncFeedSource(
        source({ resultsPerPage: 1, apiKey: 'k-123' }),
        h.store,
        h.options({ fetch: timedFetch(times) }),
      ),
    );
    const requests = h.server.requestsTo(upstreamPaths.nvdCves);
    expect(requests).toHaveLength(52);
    expect(requests.every((r) => r.headers['apikey'] === 'k-123')).toBe(true);
    expect(times.filter((t) => t === t0)).toHaveLength(50);
    expect(times.slice(50).map((t) => t - t0)).toEqual([30_000, 30_000]);
  });

  it('counts retries against the rate limit', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(2)));
    h.server.fail(upstreamPaths.nvdCves, { kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    const times: number[] = [];
    const t0 = h.clock.now();
    downloaded(
      await syncFeedSource(
        source({ resultsPerPage: 1, rateLimit: { requests: 2, windowMs: 10_000 } }),
        h.store,
        h.options({ fetch: timedFetch(times) }),
      ),
    );
    // 503 at 0, backoff 75 ms, 503 at 75, backoff 150 ms: the third request (page 1) still has to
    // wait for the start at 0 to leave the window, page 2 for the start at 75.
    expect(times.map((t) => t - t0)).toEqual([0, 75, 10_000, 10_075]);
  });

  it('asks only for changes since the cursor, in windows of at most 120 days', async () => {
    await h.store.put('nvd', { cursor: '2025-03-01T00:00:00.000Z', lastSuccessAt: '2025-03-01T00:00:00.000Z' });
    const early = cves(2, '2025-04-01T10:00:00.000').map((c, i) => ({ ...c, id: `CVE-2025-200${i}` }));
    const late = cves(1, '2025-08-20T10:00:00.000').map((c) => ({ ...c, id: 'CVE-2025-3000' }));
    const old = cves(1, '2024-01-01T00:00:00.000').map((c) => ({ ...c, id: 'CVE-2023-1' }));
    h.server.serve(upstreamPaths.nvdCves, nvdApi([...old, ...early, ...late]));
    const result = downloaded(await syncFeedSource(source(), h.store, h.options()));

    const requests = h.server.requestsTo(upstreamPaths.nvdCves);
    expect(requests.map((r) => [r.query.get('lastModStartDate'), r.query.get('lastModEndDate')])).toEqual([
      ['2025-03-01T00:00:00.000+00:00', '2025-06-29T00:00:00.000+00:00'],
      ['2025-06-29T00:00:00.000+00:00', '2025-08-25T12:00:00.000+00:00'],
    ]);
    // `+` must reach NVD percent-encoded, or it reads as a space.
    expect(requests[0]!.url).toContain('lastModStartDate=2025-03-01T00%3A00%3A00.000%2B00%3A00');
    expect(await idsIn(result.artifacts.map((a) => a.path))).toEqual([
      'CVE-2025-2000',
      'CVE-2025-2001',
      'CVE-2025-3000',
    ]);
    expect(result.nextState.cursor).toBe('2025-08-25T12:00:00.000Z');
  });

  it('reports unchanged (and still advances the cursor) when nothing was modified', async () => {
    await h.store.put('nvd', { cursor: '2025-08-20T00:00:00.000Z' });
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(3, '2025-01-01T00:00:00.000')));
    const result = await syncFeedSource(source(), h.store, h.options());
    expect(result.status).toBe('unchanged');
    if (result.status !== 'unchanged') return;
    expect(result.nextState.cursor).toBe('2025-08-25T12:00:00.000Z');
    expect(h.server.requestsTo(upstreamPaths.nvdCves)).toHaveLength(1);
    expect(await h.cacheFiles()).toEqual([]);
  });

  it('replaces the previous run’s pages, which were deltas already imported', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(4)));
    const first = downloaded(await syncFeedSource(source({ resultsPerPage: 2 }), h.store, h.options()));
    await h.store.put('nvd', first.nextState);
    h.clock.time += 3_600_000;
    h.server.serve(upstreamPaths.nvdCves, nvdApi([{ id: 'CVE-2025-9999', lastModified: '2025-08-25T12:30:00.000' }]));
    const second = downloaded(await syncFeedSource(source({ resultsPerPage: 2 }), h.store, h.options()));
    expect(await h.cacheFiles()).toEqual(['nvd/cves-00000.json']);
    expect(await idsIn(second.artifacts.map((a) => a.path))).toEqual(['CVE-2025-9999']);
  });

  it('retries a page that is not an NVD response', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(1)));
    h.server.fail(upstreamPaths.nvdCves, { kind: 'status', status: 200, body: '<html>maintenance</html>' });
    const result = downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(await idsIn(result.artifacts.map((a) => a.path))).toEqual(['CVE-2025-1000']);
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({
      reason: expect.stringContaining('unusable body'),
    });
  });

  it('fails at once on a refusal, quoting NVD’s message header', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(1)));
    h.server.fail(upstreamPaths.nvdCves, { kind: 'status', status: 404, headers: { message: 'Invalid apiKey' } });
    const result = await syncFeedSource(source({ apiKey: 'bad' }), h.store, h.options());
    expect(result.status).toBe('failed');
    if (result.status !== 'failed') return;
    expect(result.error.message).toMatch(/answered HTTP 404 Not Found: Invalid apiKey$/);
    expect(h.server.requests).toHaveLength(1);
  });

  it('leaves the cache as it was when a later page fails', async () => {
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(2)));
    await h.store.put(
      'nvd',
      downloaded(await syncFeedSource(source({ resultsPerPage: 1 }), h.store, h.options())).nextState,
    );
    const before = await readFile(`${h.cacheDir}/nvd/cves-00000.json`, 'utf8');

    h.clock.time += 60_000;
    h.server.serve(upstreamPaths.nvdCves, nvdApi(cves(3, '2025-08-25T12:00:30.000')));
    let calls = 0;
    const failingSecondPage: typeof fetch = (input, init) => {
      calls++;
      return calls === 1 ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'));
    };
    const result = await syncFeedSource(
      source({ resultsPerPage: 1 }),
      h.store,
      h.options({ fetch: failingSecondPage }),
    );
    expect(result.status).toBe('failed');
    expect(await h.cacheFiles()).toEqual(['nvd/cves-00000.json', 'nvd/cves-00001.json']);
    expect(await readFile(`${h.cacheDir}/nvd/cves-00000.json`, 'utf8')).toBe(before);
  });
});

describeCorpus('NVD sync over real NVD API 2.0 records', () => {
  it('pages the corpus records and every page parses back to the same CVEs', async () => {
    const files = corpusFiles('cve-records/osv-dev-vulnfeeds-testdata/nvd-api-2.0', (n) => n.endsWith('.json'));
    expect(files).toHaveLength(23);
    const records = await Promise.all(
      files.map(async (f) => {
        const doc = JSON.parse(await readFile(f, 'utf8')) as {
          vulnerabilities: { cve: { id: string; lastModified: string } }[];
        };
        return doc.vulnerabilities[0]!.cve;
      }),
    );
    h.server.serve(upstreamPaths.nvdCves, nvdApi(records));
    const result = downloaded(await syncFeedSource(source({ resultsPerPage: 10 }), h.store, h.options()));
    expect(result.artifacts).toHaveLength(3);
    const parsedIds: string[] = [];
    for (const artifact of result.artifacts) {
      const parsed = parseNvdValue(JSON.parse(await readFile(artifact.path, 'utf8')));
      parsedIds.push(...parsed.records.map((r) => r.id));
    }
    expect(parsedIds).toEqual(records.map((r) => r.id));
  });
});
