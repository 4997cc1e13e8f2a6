import { createHash } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A file the server holds; validators are derived from the body unless given. */
export interface FixtureFile {
  readonly body: Uint8Array | string;
  readonly contentType?: string;
  /** Default: a strong ETag from the body's SHA-1; `null` sends none. */
  readonly etag?: string | null;
  /** Default: a fixed date; `null` sends none. */
  readonly lastModified?: string | null;
  /** Honour `Range` and send `Accept-Ranges: bytes` (default true). */
  readonly acceptRanges?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A scripted misbehaviour for one request to a path; queued faults are used up in order. */
export type FixtureFault =
  /** Answer with this status (and Retry-After) instead of the file. */
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly retryAfter?: string;
      readonly body?: string;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Declare the full Content-Length, send `afterBytes` of the body, then destroy the socket. */
  | { readonly kind: 'truncate'; readonly afterBytes: number }
  /** Wait before answering normally (a slow server). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Send `afterBytes`, pause `ms`, then the rest (a stalled body). */
  | { readonly kind: 'stall'; readonly afterBytes: number; readonly ms: number }
  /** Drop the connection without answering. */
  | { readonly kind: 'reset' };

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

export type FixtureHandler = (request: {
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
}) => FixtureFile | undefined;

const defaultLastModified = 'Mon, 25 Aug 2025 12:00:00 GMT';

/**
 * A real HTTP server on 127.0.0.1 (random port) serving feed files in their upstream layouts,
 * with ETag / Last-Modified conditional requests, byte ranges (with If-Range), scripted faults
 * per path, and a log of every request for assertions. Test code only.
 */
export class FeedFixtureServer {
  readonly requests: RecordedRequest[] = [];
  readonly #files = new Map<string, FixtureFile | FixtureHandler>();
  readonly #faults = new Map<string, FixtureFault[]>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FeedFixtureServer> {
    const holder: { instance?: FeedFixtureServer } = {};
    const server = createServer((req, res) => {
      holder.instance?.handle(req, res).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new FeedFixtureServer(server, `http://127.0.0.1:${port}`);
    holder.instance = instance;
    return instance;
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** Serves `file` (or whatever the handler returns, by query) at `path`. */
  serve(path: string, file: FixtureFile | FixtureHandler): this {
    this.#files.set(path, file);
    return this;
  }

  remove(path: string): this {
    this.#files.delete(path);
    return this;
  }

  /** Queues faults for the next requests to `path`, one per request. */
  fail(path: string, ...faults: FixtureFault[]): this {
    this.#faults.set(path, [...(this.#faults.get(path) ?? []), ...faults]);
    return this;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    this.requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    });
    const fault = this.#faults.get(url.pathname)?.shift();
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'text/plain',
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
        ...fault.headers,
      });
      res.end(fault.body ?? `scripted ${fault.status}`);
      return;
    }
    const entry = this.#files.get(url.pathname);
    const file = typeof entry === 'function' ? entry({ url, headers: req.headers }) : entry;
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : Buffer.from(file.body);
    const etag = file.etag === undefined ? `"${createHash('sha1').update(body).digest('hex')}"` : file.etag;
    const lastModified = file.lastModified === undefined ? defaultLastModified : file.lastModified;
    const acceptRanges = file.acceptRanges ?? true;
    const headers: Record<string, string> = {
      'content-type': file.contentType ?? 'application/octet-stream',
      ...(etag === null ? {} : { etag }),
      ...(lastModified === null ? {} : { 'last-modified': lastModified }),
      ...(acceptRanges ? { 'accept-ranges': 'bytes' } : {}),
      ...file.headers,
    };

    if (notModified(req.headers, etag, lastModified)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }

    let status = 200;
    let slice = body;
    const range = acceptRanges ? rangeStart(req.headers, etag, lastModified) : undefined;
    if (range !== undefined) {
      if (range >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` });
        res.end();
        return;
      }
      status = 206;
      slice = body.subarray(range);
      headers['content-range'] = `bytes ${range}-${body.length - 1}/${body.length}`;
    }
    headers['content-length'] = String(slice.length);
    res.writeHead(status, headers);

    if (fault?.kind === 'truncate') {
      res.write(slice.subarray(0, Math.min(fault.afterBytes, slice.length)), () => {
        // Give the client time to read the bytes before the connection dies: a web stream that
        // errors drops the chunks still queued, and the test wants a known short body.
        setTimeout(() => res.socket?.destroy(), 150);
      });
      return;
    }
    if (fault?.kind === 'stall') {
      res.write(slice.subarray(0, fault.afterBytes));
      await sleep(fault.ms);
      if (res.destroyed) return;
      res.end(slice.subarray(fault.afterBytes));
      return;
    }
    res.end(slice);
  }
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(headers: IncomingHttpHeaders, etag: string | null, lastModified: string | null): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (etag === null) return false;
    const tags = ifNoneMatch.split(',').map((t) => t.trim());
    return tags.includes('*') || tags.some((t) => weak(t) === weak(etag));
  }
  const since = headers['if-modified-since'];
  if (since !== undefined && lastModified !== null) {
    const sinceMs = Date.parse(since);
    return !Number.isNaN(sinceMs) && Date.parse(lastModified) <= sinceMs;
  }
  return false;
}

/** The start of a `bytes=N-` / `bytes=N-M` range the server will honour, if any. */
function rangeStart(
  headers: IncomingHttpHeaders,
  etag: string | null,
  lastModified: string | null,
): number | undefined {
  const match = /^bytes=(\d+)-(\d*)$/.exec(headers.range ?? '');
  if (match === null) return undefined;
  const ifRange = headers['if-range'];
  if (typeof ifRange === 'string') {
    // Strong comparison for entity tags; a date must equal Last-Modified exactly.
    const matches = ifRange.startsWith('"') ? etag !== null && ifRange === etag : ifRange === lastModified;
    if (!matches) return undefined;
  }
  return Number(match[1]);
}

function weak(tag: string): string {
  return tag.replace(/^W\//, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Upstream paths, relative to each source's base URL. */
export const upstreamPaths = {
  osvZip: (ecosystem: string): string => `/${encodeURIComponent(ecosystem).replaceAll('%3A', ':')}/all.zip`,
  nvdCves: '/rest/json/cves/2.0',
  kevJson: '/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  kevCsv: '/sites/default/files/feeds/known_exploited_vulnerabilities.csv',
  epss: '/epss_scores-current.csv.gz',
} as const;

/**
 * The NVD CVE API 2.0 over a list of `cve` objects: pages by `startIndex` / `resultsPerPage`,
 * filters by `lastModStartDate` / `lastModEndDate` against each CVE's `lastModified`, and answers
 * in NVD's response envelope.
 */
export function nvdApi(
  cves: readonly { readonly lastModified?: string; readonly [field: string]: unknown }[],
): FixtureHandler {
  return ({ url }) => {
    const start = Number(url.searchParams.get('startIndex') ?? '0');
    const perPage = Number(url.searchParams.get('resultsPerPage') ?? '2000');
    const from = url.searchParams.get('lastModStartDate');
    const to = url.searchParams.get('lastModEndDate');
    const inRange = cves.filter((cve) => {
      if (from === null || to === null) return true;
      const at = Date.parse(`${cve.lastModified ?? ''}Z`);
      return at >= Date.parse(from) && at <= Date.parse(to);
    });
    const page = inRange.slice(start, start + perPage);
    return {
      contentType: 'application/json',
      etag: null,
      lastModified: null,
      body: JSON.stringify({
        resultsPerPage: page.length,
        startIndex: start,
        totalResults: inRange.length,
        format: 'NVD_CVE',
        version: '2.0',
        timestamp: '2025-08-25T12:00:00.000',
        vulnerabilities: page.map((cve) => ({ cve })),
      }),
    };
  };
}
