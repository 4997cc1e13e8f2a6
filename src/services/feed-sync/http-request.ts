import type { ReadableStreamDefaultReader } from 'node:stream/web';
import { AppError } from '../../core/app-error.js';
import type { HttpContext } from './feed-sync-options.js';
import { backoffDelay, parseRetryAfter } from './retry-delay.js';

/** A failure worth another attempt: network errors, timeouts, cut-off bodies, 408, 429, 5xx. */
export class TransientHttpError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransientHttpError';
  }
}

/**
 * Runs `attempt` until it returns, retrying transient failures with exponential backoff and
 * jitter, or exactly the server's Retry-After when it sent one. Any other error ends at once.
 * After the last attempt the source is reported unavailable with the last reason.
 */
export async function withRetries<T>(
  ctx: HttpContext,
  url: string,
  attempt: (attemptNumber: number) => Promise<T>,
): Promise<T> {
  let last = '';
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (ctx.signal?.aborted === true) throw abortedError(url, error);
      if (!(error instanceof TransientHttpError)) throw error;
      last = error.message;
      if (n >= ctx.retry.maxAttempts) break;
      let wait = backoffDelay(n, ctx.retry, ctx.random);
      if (error.retryAfterMs !== undefined) {
        if (error.retryAfterMs > ctx.retry.maxRetryAfterMs) {
          throw new AppError(
            'source-unavailable',
            `GET ${url}: ${error.message}, and the server asks to retry after ${Math.ceil(error.retryAfterMs / 1000)} s, ` +
              `longer than the ${Math.ceil(ctx.retry.maxRetryAfterMs / 1000)} s a sync waits`,
          );
        }
        wait = error.retryAfterMs;
      }
      ctx.onEvent({ type: 'retry', url, attempt: n, delayMs: wait, reason: error.message });
      try {
        await ctx.sleep(wait, ctx.signal);
      } catch (cause) {
        throw abortedError(url, cause);
      }
    }
  }
  throw new AppError(
    'source-unavailable',
    `GET ${url} failed after ${ctx.retry.maxAttempts} attempt${ctx.retry.maxAttempts === 1 ? '' : 's'}: ${last}`,
  );
}

/** Arms an abort after a quiet period; re-armed per body chunk so only stalls abort. */
export class Deadline {
  readonly #controller = new AbortController();
  #timer: NodeJS.Timeout | undefined;

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  arm(ms: number, message: string): void {
    this.clear();
    this.#timer = setTimeout(() => this.#controller.abort(new TransientHttpError(message)), ms);
  }

  clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** A response whose status is 2xx or 304, with the deadline that still guards its body. */
export interface OpenResponse {
  readonly response: Response;
  readonly deadline: Deadline;
}

/**
 * Sends one GET (after waiting for a rate-limit slot) and sorts the status: 2xx and 304 are
 * returned; 404 too when `allowNotFound`, and any of `allowStatuses`; 408, 429 and 5xx are transient (with Retry-After);
 * anything else is refused at once naming the URL and the status.
 */
export async function sendGet(
  ctx: HttpContext,
  url: string,
  headers: Readonly<Record<string, string>>,
  attempt: number,
  options: { readonly allowNotFound?: boolean; readonly allowStatuses?: readonly number[] } = {},
): Promise<OpenResponse> {
  if (ctx.acquireSlot !== undefined) await ctx.acquireSlot(url);
  ctx.onEvent({ type: 'request', url, attempt });
  const deadline = new Deadline();
  deadline.arm(ctx.timeouts.responseMs, `no response within ${ctx.timeouts.responseMs} ms`);
  const signal = ctx.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, ctx.signal]);
  let response: Response;
  try {
    response = await ctx.fetch(url, {
      method: 'GET',
      headers: { 'user-agent': ctx.userAgent, ...headers },
      redirect: 'follow',
      signal,
    });
  } catch (error) {
    deadline.clear();
    if (ctx.signal?.aborted === true) throw abortedError(url, error);
    if (error instanceof TransientHttpError) throw error;
    throw new TransientHttpError(`network error: ${describeError(error)}`);
  }
  const status = response.status;
  if (
    (status >= 200 && status < 300) ||
    status === 304 ||
    (status === 404 && options.allowNotFound === true) ||
    options.allowStatuses?.includes(status) === true
  ) {
    return { response, deadline };
  }
  deadline.clear();
  await discardBody(response);
  const label = `HTTP ${status}${response.statusText === '' ? '' : ` ${response.statusText}`}`;
  if (status === 408 || status === 429 || status >= 500) {
    throw new TransientHttpError(label, parseRetryAfter(response.headers.get('retry-after'), ctx.clock.now()));
  }
  // NVD explains refusals in a `message` header.
  const explanation = response.headers.get('message');
  throw new AppError(
    'source-unavailable',
    `GET ${url} answered ${label}${explanation === null || explanation === '' ? '' : `: ${explanation}`}`,
  );
}

/**
 * Streams a body into `sink`, re-arming the idle deadline per chunk. A stream that breaks or
 * ends short of its Content-Length is transient (the caller retries or resumes); errors from the
 * sink itself (disk full, size limits) are not and pass through unchanged.
 */
export async function readBody(
  ctx: HttpContext,
  { response, deadline }: OpenResponse,
  sink: (chunk: Uint8Array, receivedSoFar: number) => Promise<void> | void,
): Promise<number> {
  const declared = declaredLength(response);
  let received = 0;
  const body = response.body;
  try {
    if (body !== null) {
      const reader = body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
      for (;;) {
        deadline.arm(ctx.timeouts.idleMs, `body stalled for ${ctx.timeouts.idleMs} ms after ${received} bytes`);
        let chunk: Awaited<ReturnType<typeof reader.read>>;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (ctx.signal?.aborted === true) throw abortedError(response.url, error);
          const reason = error instanceof TransientHttpError ? error.message : describeError(error);
          throw new TransientHttpError(
            `body cut off after ${received}${declared === undefined ? '' : ` of ${declared}`} bytes (${reason})`,
          );
        }
        if (chunk.done) break;
        received += chunk.value.length;
        try {
          await sink(chunk.value, received);
        } catch (error) {
          await reader.cancel().catch(() => undefined);
          throw error;
        }
      }
    }
  } finally {
    deadline.clear();
  }
  if (declared !== undefined && received !== declared) {
    throw new TransientHttpError(`body ended after ${received} of ${declared} bytes`);
  }
  return received;
}

/** Content-Length, when it describes the bytes we will read (not a compressed encoding). */
export function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined;
  const value = response.headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function abortedError(url: string, cause: unknown): AppError {
  return new AppError('source-unavailable', `GET ${url}: sync aborted`, { cause });
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
