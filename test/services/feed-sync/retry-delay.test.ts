import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from '../../../src/services/feed-sync/retry-delay.js';

const retry = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles per attempt with half of it jittered', () => {
    expect(backoffDelay(1, retry, () => 0)).toBe(500);
    expect(backoffDelay(1, retry, () => 0.999999)).toBe(1000);
    expect(backoffDelay(2, retry, () => 0)).toBe(1000);
    expect(backoffDelay(3, retry, () => 0.5)).toBe(3000);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(10, retry, () => 0.999999)).toBe(10_000);
    expect(backoffDelay(10, retry, () => 0)).toBe(5000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-08-25T12:00:00Z');
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date relative to now, a past date as 0', () => {
    expect(parseRetryAfter('Mon, 25 Aug 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 25 Aug 2025 11:00:00 GMT', now)).toBe(0);
  });
  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});
