import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { FeedSyncEvent, FeedSyncOptions } from '../../../src/services/feed-sync/index.js';
import type { SyncState, SyncStateStore } from '../../../src/services/feed-sync/sync-state.js';
import { FeedFixtureServer } from '../../support/feed-fixture-server.js';

/** A sync state store in memory; counts writes so tests can show the sync never writes. */
export class MemoryStateStore implements SyncStateStore {
  readonly states = new Map<string, SyncState>();
  puts = 0;

  get(sourceKey: string): Promise<SyncState | undefined> {
    return Promise.resolve(this.states.get(sourceKey));
  }

  put(sourceKey: string, state: SyncState): Promise<void> {
    this.puts++;
    this.states.set(sourceKey, state);
    return Promise.resolve();
  }
}

/** Time that only moves when the code under test sleeps. */
export class FakeClock {
  constructor(public time = Date.parse('2025-08-25T12:00:00Z')) {}
  readonly sleeps: number[] = [];
  readonly now = (): number => this.time;
  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  };
}

export interface Harness {
  readonly server: FeedFixtureServer;
  readonly cacheDir: string;
  readonly clock: FakeClock;
  readonly events: FeedSyncEvent[];
  readonly store: MemoryStateStore;
  /** Options wired to the fake clock, fast retries and the event log; override as needed. */
  options(overrides?: Partial<FeedSyncOptions>): FeedSyncOptions;
  /** Every file below the cache, as `/`-separated paths relative to it, sorted. */
  cacheFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await FeedFixtureServer.start();
  const cacheDir = await mkdtemp(join(tmpdir(), 'jointsec-feed-cache-'));
  const clock = new FakeClock();
  const events: FeedSyncEvent[] = [];
  const store = new MemoryStateStore();
  return {
    server,
    cacheDir,
    clock,
    events,
    store,
    options: (overrides = {}) => ({
      cacheDir,
      clock,
      sleep: clock.sleep,
      random: () => 0.5,
      retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
      timeouts: { responseMs: 5000, idleMs: 5000 },
      onEvent: (event) => events.push(event),
      ...overrides,
    }),
    cacheFiles: async () => {
      const entries = await readdir(cacheDir, { recursive: true, withFileTypes: true });
      return entries
        .filter((e) => e.isFile())
        .map((e) => relative(cacheDir, join(e.parentPath, e.name)).split('\\').join('/'))
        .sort();
    },
    close: async () => {
      await server.close();
      await rm(cacheDir, { recursive: true, force: true });
    },
  };
}
