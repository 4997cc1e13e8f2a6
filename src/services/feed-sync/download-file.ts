import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../core/app-error.js';
import { conditionalHeaders, validatorsOf } from './fetch-document.js';
import type { HttpContext } from './feed-sync-options.js';
import { discardBody, readBody, sendGet, TransientHttpError, withRetries } from './http-request.js';
import type { ResourceState } from './sync-state.js';

/** A digest a source publishes for a file, to compare with what arrived. */
export interface ExpectedDigest {
  readonly algorithm: 'sha256' | 'sha512' | 'md5';
  readonly hex: string;
  /** Where the value came from, for the error message (a checksum URL, a response header). */
  readonly from: string;
}

export interface DownloadRequest {
  readonly url: string;
  /** Where the complete file goes (a staging path; the directory is created). */
  readonly target: string;
  /** Holds `<hash of url>.part` files between attempts and between runs. */
  readonly partialDir: string;
  /** Validators from the last complete download: makes the request conditional. */
  readonly previous?: ResourceState;
  readonly headers?: Readonly<Record<string, string>>;
  readonly expectedDigest?: ExpectedDigest;
  /** A digest the response itself announces (osv.dev's bucket sends `x-goog-hash: md5=…`). */
  readonly digestFromResponse?: (response: Response) => ExpectedDigest | undefined;
  /** Refuse files larger than this. */
  readonly maxBytes?: number;
}

export type DownloadOutcome =
  | { readonly status: 'not-modified' }
  | {
      readonly status: 'downloaded';
      readonly etag?: string;
      readonly lastModified?: string;
      readonly sha256: string;
      readonly bytes: number;
    };

interface PartialMeta {
  readonly url: string;
  readonly etag: string;
}

/**
 * Downloads one URL to `target`, never leaving a half file there: bytes go to a partial file
 * that is renamed into place only once complete and verified. A body that breaks off is retried;
 * when the server advertised `Accept-Ranges: bytes` and a strong ETag, the retry (or the next run)
 * resumes with `Range` + `If-Range` and falls back to the whole file when the server answers 200.
 * The partial file survives a failure only when it can be resumed that way.
 */
export async function downloadFile(ctx: HttpContext, request: DownloadRequest): Promise<DownloadOutcome> {
  const { url } = request;
  const id = createHash('sha256').update(url).digest('hex').slice(0, 40);
  const partPath = join(request.partialDir, `${id}.part`);
  const metaPath = `${partPath}.json`;
  await mkdir(request.partialDir, { recursive: true });
  const removePartial = async (): Promise<void> => {
    await rm(partPath, { force: true });
    await rm(metaPath, { force: true });
  };
  // Whether the partial file is worth keeping if this download fails: at first, whether an
  // earlier run left a resumable one; then what the last response said.
  let resumable = (await readPartial(partPath, metaPath, url)) !== undefined;
  let announced: ExpectedDigest | undefined;
  try {
    const fetched = await withRetries(ctx, url, async (attempt) => {
      const partial = await readPartial(partPath, metaPath, url);
      const headers: Record<string, string> = {
        // Byte ranges and Content-Length must describe the file itself, not a compressed transfer.
        'accept-encoding': 'identity',
        ...conditionalHeaders(request.previous),
        ...request.headers,
      };
      if (partial !== undefined) {
        headers['range'] = `bytes=${partial.size}-`;
        headers['if-range'] = partial.etag;
        ctx.onEvent({ type: 'resume', url, fromByte: partial.size });
      }
      const opened = await sendGet(ctx, url, headers, attempt, partial === undefined ? {} : { allowStatuses: [416] });
      const { response } = opened;
      let offset = 0;
      let total: number | undefined;
      if (response.status === 304) {
        opened.deadline.clear();
        await discardBody(response);
        await removePartial();
        return { status: 'not-modified' as const };
      }
      if (response.status === 416) {
        // The partial file is not a prefix of what the server holds now.
        opened.deadline.clear();
        await discardBody(response);
        await removePartial();
        resumable = false;
        throw new TransientHttpError('range not satisfiable; starting over');
      }
      if (response.status === 206) {
        const range = parseContentRange(response.headers.get('content-range'));
        if (partial === undefined || range === undefined || range.start !== partial.size) {
          opened.deadline.clear();
          await discardBody(response);
          await removePartial();
          resumable = false;
          throw new TransientHttpError(
            `unexpected partial response (Content-Range ${response.headers.get('content-range') ?? 'missing'}); starting over`,
          );
        }
        offset = partial.size;
        total = range.total;
      } else if (response.status !== 200) {
        opened.deadline.clear();
        await discardBody(response);
        throw new AppError('source-unavailable', `GET ${url} answered HTTP ${response.status}, expected 200`);
      }
      const validators = validatorsOf(response);
      resumable =
        /\bbytes\b/i.test(response.headers.get('accept-ranges') ?? '') &&
        validators.etag !== undefined &&
        !validators.etag.startsWith('W/') &&
        (response.headers.get('content-encoding') ?? 'identity').toLowerCase() === 'identity';
      if (resumable && validators.etag !== undefined) {
        await writeFile(metaPath, JSON.stringify({ url, etag: validators.etag } satisfies PartialMeta));
      } else {
        await rm(metaPath, { force: true });
      }
      const handle = await open(partPath, offset === 0 ? 'w' : 'a');
      try {
        await readBody(ctx, opened, async (chunk, received) => {
          if (request.maxBytes !== undefined && offset + received > request.maxBytes) {
            resumable = false;
            throw new AppError('too-large', `GET ${url}: the file is larger than ${request.maxBytes} bytes`);
          }
          await handle.write(chunk);
        });
      } finally {
        await handle.close();
      }
      const size = (await stat(partPath)).size;
      if (total !== undefined && size !== total) {
        await removePartial();
        resumable = false;
        throw new TransientHttpError(`resumed file has ${size} bytes, the server's Content-Range says ${total}`);
      }
      announced = request.digestFromResponse?.(response);
      ctx.onEvent({ type: 'downloaded', url, bytes: size });
      return { status: 'complete' as const, size, ...validators };
    });
    if (fetched.status === 'not-modified') return fetched;

    const expected = request.expectedDigest ?? announced;
    const digests = await hashFile(partPath, expected?.algorithm);
    if (expected !== undefined) {
      const actual = digests.get(expected.algorithm);
      if (actual !== expected.hex.toLowerCase()) {
        resumable = false;
        throw new AppError(
          'invalid-input',
          `GET ${url}: ${expected.algorithm} mismatch: ${expected.from} says ${expected.hex.toLowerCase()}, ` +
            `the downloaded file has ${actual ?? 'none'}`,
        );
      }
    }
    await mkdir(dirname(request.target), { recursive: true });
    await rename(partPath, request.target);
    await rm(metaPath, { force: true });
    return {
      status: 'downloaded',
      sha256: digests.get('sha256') ?? '',
      bytes: fetched.size,
      ...(fetched.etag === undefined ? {} : { etag: fetched.etag }),
      ...(fetched.lastModified === undefined ? {} : { lastModified: fetched.lastModified }),
    };
  } catch (error) {
    if (!resumable) await removePartial();
    throw error;
  }
}

/** A partial file from an earlier attempt or run that can be resumed, if any. */
async function readPartial(
  partPath: string,
  metaPath: string,
  url: string,
): Promise<{ size: number; etag: string } | undefined> {
  try {
    const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Partial<PartialMeta>;
    const size = (await stat(partPath)).size;
    if (meta.url !== url || typeof meta.etag !== 'string' || meta.etag.startsWith('W/') || size === 0) return undefined;
    return { size, etag: meta.etag };
  } catch {
    return undefined;
  }
}

/** `bytes START-END/TOTAL` (RFC 9110 §14.4); TOTAL may be `*`. */
function parseContentRange(value: string | null): { start: number; total?: number } | undefined {
  const match = /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value ?? '');
  if (match === null) return undefined;
  const start = Number(match[1]);
  return match[3] === '*' ? { start } : { start, total: Number(match[3]) };
}

/** SHA-256 of a file, plus `extra` when another algorithm is to be checked. */
async function hashFile(path: string, extra: ExpectedDigest['algorithm'] | undefined): Promise<Map<string, string>> {
  const algorithms = new Set<string>(['sha256', ...(extra === undefined ? [] : [extra])]);
  const hashes = [...algorithms].map((algorithm) => ({ algorithm, hash: createHash(algorithm) }));
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const { hash } of hashes) hash.update(chunk);
  }
  return new Map(hashes.map(({ algorithm, hash }) => [algorithm, hash.digest('hex')]));
}
