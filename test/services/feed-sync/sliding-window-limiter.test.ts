import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/services/feed-sync/sliding-window-limiter.js';
import { FakeClock } from './feed-sync-harness.js';

describe('SlidingWindowLimiter', () => {
  it('lets `requests` through at once, then one per slot freed by the window', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowLimiter(5, 30_000, clock, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 12; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 0, 0, 0, 0, 30_000, 30_000, 30_000, 30_000, 30_000, 60_000, 60_000]);
  });

  it('counts only starts inside the rolling window', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowLimiter(2, 1000, clock, clock.sleep);
    await limiter.acquire();
    clock.time = 600;
    await limiter.acquire();
    clock.time = 1000; // the first start has left the window, the second has not
    expect(await limiter.acquire()).toBe(0);
    expect(await limiter.acquire()).toBe(600);
    expect(clock.now()).toBe(1600);
  });

  it('never lets more than `requests` start within any window', async () => {
    const clock = new FakeClock(0);
    const limiter = new SlidingWindowLimiter(3, 10_000, clock, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 20; i++) {
      clock.time += (i * 7919) % 4000; // irregular work between requests
      await limiter.acquire();
      starts.push(clock.now());
    }
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 10_000).length).toBeLessThanOrEqual(3);
    }
  });
});
