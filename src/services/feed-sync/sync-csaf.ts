import { AppError } from '../../core/app-error.js';
import {
  directoryBase,
  readChangesCsv,
  readChecksumFile,
  readIndexTxt,
  readProviderMetadata,
  readRolieFeed,
  type CsafDocumentRef,
  type CsafListing,
} from './csaf-provider.js';
import { downloadFile, type ExpectedDigest } from './download-file.js';
import { fetchDocument } from './fetch-document.js';
import { parseHttpUrl, type CsafFeedSource } from './feed-source.js';
import type { HttpContext } from './feed-sync-options.js';
import type { SourceOutcome, SourceRun, StagedArtifact } from './source-run.js';
import type { ResourceState } from './sync-state.js';

/**
 * A CSAF provider: provider-metadata.json → its ROLIE feeds (or directories with changes.csv,
 * else index.txt) → the advisories changed since the listing's cursor. Listings are fetched
 * conditionally; a listing that has not changed is not read. Each advisory's published
 * .sha256/.sha512 is checked when present. Advisories are cached by URL below
 * `<key>/<host>/<path>`.
 */
export async function syncCsaf(run: SourceRun, source: CsafFeedSource): Promise<SourceOutcome> {
  const metadataUrl = parseHttpUrl(source.providerMetadataUrl, 'CSAF provider-metadata URL').href;
  const checksums = source.checksums ?? 'if-published';
  const concurrency = source.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new AppError('invalid-input', `CSAF download concurrency must be a positive integer, not ${concurrency}`);
  }
  const metadata = await fetchJson(run.ctx, metadataUrl);
  const listings = readProviderMetadata(metadata, metadataUrl, source.tlpLabels ?? ['WHITE', 'CLEAR']);
  if (listings.length === 0) {
    throw new AppError(
      'invalid-input',
      `${metadataUrl} lists no ROLIE feed with an accepted TLP label and no directory`,
    );
  }

  const resources: Record<string, ResourceState> = {};
  const wanted = new Map<string, CsafDocumentRef>();
  for (const listing of listings) {
    const read = await readListing(run, listing);
    for (const [url, state] of Object.entries(read.resources)) resources[url] = state;
    for (const ref of read.documents) {
      const known = wanted.get(ref.url);
      if (known === undefined || (ref.updated ?? '') > (known.updated ?? '')) wanted.set(ref.url, ref);
    }
  }

  const documents = [...wanted.values()];
  const artifacts = await mapConcurrently(run.ctx, documents, concurrency, async (ctx, ref) =>
    downloadAdvisory({ ...run, ctx }, ref, checksums),
  );
  return { artifacts, nextState: { lastSuccessAt: new Date(run.startedAt).toISOString(), resources } };
}

interface ListingRead {
  readonly documents: readonly CsafDocumentRef[];
  /** State of the listing file(s) read, by URL. */
  readonly resources: Readonly<Record<string, ResourceState>>;
}

async function readListing(run: SourceRun, listing: CsafListing): Promise<ListingRead> {
  if (listing.kind === 'rolie') {
    const feed = await readTimestamped(run, listing.url, (text) =>
      readRolieFeed(parseJson(text, listing.url), listing.url),
    );
    if (feed === 'not-found') throw new AppError('internal', `GET ${listing.url}: unexpected not-found`);
    return feed;
  }
  const changesUrl = new URL('changes.csv', directoryBase(listing.url)).href;
  const changes = await readTimestamped(run, changesUrl, (text) => readChangesCsv(text, listing.url, changesUrl), true);
  if (changes !== 'not-found') return changes;
  // No changes.csv: index.txt has no timestamps, so all of it is read whenever it changed.
  const indexUrl = new URL('index.txt', directoryBase(listing.url)).href;
  const previous = run.previous.resources?.[indexUrl];
  const index = await fetchDocument(run.ctx, { url: indexUrl, ...(previous === undefined ? {} : { previous }) });
  if (index.status === 'not-found') throw new AppError('internal', `GET ${indexUrl}: unexpected not-found`);
  if (index.status === 'not-modified')
    return { documents: [], resources: previous === undefined ? {} : { [indexUrl]: previous } };
  return {
    documents: readIndexTxt(Buffer.from(index.bytes).toString('utf8'), listing.url),
    resources: { [indexUrl]: validators(index) },
  };
}

/**
 * A listing whose entries carry timestamps (ROLIE feed, changes.csv): fetched conditionally,
 * then only entries newer than the listing's cursor are wanted; the new cursor is the newest
 * timestamp listed. Entries without a readable timestamp are always wanted.
 */
async function readTimestamped(
  run: SourceRun,
  url: string,
  parse: (text: string) => CsafDocumentRef[],
  allowNotFound = false,
): Promise<ListingRead | 'not-found'> {
  const previous = run.previous.resources?.[url];
  const fetched = await fetchDocument(run.ctx, {
    url,
    allowNotFound,
    ...(previous === undefined ? {} : { previous }),
  });
  if (fetched.status === 'not-found') return 'not-found';
  if (fetched.status === 'not-modified')
    return { documents: [], resources: previous === undefined ? {} : { [url]: previous } };
  const refs = parse(Buffer.from(fetched.bytes).toString('utf8'));
  const since = previous?.cursor === undefined ? undefined : Date.parse(previous.cursor);
  let newest = since;
  const documents = refs.filter((ref) => {
    const at = ref.updated === undefined ? Number.NaN : Date.parse(ref.updated);
    if (Number.isNaN(at)) return true;
    if (newest === undefined || at > newest) newest = at;
    return since === undefined || at > since;
  });
  const cursor = newest === undefined ? undefined : new Date(newest).toISOString();
  return {
    documents,
    resources: { [url]: { ...validators(fetched), ...(cursor === undefined ? {} : { cursor }) } },
  };
}

async function downloadAdvisory(
  run: SourceRun,
  ref: CsafDocumentRef,
  checksums: NonNullable<CsafFeedSource['checksums']>,
): Promise<StagedArtifact> {
  const expected = checksums === 'skip' ? undefined : await publishedChecksum(run.ctx, ref);
  if (expected === undefined && checksums === 'require') {
    throw new AppError('invalid-input', `${ref.url}: the provider publishes no .sha256 or .sha512 for it`);
  }
  const relative = cacheRelativePath(ref.url);
  const outcome = await downloadFile(run.ctx, {
    url: ref.url,
    target: run.staging.stage(relative),
    partialDir: run.staging.partialDir,
    ...(expected === undefined ? {} : { expectedDigest: expected }),
  });
  if (outcome.status !== 'downloaded') throw new AppError('internal', `GET ${ref.url}: unexpected not-modified`);
  return { relative, kind: 'csaf-json', url: ref.url, sha256: outcome.sha256 };
}

/** The linked hash file, else `<url>.sha256`, else `<url>.sha512` (CSAF 2.0 §7.1.18); a 404 means none. */
async function publishedChecksum(ctx: HttpContext, ref: CsafDocumentRef): Promise<ExpectedDigest | undefined> {
  const candidates = ref.hashUrl === undefined ? [`${ref.url}.sha256`, `${ref.url}.sha512`] : [ref.hashUrl];
  for (const url of candidates) {
    const fetched = await fetchDocument(ctx, { url, allowNotFound: true, maxBytes: 64 * 1024 });
    if (fetched.status !== 'ok') continue;
    return { ...readChecksumFile(Buffer.from(fetched.bytes).toString('utf8'), url), from: url };
  }
  return undefined;
}

/** `<host>/<path segments>` with anything unusual in a file name replaced. */
function cacheRelativePath(url: string): string {
  const parsed = new URL(url);
  const segments = [parsed.host, ...parsed.pathname.split('/').filter((s) => s !== '')].map((segment) => {
    const safe = decodeSegment(segment).replace(/[^A-Za-z0-9._-]/g, '_');
    return safe === '.' || safe === '..' || safe === '' ? '_' : safe;
  });
  return segments.join('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function fetchJson(ctx: HttpContext, url: string): Promise<unknown> {
  const fetched = await fetchDocument(ctx, { url });
  if (fetched.status !== 'ok') throw new AppError('internal', `GET ${url}: unexpected ${fetched.status}`);
  return parseJson(Buffer.from(fetched.bytes).toString('utf8'), url);
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (cause) {
    throw new AppError('invalid-input', `${url} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

function validators(fetched: { etag?: string; lastModified?: string }): ResourceState {
  return {
    ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
    ...(fetched.lastModified === undefined ? {} : { lastModified: fetched.lastModified }),
  };
}

/**
 * Runs `task` over `items` with at most `limit` at once, results in input order. The first
 * failure aborts the others (through the context's signal) and is the one thrown.
 */
async function mapConcurrently<T, R>(
  ctx: HttpContext,
  items: readonly T[],
  limit: number,
  task: (ctx: HttpContext, item: T) => Promise<R>,
): Promise<R[]> {
  const controller = new AbortController();
  const signal = ctx.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, ctx.signal]);
  const child: HttpContext = { ...ctx, signal };
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(child, items[index] as T);
      } catch (error) {
        if (failure === undefined) {
          failure = { error };
          controller.abort(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
