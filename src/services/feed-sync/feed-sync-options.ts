import { setTimeout as delay } from 'node:timers/promises';

/** Milliseconds since the epoch; injectable so tests control time. */
export interface Clock {
  now(): number;
}

/** Waits `ms` (rejecting when `signal` aborts); injectable so tests need not wait. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Something worth telling a user while a sync runs (progress lines, debug logs). */
export type FeedSyncEvent =
  | { readonly type: 'request'; readonly url: string; readonly attempt: number }
  | {
      readonly type: 'retry';
      readonly url: string;
      readonly attempt: number;
      readonly delayMs: number;
      readonly reason: string;
    }
  | { readonly type: 'rate-limit'; readonly url: string; readonly waitMs: number }
  | { readonly type: 'resume'; readonly url: string; readonly fromByte: number }
  | { readonly type: 'downloaded'; readonly url: string; readonly bytes: number };

export interface FeedSyncRetryOptions {
  /** Attempts per request, the first included (default 5). */
  readonly maxAttempts?: number;
  /** Backoff before the second attempt, doubled each time, with jitter (default 1 s). */
  readonly baseDelayMs?: number;
  /** Cap on one backoff delay (default 60 s). */
  readonly maxDelayMs?: number;
  /** A Retry-After longer than this fails the request instead of waiting (default 10 min). */
  readonly maxRetryAfterMs?: number;
}

export interface FeedSyncTimeouts {
  /** From sending a request to its response headers (default 30 s). */
  readonly responseMs?: number;
  /** Longest pause between two chunks of a body (default 60 s). */
  readonly idleMs?: number;
}

/** How a sync reaches the network and the disk. Only `cacheDir` is required. */
export interface FeedSyncOptions {
  /** Downloaded artifacts go to `<cacheDir>/<source key>/…`; work files to `.staging/` and `.partial/`. */
  readonly cacheDir: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** In [0, 1); drives backoff jitter. */
  readonly random?: () => number;
  readonly retry?: FeedSyncRetryOptions;
  readonly timeouts?: FeedSyncTimeouts;
  readonly userAgent?: string;
  /** Aborts the whole sync (Ctrl-C). */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: FeedSyncEvent) => void;
}

/** The options with every default filled in, as the HTTP helpers use them. */
export interface HttpContext {
  readonly fetch: typeof globalThis.fetch;
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly retry: Required<FeedSyncRetryOptions>;
  readonly timeouts: Required<FeedSyncTimeouts>;
  readonly userAgent: string;
  readonly signal: AbortSignal | undefined;
  readonly onEvent: (event: FeedSyncEvent) => void;
  /** Waits for a request slot; set for sources with a published rate limit (NVD). */
  readonly acquireSlot?: (url: string) => Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = async (ms, signal) => {
  await delay(Math.max(0, ms), undefined, signal === undefined ? undefined : { signal });
};

export function httpContext(options: FeedSyncOptions): HttpContext {
  return {
    fetch: options.fetch ?? globalThis.fetch,
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    retry: {
      maxAttempts: options.retry?.maxAttempts ?? 5,
      baseDelayMs: options.retry?.baseDelayMs ?? 1000,
      maxDelayMs: options.retry?.maxDelayMs ?? 60_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 600_000,
    },
    timeouts: {
      responseMs: options.timeouts?.responseMs ?? 30_000,
      idleMs: options.timeouts?.idleMs ?? 60_000,
    },
    userAgent: options.userAgent ?? 'jointsec-feed-sync',
    signal: options.signal,
    onEvent: options.onEvent ?? (() => undefined),
  };
}
