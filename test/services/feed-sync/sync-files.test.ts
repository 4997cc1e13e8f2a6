import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFeedSource, type FeedSyncResult } from '../../../src/services/feed-sync/index.js';
import { readZipEntries } from '../../../src/services/zip-entries.js';
import { upstreamPaths } from '../../support/feed-fixture-server.js';
import { writeTestZip } from '../../support/zip-writer.js';
import { startHarness, type Harness } from './feed-sync-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const kevJson = JSON.stringify({
  title: 'CISA Catalog of Known Exploited Vulnerabilities',
  catalogVersion: '2025.08.25',
  dateReleased: '2025-08-25T17:02:42.1307Z',
  count: 1,
  vulnerabilities: [{ cveID: 'CVE-2023-0464', vendorProject: 'OpenSSL', product: 'OpenSSL', dateAdded: '2025-08-25' }],
});

/** An EPSS file big enough to be cut in pieces: FIRST's layout, made-up scores. */
function epssGz(seed: number, lines = 4000): Buffer {
  let x = seed;
  const rows = ['#model_version:v2025.03.14,score_date:2025-08-25T12:55:00Z', 'cve,epss,percentile'];
  for (let i = 0; i < lines; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    rows.push(`CVE-2024-${10000 + i},${(x % 100000) / 100000},${(x % 99991) / 99991}`);
  }
  return gzipSync(rows.join('\n'));
}

function kevSource(): { kind: 'kev'; baseUrl: string } {
  return { kind: 'kev', baseUrl: h.server.baseUrl };
}

function epssSource(): { kind: 'epss'; baseUrl: string } {
  return { kind: 'epss', baseUrl: h.server.baseUrl };
}

function expectDownloaded(result: FeedSyncResult): Extract<FeedSyncResult, { status: 'downloaded' }> {
  if (result.status !== 'downloaded') {
    throw new Error(
      `expected downloaded, got ${result.status}${result.status === 'failed' ? `: ${result.error.message}` : ''}`,
    );
  }
  return result;
}

function expectFailed(result: FeedSyncResult): Extract<FeedSyncResult, { status: 'failed' }> {
  if (result.status !== 'failed') throw new Error(`expected failed, got ${result.status}`);
  return result;
}

describe('KEV and EPSS: full sync and conditional requests', () => {
  it('downloads the KEV catalog into the cache and returns its validators as the next state', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson, contentType: 'application/json', etag: '"kev-1"' });
    const result = expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    const path = join(h.cacheDir, 'kev', 'known_exploited_vulnerabilities.json');
    expect(result.source).toBe('kev');
    expect(result.artifacts).toEqual([
      { path, kind: 'kev-json', url: h.server.url(upstreamPaths.kevJson), sha256: sha256(kevJson) },
    ]);
    expect(await readFile(path, 'utf8')).toBe(kevJson);
    expect(result.nextState.resources).toEqual({
      [h.server.url(upstreamPaths.kevJson)]: { etag: '"kev-1"', lastModified: 'Mon, 25 Aug 2025 12:00:00 GMT' },
    });
    expect(result.nextState.lastSuccessAt).toBe('2025-08-25T12:00:00.000Z');
    expect(await h.cacheFiles()).toEqual(['kev/known_exploited_vulnerabilities.json']);
    expect(h.store.puts).toBe(0);
  });

  it('sends If-None-Match and If-Modified-Since from the stored state; 304 means unchanged', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson, etag: '"kev-1"' });
    const first = expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    await h.store.put('kev', first.nextState);

    const second = await syncFeedSource(kevSource(), h.store, h.options());
    expect(second.status).toBe('unchanged');
    expect(second.artifacts).toEqual([]);
    const request = h.server.requestsTo(upstreamPaths.kevJson)[1]!;
    expect(request.headers['if-none-match']).toBe('"kev-1"');
    expect(request.headers['if-modified-since']).toBe('Mon, 25 Aug 2025 12:00:00 GMT');
    if (second.status !== 'unchanged') return;
    expect(second.nextState.resources).toEqual(first.nextState.resources);
    expect(await h.cacheFiles()).toEqual(['kev/known_exploited_vulnerabilities.json']);
  });

  it('uses If-Modified-Since alone when the server sends no ETag', async () => {
    h.server.serve(upstreamPaths.kevCsv, { body: 'cveID,vendorProject\nCVE-2023-0464,OpenSSL\n', etag: null });
    const first = expectDownloaded(await syncFeedSource({ ...kevSource(), format: 'csv' }, h.store, h.options()));
    expect(first.artifacts[0]!.kind).toBe('kev-csv');
    await h.store.put('kev', first.nextState);
    const second = await syncFeedSource({ ...kevSource(), format: 'csv' }, h.store, h.options());
    expect(second.status).toBe('unchanged');
    const request = h.server.requestsTo(upstreamPaths.kevCsv)[1]!;
    expect(request.headers['if-none-match']).toBeUndefined();
    expect(request.headers['if-modified-since']).toBe('Mon, 25 Aug 2025 12:00:00 GMT');
  });

  it('downloads again when the file changed, replacing the cached copy', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    await h.store.put('kev', expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options())).nextState);
    const changed = kevJson.replace('2025.08.25', '2025.08.26');
    h.server.serve(upstreamPaths.kevJson, { body: changed, lastModified: 'Tue, 26 Aug 2025 12:00:00 GMT' });
    const result = expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(await readFile(result.artifacts[0]!.path, 'utf8')).toBe(changed);
    expect(result.nextState.resources?.[h.server.url(upstreamPaths.kevJson)]?.lastModified).toBe(
      'Tue, 26 Aug 2025 12:00:00 GMT',
    );
  });
});

describe('retries', () => {
  it('honours Retry-After seconds on 429, then backs off exponentially on 503', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(
      upstreamPaths.kevJson,
      { kind: 'status', status: 429, retryAfter: '7' },
      { kind: 'status', status: 503 },
      { kind: 'status', status: 503 },
    );
    const result = expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(await readFile(result.artifacts[0]!.path, 'utf8')).toBe(kevJson);
    expect(h.server.requestsTo(upstreamPaths.kevJson)).toHaveLength(4);
    // Retry-After 7 s exactly; then base 100 ms doubled per attempt, half jittered (random = 0.5).
    expect(h.clock.sleeps).toEqual([7000, 150, 300]);
    expect(h.events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.reason : ''))).toEqual([
      'HTTP 429 Too Many Requests',
      'HTTP 503 Service Unavailable',
      'HTTP 503 Service Unavailable',
    ]);
  });

  it('honours a Retry-After HTTP date against the injected clock', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(upstreamPaths.kevJson, { kind: 'status', status: 429, retryAfter: 'Mon, 25 Aug 2025 12:01:30 GMT' });
    expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(h.clock.sleeps).toEqual([90_000]);
  });

  it('gives up when Retry-After is longer than the sync is willing to wait', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(upstreamPaths.kevJson, { kind: 'status', status: 429, retryAfter: '3600' });
    const result = expectFailed(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(result.error.code).toBe('source-unavailable');
    expect(result.error.message).toContain('retry after 3600 s');
    expect(h.clock.sleeps).toEqual([]);
  });

  it('fails at once on a 404, naming the URL and the status', async () => {
    const result = expectFailed(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(result.error.code).toBe('source-unavailable');
    expect(result.error.message).toBe(`GET ${h.server.url(upstreamPaths.kevJson)} answered HTTP 404 Not Found`);
    expect(h.server.requests).toHaveLength(1);
  });

  it('retries a 408 but not a 403', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(upstreamPaths.kevJson, { kind: 'status', status: 408 });
    expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    h.server.fail(upstreamPaths.kevJson, { kind: 'status', status: 403 });
    const result = expectFailed(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(result.error.message).toContain('HTTP 403');
    expect(h.server.requests).toHaveLength(3);
  });

  it('stops after the configured number of attempts with the last reason', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(
      upstreamPaths.kevJson,
      ...Array.from({ length: 4 }, () => ({ kind: 'status' as const, status: 500 })),
    );
    const result = expectFailed(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(result.error.message).toBe(
      `GET ${h.server.url(upstreamPaths.kevJson)} failed after 4 attempts: HTTP 500 Internal Server Error`,
    );
    expect(h.server.requests).toHaveLength(4);
    expect(await h.cacheFiles()).toEqual([]);
  });

  it('retries a dropped connection', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(upstreamPaths.kevJson, { kind: 'reset' });
    expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options()));
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({ reason: expect.stringMatching(/^network error/) });
  });

  it('retries a server that does not answer within the response timeout', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    h.server.fail(upstreamPaths.kevJson, { kind: 'delay', ms: 1500 });
    const result = expectDownloaded(
      await syncFeedSource(kevSource(), h.store, h.options({ timeouts: { responseMs: 250, idleMs: 5000 } })),
    );
    expect(await readFile(result.artifacts[0]!.path, 'utf8')).toBe(kevJson);
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({ reason: 'no response within 250 ms' });
  });
});

describe('truncated bodies and resumption', () => {
  it('detects a body cut short of its Content-Length and resumes it with Range and If-Range', async () => {
    const body = epssGz(1);
    expect(body.length).toBeGreaterThan(20_000);
    h.server.serve(upstreamPaths.epss, { body, contentType: 'application/gzip', etag: '"epss-1"' });
    h.server.fail(upstreamPaths.epss, { kind: 'truncate', afterBytes: 5000 });
    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));

    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), body)).toBe(0);
    expect(result.artifacts[0]).toMatchObject({ kind: 'epss-csv-gz', sha256: sha256(body) });
    const [first, second] = h.server.requestsTo(upstreamPaths.epss);
    expect(first!.headers.range).toBeUndefined();
    expect(second!.headers.range).toBe('bytes=5000-');
    expect(second!.headers['if-range']).toBe('"epss-1"');
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({
      reason: expect.stringMatching(/cut off after 5000 of \d+ bytes|ended after 5000 of/),
    });
    expect(await h.cacheFiles()).toEqual(['epss/epss_scores-current.csv.gz']);
  });

  it('checks Content-Length itself, whatever the fetch implementation lets through', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: kevJson });
    let calls = 0;
    const shortOnce: typeof fetch = (input, init) => {
      calls++;
      if (calls > 1) return fetch(input, init);
      const headers = { 'content-length': String(kevJson.length), 'content-type': 'application/json' };
      return Promise.resolve(new Response(kevJson.slice(0, 10), { status: 200, headers }));
    };
    const result = expectDownloaded(await syncFeedSource(kevSource(), h.store, h.options({ fetch: shortOnce })));
    expect(await readFile(result.artifacts[0]!.path, 'utf8')).toBe(kevJson);
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({
      reason: `body ended after 10 of ${kevJson.length} bytes`,
    });
  });

  it('starts over when the server does not advertise byte ranges', async () => {
    const body = epssGz(2);
    h.server.serve(upstreamPaths.epss, { body, acceptRanges: false });
    h.server.fail(upstreamPaths.epss, { kind: 'truncate', afterBytes: 3000 });
    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), body)).toBe(0);
    expect(h.server.requestsTo(upstreamPaths.epss).map((r) => r.headers.range)).toEqual([undefined, undefined]);
  });

  it('keeps a resumable partial download across a failed run and resumes it next run', async () => {
    const body = epssGz(3);
    h.server.serve(upstreamPaths.epss, { body, etag: '"epss-3"' });
    h.server.fail(
      upstreamPaths.epss,
      ...Array.from({ length: 4 }, () => ({ kind: 'truncate' as const, afterBytes: 2000 })),
    );
    const failed = expectFailed(await syncFeedSource(epssSource(), h.store, h.options()));
    expect(failed.error.code).toBe('source-unavailable');
    expect(failed.error.message).toContain('failed after 4 attempts');
    // Each attempt resumed where the last one broke off.
    expect(h.server.requestsTo(upstreamPaths.epss).map((r) => r.headers.range)).toEqual([
      undefined,
      'bytes=2000-',
      'bytes=4000-',
      'bytes=6000-',
    ]);
    // No artifact, only the resumable partial file and its note.
    const files = await h.cacheFiles();
    expect(files).toHaveLength(2);
    expect(files.every((f) => f.startsWith('.partial/'))).toBe(true);

    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));
    expect(h.server.requestsTo(upstreamPaths.epss)[4]!.headers.range).toBe('bytes=8000-');
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), body)).toBe(0);
    expect(await h.cacheFiles()).toEqual(['epss/epss_scores-current.csv.gz']);
  });

  it('keeps the resumable partial file through a run in which the server cannot be reached', async () => {
    const body = epssGz(7);
    h.server.serve(upstreamPaths.epss, { body, etag: '"epss-7"' });
    h.server.fail(
      upstreamPaths.epss,
      ...Array.from({ length: 4 }, () => ({ kind: 'truncate' as const, afterBytes: 1500 })),
    );
    expectFailed(await syncFeedSource(epssSource(), h.store, h.options()));
    h.server.fail(upstreamPaths.epss, ...Array.from({ length: 4 }, () => ({ kind: 'reset' as const })));
    expectFailed(await syncFeedSource(epssSource(), h.store, h.options()));
    expect((await h.cacheFiles()).filter((f) => f.startsWith('.partial/'))).toHaveLength(2);
    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));
    expect(h.server.requestsTo(upstreamPaths.epss).at(-1)!.headers.range).toBe('bytes=6000-');
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), body)).toBe(0);
  });

  it('starts over when the server cannot satisfy the resumed range (416)', async () => {
    const body = epssGz(8);
    h.server.serve(upstreamPaths.epss, { body, etag: '"same"' });
    h.server.fail(
      upstreamPaths.epss,
      ...Array.from({ length: 4 }, () => ({ kind: 'truncate' as const, afterBytes: 2000 })),
    );
    expectFailed(await syncFeedSource(epssSource(), h.store, h.options()));
    // A server that reuses the ETag for a shorter file: the range now starts past its end.
    const shorter = body.subarray(0, 5000);
    h.server.serve(upstreamPaths.epss, { body: shorter, etag: '"same"' });
    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));
    const last = h.server.requestsTo(upstreamPaths.epss).slice(-2);
    expect(last.map((r) => r.headers.range)).toEqual(['bytes=8000-', undefined]);
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), shorter)).toBe(0);
  });

  it('downloads the whole new file when the partial one is of an older version (If-Range fails)', async () => {
    const old = epssGz(4);
    h.server.serve(upstreamPaths.epss, { body: old, etag: '"old"' });
    h.server.fail(
      upstreamPaths.epss,
      ...Array.from({ length: 4 }, () => ({ kind: 'truncate' as const, afterBytes: 1000 })),
    );
    expectFailed(await syncFeedSource(epssSource(), h.store, h.options()));
    const fresh = epssGz(5);
    h.server.serve(upstreamPaths.epss, { body: fresh, etag: '"new"' });
    const result = expectDownloaded(await syncFeedSource(epssSource(), h.store, h.options()));
    const last = h.server.requestsTo(upstreamPaths.epss).at(-1)!;
    expect(last.headers['if-range']).toBe('"old"');
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), fresh)).toBe(0);
  });

  it('retries a body that stalls longer than the idle timeout', async () => {
    const body = epssGz(6);
    h.server.serve(upstreamPaths.epss, { body });
    h.server.fail(upstreamPaths.epss, { kind: 'stall', afterBytes: 4000, ms: 1500 });
    const result = expectDownloaded(
      await syncFeedSource(epssSource(), h.store, h.options({ timeouts: { responseMs: 5000, idleMs: 250 } })),
    );
    expect(Buffer.compare(await readFile(result.artifacts[0]!.path), body)).toBe(0);
    expect(h.events.find((e) => e.type === 'retry')).toMatchObject({ reason: expect.stringContaining('stalled') });
  });
});

describe('OSV ecosystem exports', () => {
  const alpineIds = ['HAND-ALPINE-BUSYBOX', 'HAND-ALPINE-CVE-2023-0464', 'HAND-ALPINE-ZLIB'];

  async function alpineZip(): Promise<Buffer> {
    const entries = await Promise.all(
      alpineIds.map(async (id) => ({
        name: `${id}.json`,
        data: await readFile(`test/fixtures/feeds/alpine/${id}.json`),
      })),
    );
    return writeTestZip(entries);
  }

  it('downloads one all.zip per ecosystem whose entries read back as the served records', async () => {
    const alpine = await alpineZip();
    const pypi = writeTestZip([
      { name: 'PYSEC-2022-48.json', data: await readFile('test/fixtures/feeds/alias/PYSEC-2022-48.json') },
    ]);
    h.server.serve(upstreamPaths.osvZip('Alpine:v3.17'), { body: alpine, contentType: 'application/zip' });
    h.server.serve(upstreamPaths.osvZip('PyPI'), { body: pypi, contentType: 'application/zip' });
    const source = { kind: 'osv' as const, baseUrl: h.server.baseUrl, ecosystems: ['Alpine:v3.17', 'PyPI'] };
    const result = expectDownloaded(await syncFeedSource(source, h.store, h.options()));

    expect(h.server.requests.map((r) => r.path)).toEqual(['/Alpine:v3.17/all.zip', '/PyPI/all.zip']);
    expect(result.artifacts.map((a) => [a.kind, a.ecosystem, a.url])).toEqual([
      ['osv-zip', 'Alpine:v3.17', `${h.server.baseUrl}/Alpine:v3.17/all.zip`],
      ['osv-zip', 'PyPI', `${h.server.baseUrl}/PyPI/all.zip`],
    ]);
    const names: string[] = [];
    for await (const entry of readZipEntries(result.artifacts[0]!.path)) {
      names.push(entry.name);
      const original = await readFile(`test/fixtures/feeds/alpine/${entry.name}`);
      expect(Buffer.compare(Buffer.from(entry.bytes), original)).toBe(0);
    }
    expect(names).toEqual(alpineIds.map((id) => `${id}.json`));
    expect(await h.cacheFiles()).toEqual(['osv/Alpine%3Av3.17/all.zip', 'osv/PyPI/all.zip']);
  });

  it('returns only the ecosystems that changed, and keeps every validator in the next state', async () => {
    h.server.serve(upstreamPaths.osvZip('PyPI'), { body: writeTestZip([{ name: 'A.json', data: '{}' }]) });
    h.server.serve(upstreamPaths.osvZip('Go'), { body: writeTestZip([{ name: 'B.json', data: '{}' }]) });
    const source = { kind: 'osv' as const, baseUrl: h.server.baseUrl, ecosystems: ['PyPI', 'Go'] };
    await h.store.put('osv', expectDownloaded(await syncFeedSource(source, h.store, h.options())).nextState);

    h.server.serve(upstreamPaths.osvZip('Go'), { body: writeTestZip([{ name: 'B2.json', data: '{}' }]) });
    const result = expectDownloaded(await syncFeedSource(source, h.store, h.options()));
    expect(result.artifacts.map((a) => a.ecosystem)).toEqual(['Go']);
    expect(Object.keys(result.nextState.resources ?? {}).sort()).toEqual([
      `${h.server.baseUrl}/Go/all.zip`,
      `${h.server.baseUrl}/PyPI/all.zip`,
    ]);
  });

  it('checks the bucket x-goog-hash MD5 and refuses a zip that does not match', async () => {
    const zip = writeTestZip([{ name: 'A.json', data: '{"id":"A"}' }]);
    const md5 = createHash('md5').update(zip).digest('base64');
    const source = { kind: 'osv' as const, baseUrl: h.server.baseUrl, ecosystems: ['npm'] };
    h.server.serve(upstreamPaths.osvZip('npm'), {
      body: zip,
      headers: { 'x-goog-hash': `crc32c=AAAAAA==, md5=${md5}` },
    });
    expectDownloaded(await syncFeedSource(source, h.store, h.options()));

    const wrong = createHash('md5').update('something else').digest('base64');
    h.server.serve(upstreamPaths.osvZip('npm'), {
      body: zip,
      headers: { 'x-goog-hash': `crc32c=AAAAAA==, md5=${wrong}` },
    });
    const result = expectFailed(await syncFeedSource({ ...source, key: 'osv-2' }, h.store, h.options()));
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain('md5 mismatch: the x-goog-hash header says');
    expect(await h.cacheFiles()).toEqual(['osv/npm/all.zip']);
  });

  it('places nothing when one ecosystem fails, and leaves the previous run’s files as they were', async () => {
    const first = writeTestZip([{ name: 'A.json', data: '{"v":1}' }]);
    h.server.serve(upstreamPaths.osvZip('PyPI'), { body: first });
    const one = { kind: 'osv' as const, baseUrl: h.server.baseUrl, ecosystems: ['PyPI'] };
    const earlier = expectDownloaded(await syncFeedSource(one, h.store, h.options()));

    h.server.serve(upstreamPaths.osvZip('PyPI'), { body: writeTestZip([{ name: 'A.json', data: '{"v":2}' }]) });
    const both = { ...one, ecosystems: ['PyPI', 'Maven'] }; // Maven is not served: 404
    const result = expectFailed(await syncFeedSource(both, h.store, h.options()));
    expect(result.error.message).toContain(`${h.server.baseUrl}/Maven/all.zip answered HTTP 404`);
    expect(await h.cacheFiles()).toEqual(['osv/PyPI/all.zip']);
    expect(Buffer.compare(await readFile(earlier.artifacts[0]!.path), first)).toBe(0);
  });

  it('refuses an empty ecosystem list and a name that would change the URL path', async () => {
    const none = expectFailed(await syncFeedSource({ kind: 'osv', ecosystems: [] }, h.store, h.options()));
    expect(none.error.code).toBe('invalid-input');
    const slash = expectFailed(
      await syncFeedSource({ kind: 'osv', baseUrl: h.server.baseUrl, ecosystems: ['../x'] }, h.store, h.options()),
    );
    expect(slash.error.message).toContain('"../x" is not an OSV ecosystem name');
    expect(h.server.requests).toHaveLength(0);
    expect(await h.cacheFiles()).toEqual([]);
  });
});
