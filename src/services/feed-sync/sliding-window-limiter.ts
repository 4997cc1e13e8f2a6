import type { Clock, Sleep } from './feed-sync-options.js';

/**
 * At most `requests` starts in any `windowMs` (NVD's published limit is stated that way: 5, or 50
 * with an API key, per rolling 30 seconds). Keeps the start times of the last `requests` calls and
 * waits until the oldest leaves the window. Callers take slots one at a time.
 */
export class SlidingWindowLimiter {
  readonly #starts: number[] = [];

  constructor(
    private readonly requests: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    if (!Number.isInteger(requests) || requests < 1) throw new RangeError('requests must be a positive integer');
  }

  /** Resolves when a request may start now; returns how long it waited. */
  async acquire(signal?: AbortSignal): Promise<number> {
    let waited = 0;
    for (;;) {
      const now = this.clock.now();
      while (this.#starts.length > 0 && this.#starts[0]! <= now - this.windowMs) this.#starts.shift();
      if (this.#starts.length < this.requests) {
        this.#starts.push(now);
        return waited;
      }
      const wait = this.#starts[0]! + this.windowMs - now;
      waited += wait;
      await this.sleep(wait, signal);
    }
  }
}
