import { AppError } from '../../core/app-error.js';
import type { HttpContext } from './feed-sync-options.js';
import { discardBody, readBody, sendGet, TransientHttpError, withRetries } from './http-request.js';
import type { ResourceState } from './sync-state.js';

export type DocumentOutcome =
  | { readonly status: 'not-modified' }
  | { readonly status: 'not-found' }
  | {
      readonly status: 'ok';
      readonly bytes: Uint8Array;
      readonly etag?: string;
      readonly lastModified?: string;
    };

export interface DocumentRequest {
  readonly url: string;
  /** Validators from the last complete download: makes the request conditional. */
  readonly previous?: ResourceState;
  readonly headers?: Readonly<Record<string, string>>;
  /** Refuse bodies larger than this (default 64 MiB): these are held in memory. */
  readonly maxBytes?: number;
  /** Return `not-found` for a 404 instead of failing (optional files such as checksums). */
  readonly allowNotFound?: boolean;
  /** Throws when a complete body is still unusable (an API page that is not JSON); retried. */
  readonly check?: (bytes: Uint8Array) => void;
}

const defaultMaxBytes = 64 * 1024 * 1024;

/** GETs a small document into memory, conditionally, with retries on transient failures. */
export async function fetchDocument(ctx: HttpContext, request: DocumentRequest): Promise<DocumentOutcome> {
  const maxBytes = request.maxBytes ?? defaultMaxBytes;
  return withRetries(ctx, request.url, async (attempt) => {
    const headers: Record<string, string> = { ...conditionalHeaders(request.previous), ...request.headers };
    const open = await sendGet(ctx, request.url, headers, attempt, {
      ...(request.allowNotFound === undefined ? {} : { allowNotFound: request.allowNotFound }),
    });
    const { response } = open;
    if (response.status === 304 || response.status === 404) {
      open.deadline.clear();
      await discardBody(response);
      return { status: response.status === 304 ? 'not-modified' : 'not-found' };
    }
    const chunks: Uint8Array[] = [];
    const size = await readBody(ctx, open, (chunk, received) => {
      if (received > maxBytes) {
        throw new AppError('too-large', `GET ${request.url}: the body is larger than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    });
    const bytes = new Uint8Array(Buffer.concat(chunks, size));
    if (request.check !== undefined) {
      try {
        request.check(bytes);
      } catch (error) {
        throw new TransientHttpError(`unusable body: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { status: 'ok', bytes, ...validatorsOf(response) };
  });
}

/** If-None-Match / If-Modified-Since from a previous download; a server uses the first it supports. */
export function conditionalHeaders(previous: ResourceState | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (previous?.etag !== undefined) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified !== undefined) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

export function validatorsOf(response: Response): { etag?: string; lastModified?: string } {
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  return {
    ...(etag === null ? {} : { etag }),
    ...(lastModified === null ? {} : { lastModified }),
  };
}
