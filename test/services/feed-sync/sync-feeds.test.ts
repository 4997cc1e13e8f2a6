import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { syncFeeds, syncFeedSource, type FeedSource } from '../../../src/services/feed-sync/index.js';
import { nvdApi, upstreamPaths } from '../../support/feed-fixture-server.js';
import { writeTestZip } from '../../support/zip-writer.js';
import { startHarness, type Harness } from './feed-sync-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function everySource(): FeedSource[] {
  const base = h.server.baseUrl;
  return [
    { kind: 'osv', baseUrl: base, ecosystems: ['PyPI'] },
    { kind: 'nvd', baseUrl: base },
    { kind: 'kev', baseUrl: base },
    { kind: 'epss', baseUrl: base },
    { kind: 'csaf', providerMetadataUrl: h.server.url('/.well-known/csaf/provider-metadata.json'), key: 'acme' },
  ];
}

async function serveEverything(): Promise<void> {
  h.server.serve(upstreamPaths.osvZip('PyPI'), {
    body: writeTestZip([
      { name: 'PYSEC-2022-48.json', data: await readFile('test/fixtures/feeds/alias/PYSEC-2022-48.json') },
    ]),
  });
  h.server.serve(upstreamPaths.nvdCves, nvdApi([{ id: 'CVE-2025-1000', lastModified: '2025-08-01T00:00:00.000' }]));
  h.server.serve(upstreamPaths.kevJson, { body: JSON.stringify({ catalogVersion: '1', vulnerabilities: [] }) });
  h.server.serve(upstreamPaths.epss, {
    body: gzipSync(await readFile('test/fixtures/feeds/epss/epss_scores-2025-08-25.csv')),
  });
  h.server.serve('/.well-known/csaf/provider-metadata.json', {
    body: JSON.stringify({ distributions: [{ directory_url: h.server.url('/.well-known/csaf/white/') }] }),
  });
  h.server.serve('/.well-known/csaf/white/changes.csv', { body: '"2025/a.json","2025-08-01T00:00:00Z"\n' });
  h.server.serve('/.well-known/csaf/white/2025/a.json', { body: '{"document":{}}' });
}

describe('syncFeeds', () => {
  it('syncs every kind of source in turn, each into its own cache folder, without writing state', async () => {
    await serveEverything();
    const results = await syncFeeds(everySource(), h.store, h.options());
    expect(results.map((r) => [r.source, r.kind, r.status])).toEqual([
      ['osv', 'osv', 'downloaded'],
      ['nvd', 'nvd', 'downloaded'],
      ['kev', 'kev', 'downloaded'],
      ['epss', 'epss', 'downloaded'],
      ['acme', 'csaf', 'downloaded'],
    ]);
    expect(results.flatMap((r) => r.artifacts.map((a) => a.kind))).toEqual([
      'osv-zip',
      'nvd-json',
      'kev-json',
      'epss-csv-gz',
      'csaf-json',
    ]);
    const port = new URL(h.server.baseUrl).port;
    expect(await h.cacheFiles()).toEqual([
      `acme/127.0.0.1_${port}/.well-known/csaf/white/2025/a.json`,
      'epss/epss_scores-current.csv.gz',
      'kev/known_exploited_vulnerabilities.json',
      'nvd/cves-00000.json',
      'osv/PyPI/all.zip',
    ]);
    expect(h.store.puts).toBe(0);
  });

  it('goes on after a failing source and reports it with its error', async () => {
    await serveEverything();
    h.server.remove(upstreamPaths.kevJson);
    const results = await syncFeeds(everySource(), h.store, h.options());
    expect(results.map((r) => r.status)).toEqual(['downloaded', 'downloaded', 'failed', 'downloaded', 'downloaded']);
    const kev = results[2]!;
    expect(kev.status === 'failed' && kev.error.code).toBe('source-unavailable');
    expect((await h.cacheFiles()).some((f) => f.startsWith('kev/'))).toBe(false);
  });

  it('refuses two sources with one key before downloading anything', async () => {
    const base = h.server.baseUrl;
    await expect(
      syncFeeds(
        [
          { kind: 'kev', baseUrl: base },
          { kind: 'kev', baseUrl: base, format: 'csv' },
        ],
        h.store,
        h.options(),
      ),
    ).rejects.toThrow(AppError);
    expect(h.server.requests).toHaveLength(0);
  });
});

describe('syncFeedSource', () => {
  it('refuses a key that cannot name a cache folder', async () => {
    const result = await syncFeedSource({ kind: 'kev', key: '../kev' }, h.store, h.options());
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.error.message).toContain('feed source key "../kev"');
  });

  it('refuses a base URL that is not http(s)', async () => {
    const result = await syncFeedSource({ kind: 'kev', baseUrl: 'file:///etc' }, h.store, h.options());
    expect(result.status === 'failed' && result.error.message).toBe('feed base URL must be http or https: file:///etc');
  });

  it('stops waiting when the caller aborts, leaving nothing behind', async () => {
    h.server.serve(upstreamPaths.kevJson, { body: '{}' });
    h.server.fail(upstreamPaths.kevJson, { kind: 'delay', ms: 3000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('interrupted')), 150);
    const started = Date.now();
    const result = await syncFeedSource(
      { kind: 'kev', baseUrl: h.server.baseUrl },
      h.store,
      h.options({ signal: controller.signal }),
    );
    expect(Date.now() - started).toBeLessThan(2500);
    expect(result.status === 'failed' && result.error.message).toBe(
      `GET ${h.server.url(upstreamPaths.kevJson)}: sync aborted`,
    );
    expect(await h.cacheFiles()).toEqual([]);
  });
});
