import type { FeedSyncRetryOptions } from './feed-sync-options.js';

/**
 * Exponential backoff with "equal jitter": half the doubled delay is fixed, half random, so
 * clients that failed together do not retry together, yet never retry at once.
 * `attempt` is the attempt that just failed (1 = the first).
 */
export function backoffDelay(attempt: number, retry: Required<FeedSyncRetryOptions>, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * A Retry-After header (RFC 9110 §10.2.3) as milliseconds from `now`: delay-seconds or an
 * HTTP-date. Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names its weekday and month (IMF-fixdate, RFC 850 or asctime); bare numbers are not dates.
  const date = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
