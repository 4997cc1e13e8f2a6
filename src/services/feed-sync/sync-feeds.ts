import { readdir, rmdir } from 'node:fs/promises';
import { AppError } from '../../core/app-error.js';
import { ArtifactStaging } from './artifact-staging.js';
import { feedSourceKey, type FeedSource } from './feed-source.js';
import type { FeedSyncResult } from './feed-sync-result.js';
import { httpContext, type FeedSyncOptions } from './feed-sync-options.js';
import type { SourceOutcome, SourceRun } from './source-run.js';
import { syncCsaf } from './sync-csaf.js';
import { syncEpss } from './sync-epss.js';
import { syncKev } from './sync-kev.js';
import { syncNvd } from './sync-nvd.js';
import { syncOsv } from './sync-osv.js';
import type { SyncStateStore } from './sync-state.js';

/**
 * Downloads what changed in one feed source since the state stored under its key, into
 * `<cacheDir>/<key>/`. All-or-nothing per source: its artifacts appear in the cache only once
 * every download of the run is complete and verified; on failure nothing of the run is left
 * (except a resumable partial download under `.partial/`). Never throws for a source problem:
 * failures come back as `status: 'failed'` with an AppError. The store is only read; persist
 * `nextState` yourself after importing the artifacts.
 */
export async function syncFeedSource(
  source: FeedSource,
  stateStore: Pick<SyncStateStore, 'get'>,
  options: FeedSyncOptions,
): Promise<FeedSyncResult> {
  let key: string;
  try {
    key = feedSourceKey(source);
  } catch (error) {
    return failed(source.key ?? source.kind, source, error);
  }
  const ctx = httpContext(options);
  let staging: ArtifactStaging | undefined;
  try {
    const previous = (await stateStore.get(key)) ?? {};
    staging = await ArtifactStaging.open(options.cacheDir, key);
    const run: SourceRun = { ctx, staging, previous, startedAt: ctx.clock.now() };
    const outcome = await runSource(run, source);
    if (outcome.artifacts.length === 0) {
      await staging.discard();
      return { source: key, kind: source.kind, status: 'unchanged', artifacts: [], nextState: outcome.nextState };
    }
    await staging.commit(
      outcome.artifacts.map((a) => a.relative),
      outcome.replaceAll === undefined ? {} : { replaceAll: outcome.replaceAll },
    );
    const done = staging;
    return {
      source: key,
      kind: source.kind,
      status: 'downloaded',
      artifacts: outcome.artifacts.map((a) => ({
        path: done.finalPath(a.relative),
        kind: a.kind,
        url: a.url,
        sha256: a.sha256,
        ...(a.ecosystem === undefined ? {} : { ecosystem: a.ecosystem }),
      })),
      nextState: outcome.nextState,
    };
  } catch (error) {
    await staging?.discard().catch(() => undefined);
    return failed(key, source, error);
  } finally {
    if (staging !== undefined) await removeIfEmpty(staging.partialDir);
  }
}

/**
 * Syncs each source in turn (one failing does not stop the others). Source keys must be unique,
 * since they name both the stored state and the cache folder.
 */
export async function syncFeeds(
  sources: readonly FeedSource[],
  stateStore: Pick<SyncStateStore, 'get'>,
  options: FeedSyncOptions,
): Promise<FeedSyncResult[]> {
  const seen = new Set<string>();
  for (const source of sources) {
    const key = feedSourceKey(source);
    if (seen.has(key)) {
      throw new AppError('invalid-input', `two feed sources share the key "${key}"; give one of them another key`);
    }
    seen.add(key);
  }
  const results: FeedSyncResult[] = [];
  for (const source of sources) results.push(await syncFeedSource(source, stateStore, options));
  return results;
}

async function runSource(run: SourceRun, source: FeedSource): Promise<SourceOutcome> {
  switch (source.kind) {
    case 'osv':
      return syncOsv(run, source);
    case 'nvd':
      return syncNvd(run, source);
    case 'kev':
      return syncKev(run, source);
    case 'epss':
      return syncEpss(run, source);
    case 'csaf':
      return syncCsaf(run, source);
  }
}

function failed(key: string, source: FeedSource, error: unknown): FeedSyncResult {
  const appError =
    error instanceof AppError
      ? error
      : new AppError(
          'internal',
          `feed sync of ${key} failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        );
  return { source: key, kind: source.kind, status: 'failed', artifacts: [], error: appError };
}

async function removeIfEmpty(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length === 0) await rmdir(dir);
  } catch {
    // Absent, or holds a resumable partial download.
  }
}
