import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncFeedSource, type CsafFeedSource, type FeedSyncResult } from '../../../src/services/feed-sync/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../../support/corpus.js';
import { startHarness, type Harness } from './feed-sync-harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const metadataPath = '/.well-known/csaf/provider-metadata.json';
const whiteFeedPath = '/.well-known/csaf/white/acme-feed-tlp-white.json';
const amberFeedPath = '/.well-known/csaf/amber/acme-feed-tlp-amber.json';

const sha = (algorithm: string, text: string | Buffer): string => createHash(algorithm).update(text).digest('hex');

/** A stand-in advisory: only its bytes matter to the download. */
function advisory(id: string, revision = 1): string {
  return JSON.stringify({
    document: { category: 'csaf_security_advisory', csaf_version: '2.0', tracking: { id, version: String(revision) } },
  });
}

function source(extra: Partial<CsafFeedSource> = {}): CsafFeedSource {
  return { kind: 'csaf', providerMetadataUrl: h.server.url(metadataPath), ...extra };
}

function rolieMetadata(): string {
  return JSON.stringify({
    canonical_url: h.server.url(metadataPath),
    role: 'csaf_trusted_provider',
    distributions: [
      {
        rolie: {
          feeds: [
            { summary: 'WHITE advisories', tlp_label: 'WHITE', url: h.server.url(whiteFeedPath) },
            { summary: 'AMBER advisories', tlp_label: 'AMBER', url: h.server.url(amberFeedPath) },
          ],
        },
      },
    ],
  });
}

interface Doc {
  readonly id: string;
  readonly updated: string;
  readonly body: string;
}

/** Serves a ROLIE feed listing `docs` (self link + rel=hash .sha256 link), and each document with its checksum. */
function serveRolie(docs: readonly Doc[], options: { hashLinks?: boolean } = {}): void {
  h.server.serve(metadataPath, { body: rolieMetadata(), contentType: 'application/json' });
  const entries = docs.map((doc) => {
    const path = `/.well-known/csaf/white/2025/${doc.id}.json`;
    h.server.serve(path, { body: doc.body, contentType: 'application/json' });
    h.server.serve(`${path}.sha256`, { body: `${sha('sha256', doc.body)}  ${doc.id}.json\n` });
    return {
      id: doc.id.toUpperCase(),
      title: doc.id,
      updated: doc.updated,
      link: [
        { rel: 'self', href: h.server.url(path) },
        ...(options.hashLinks === false ? [] : [{ rel: 'hash', href: h.server.url(`${path}.sha256`) }]),
      ],
      format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
      content: { type: 'application/json', src: h.server.url(path) },
    };
  });
  h.server.serve(whiteFeedPath, {
    contentType: 'application/json',
    body: JSON.stringify({ feed: { id: 'acme-white', title: 'ACME WHITE', entry: entries } }),
  });
}

function downloaded(result: FeedSyncResult): Extract<FeedSyncResult, { status: 'downloaded' }> {
  if (result.status !== 'downloaded') {
    throw new Error(
      `expected downloaded, got ${result.status}${result.status === 'failed' ? `: ${result.error.message}` : ''}`,
    );
  }
  return result;
}

function failed(result: FeedSyncResult): Extract<FeedSyncResult, { status: 'failed' }> {
  if (result.status !== 'failed') throw new Error(`expected failed, got ${result.status}`);
  return result;
}

const docA: Doc = { id: 'acme-2025-001', updated: '2025-07-01T10:00:00Z', body: advisory('ACME-2025-001') };
const docB: Doc = { id: 'acme-2025-002', updated: '2025-08-01T10:00:00Z', body: advisory('ACME-2025-002') };

describe('CSAF provider via ROLIE', () => {
  it('reads provider-metadata, the WHITE feed only, and downloads every advisory checking its .sha256', async () => {
    serveRolie([docA, docB]);
    const result = downloaded(await syncFeedSource(source(), h.store, h.options()));

    expect(result.source).toBe(`csaf-127.0.0.1_${new URL(h.server.baseUrl).port}`);
    expect(h.server.requestsTo(amberFeedPath)).toHaveLength(0);
    expect(result.artifacts.map((a) => [a.kind, a.url, a.sha256])).toEqual([
      ['csaf-json', h.server.url('/.well-known/csaf/white/2025/acme-2025-001.json'), sha('sha256', docA.body)],
      ['csaf-json', h.server.url('/.well-known/csaf/white/2025/acme-2025-002.json'), sha('sha256', docB.body)],
    ]);
    expect(await readFile(result.artifacts[1]!.path, 'utf8')).toBe(docB.body);
    expect(h.server.requestsTo('/.well-known/csaf/white/2025/acme-2025-001.json.sha256')).toHaveLength(1);
    const port = new URL(h.server.baseUrl).port;
    expect(await h.cacheFiles()).toEqual([
      `${result.source}/127.0.0.1_${port}/.well-known/csaf/white/2025/acme-2025-001.json`,
      `${result.source}/127.0.0.1_${port}/.well-known/csaf/white/2025/acme-2025-002.json`,
    ]);
    expect(result.nextState.resources?.[h.server.url(whiteFeedPath)]).toMatchObject({
      cursor: '2025-08-01T10:00:00.000Z',
      etag: expect.stringMatching(/^"/),
    });
  });

  it('answers unchanged when the feed is not modified, without touching any advisory', async () => {
    serveRolie([docA, docB]);
    const first = downloaded(await syncFeedSource(source(), h.store, h.options()));
    await h.store.put(first.source, first.nextState);
    const before = h.server.requests.length;

    const second = await syncFeedSource(source(), h.store, h.options());
    expect(second.status).toBe('unchanged');
    const after = h.server.requests.slice(before).map((r) => r.path);
    expect(after).toEqual([metadataPath, whiteFeedPath]);
    expect(h.server.requestsTo(whiteFeedPath).at(-1)!.headers['if-none-match']).toBe(
      first.nextState.resources?.[h.server.url(whiteFeedPath)]?.etag,
    );
  });

  it('downloads only advisories updated after the feed’s cursor', async () => {
    serveRolie([docA, docB]);
    const first = downloaded(await syncFeedSource(source(), h.store, h.options()));
    await h.store.put(first.source, first.nextState);

    const docB2: Doc = { ...docB, updated: '2025-08-20T09:00:00Z', body: advisory('ACME-2025-002', 2) };
    const docC: Doc = { id: 'acme-2025-003', updated: '2025-08-21T09:00:00Z', body: advisory('ACME-2025-003') };
    serveRolie([docA, docB2, docC]);
    const second = downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(second.artifacts.map((a) => basename(a.path))).toEqual(['acme-2025-002.json', 'acme-2025-003.json']);
    expect(await readFile(second.artifacts[0]!.path, 'utf8')).toBe(docB2.body);
    expect(h.server.requestsTo('/.well-known/csaf/white/2025/acme-2025-001.json')).toHaveLength(1);
    expect(second.nextState.resources?.[h.server.url(whiteFeedPath)]?.cursor).toBe('2025-08-21T09:00:00.000Z');
  });

  it('refuses an advisory whose .sha256 does not match, leaving nothing in the cache', async () => {
    serveRolie([docA, docB]);
    h.server.serve('/.well-known/csaf/white/2025/acme-2025-002.json.sha256', {
      body: `${sha('sha256', 'tampered')}  acme-2025-002.json`,
    });
    const result = failed(await syncFeedSource(source({ concurrency: 1 }), h.store, h.options()));
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toBe(
      `GET ${h.server.url('/.well-known/csaf/white/2025/acme-2025-002.json')}: sha256 mismatch: ` +
        `${h.server.url('/.well-known/csaf/white/2025/acme-2025-002.json.sha256')} says ${sha('sha256', 'tampered')}, ` +
        `the downloaded file has ${sha('sha256', docB.body)}`,
    );
    expect(await h.cacheFiles()).toEqual([]);
  });

  it('without hash links tries <doc>.sha256 then <doc>.sha512, and may do without when allowed', async () => {
    serveRolie([docA], { hashLinks: false });
    h.server.remove('/.well-known/csaf/white/2025/acme-2025-001.json.sha256');
    h.server.serve('/.well-known/csaf/white/2025/acme-2025-001.json.sha512', { body: sha('sha512', docA.body) });
    downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(h.server.requests.map((r) => r.path).filter((p) => p.includes('.sha'))).toEqual([
      '/.well-known/csaf/white/2025/acme-2025-001.json.sha256',
      '/.well-known/csaf/white/2025/acme-2025-001.json.sha512',
    ]);

    h.server.remove('/.well-known/csaf/white/2025/acme-2025-001.json.sha512');
    downloaded(await syncFeedSource(source(), h.store, h.options()));
    const required = failed(await syncFeedSource(source({ checksums: 'require' }), h.store, h.options()));
    expect(required.error.message).toContain('publishes no .sha256 or .sha512');
    const before = h.server.requests.length;
    downloaded(await syncFeedSource(source({ checksums: 'skip' }), h.store, h.options()));
    expect(h.server.requests.slice(before).some((r) => r.path.includes('.sha'))).toBe(false);
  });

  it('fails when no feed carries an accepted TLP label', async () => {
    serveRolie([docA]);
    const result = failed(await syncFeedSource(source({ tlpLabels: ['GREEN'] }), h.store, h.options()));
    expect(result.error.message).toContain('lists no ROLIE feed with an accepted TLP label');
  });

  it('reads AMBER too when asked (and a missing feed fails the source)', async () => {
    serveRolie([docA]);
    const result = failed(await syncFeedSource(source({ tlpLabels: ['WHITE', 'AMBER'] }), h.store, h.options()));
    expect(result.error.message).toContain(`${h.server.url(amberFeedPath)} answered HTTP 404`);
    expect(await h.cacheFiles()).toEqual([]);
  });
});

describe('CSAF provider via directory', () => {
  const dirPath = '/.well-known/csaf/white';

  function serveDirectory(docs: readonly Doc[], listing: 'changes' | 'index'): void {
    h.server.serve(metadataPath, {
      body: JSON.stringify({ distributions: [{ directory_url: h.server.url(`${dirPath}/`) }] }),
    });
    for (const doc of docs) {
      const path = `${dirPath}/2025/${doc.id}.json`;
      h.server.serve(path, { body: doc.body });
      h.server.serve(`${path}.sha256`, { body: sha('sha256', doc.body) });
    }
    if (listing === 'changes') {
      h.server.serve(`${dirPath}/changes.csv`, {
        body: docs.map((d) => `"2025/${d.id}.json","${d.updated}"`).join('\n'),
        contentType: 'text/csv',
      });
    } else {
      h.server.serve(`${dirPath}/index.txt`, { body: docs.map((d) => `2025/${d.id}.json`).join('\n') });
    }
  }

  it('reads changes.csv, resolving its paths against directory_url, and keeps its timestamp cursor', async () => {
    serveDirectory([docB, docA], 'changes');
    const result = downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(result.artifacts.map((a) => a.url)).toEqual([
      h.server.url(`${dirPath}/2025/acme-2025-002.json`),
      h.server.url(`${dirPath}/2025/acme-2025-001.json`),
    ]);
    expect(result.nextState.resources?.[h.server.url(`${dirPath}/changes.csv`)]?.cursor).toBe(
      '2025-08-01T10:00:00.000Z',
    );
    await h.store.put(result.source, result.nextState);

    const docC: Doc = { id: 'acme-2025-003', updated: '2025-08-22T00:00:00Z', body: advisory('ACME-2025-003') };
    serveDirectory([docC, docB, docA], 'changes');
    const second = downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(second.artifacts.map((a) => basename(a.path))).toEqual(['acme-2025-003.json']);
    expect(h.server.requestsTo(`${dirPath}/index.txt`)).toHaveLength(0);
  });

  it('falls back to index.txt when there is no changes.csv', async () => {
    serveDirectory([docA, docB], 'index');
    const result = downloaded(await syncFeedSource(source(), h.store, h.options()));
    expect(result.artifacts.map((a) => basename(a.path))).toEqual(['acme-2025-001.json', 'acme-2025-002.json']);
    await h.store.put(result.source, result.nextState);
    const second = await syncFeedSource(source(), h.store, h.options());
    expect(second.status).toBe('unchanged');
    expect(h.server.requestsTo(`${dirPath}/index.txt`).at(-1)!.headers['if-none-match']).toBeDefined();
  });

  it('refuses a changes.csv line that is not "path","timestamp"', async () => {
    serveDirectory([docA], 'changes');
    h.server.serve(`${dirPath}/changes.csv`, { body: '"2025/acme-2025-001.json","2025-07-01T10:00:00Z"\nnonsense\n' });
    const result = failed(await syncFeedSource(source(), h.store, h.options()));
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.message).toContain(`${h.server.url(`${dirPath}/changes.csv`)}, line 2`);
  });
});

describeCorpus('CSAF sync over CISA’s real IT feed', () => {
  const upstream = 'https://raw.githubusercontent.com/cisagov/CSAF/develop/';

  async function serveCisa(): Promise<string[]> {
    const docs = corpusFiles('cisa-csaf/csaf_files/IT/white/2024', (n) => n.endsWith('.json'));
    for (const file of [...docs, ...docs.map((d) => `${d}.sha512`)]) {
      h.server.serve(`/csaf_files/IT/white/2024/${basename(file)}`, { body: await readFile(file) });
    }
    return docs;
  }

  it('follows the real ROLIE feed (links `ref: hash` to .sha512) and verifies every advisory', async () => {
    const docs = await serveCisa();
    const feed = await readFile(corpusPath('cisa-csaf/csaf_files/IT/white/cisa-csaf-it-feed-tlp-white.json'), 'utf8');
    h.server.serve('/cisa-csaf-it-feed-tlp-white.json', { body: feed.replaceAll(upstream, `${h.server.baseUrl}/`) });
    h.server.serve(metadataPath, {
      body: JSON.stringify({
        distributions: [
          { rolie: { feeds: [{ tlp_label: 'WHITE', url: h.server.url('/cisa-csaf-it-feed-tlp-white.json') }] } },
        ],
      }),
    });
    const result = downloaded(await syncFeedSource(source({ key: 'cisa' }), h.store, h.options()));
    expect(result.artifacts.map((a) => basename(a.path)).sort()).toEqual(docs.map((d) => basename(d)).sort());
    for (const artifact of result.artifacts) {
      const original = await readFile(corpusPath('cisa-csaf/csaf_files/IT/white/2024', basename(artifact.path)));
      expect(artifact.sha256).toBe(sha('sha256', original));
    }
    expect(h.server.requests.filter((r) => r.path.endsWith('.sha512'))).toHaveLength(docs.length);
    expect(h.server.requests.filter((r) => r.path.endsWith('.sha256'))).toHaveLength(0);

    const tampered = Buffer.from(await readFile(docs[0]!));
    tampered[tampered.length - 2] = tampered[tampered.length - 2] === 0x20 ? 0x0a : 0x20;
    h.server.serve(`/csaf_files/IT/white/2024/${basename(docs[0]!)}`, { body: tampered });
    const refused = failed(await syncFeedSource(source({ key: 'cisa-2' }), h.store, h.options()));
    expect(refused.error.message).toContain('sha512 mismatch');
    expect((await h.cacheFiles()).some((f) => f.startsWith('cisa-2/'))).toBe(false);
  });

  it('reads CISA’s real changes.csv against a directory_url', async () => {
    const docs = await serveCisa();
    h.server.serve('/changes.csv', {
      body: await readFile(corpusPath('cisa-csaf/csaf_files/IT/white/changes.csv')),
    });
    h.server.serve(metadataPath, {
      body: JSON.stringify({ distributions: [{ directory_url: h.server.url('/') }] }),
    });
    const result = downloaded(await syncFeedSource(source({ key: 'cisa' }), h.store, h.options()));
    expect(result.artifacts).toHaveLength(docs.length);
    expect(result.nextState.resources?.[h.server.url('/changes.csv')]?.cursor).toBe('2024-10-03T16:03:00.000Z');
  });
});
