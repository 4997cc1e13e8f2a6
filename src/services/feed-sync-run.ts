import { columnCodec } from '../store/column-codec.js';
import { getFeedSource, recordFeedRun } from '../store/queries/feed-sources.js';
import { requireRole, type ServiceContext } from './context.js';
import { briefOf, importFeedsIn, type FeedImportSummary } from './feed-import.js';
import {
  feedSourceKey,
  syncFeedSource,
  type FeedSource,
  type FeedSyncOptions,
  type SyncState,
} from './feed-sync/index.js';

/** What `feeds sync` did for one source. */
export interface SourceSyncOutcome {
  readonly source: string;
  readonly kind: FeedSource['kind'];
  readonly status: 'imported' | 'unchanged' | 'failed';
  /** Files downloaded and imported. */
  readonly artifacts: number;
  readonly imported: FeedImportSummary | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

/** The sync-state key in the store for a source (imports use `import`). */
function stateKey(source: FeedSource): string {
  return `sync:${feedSourceKey(source)}`;
}

/**
 * `feeds sync`: for each source, download what changed since the last sync (conditional
 * requests; see feed-sync/), then import the downloads and record the new sync state in ONE
 * transaction: a failed import leaves the old state, so the next run downloads again and
 * nothing is half-applied. One failing source does not stop the others.
 */
export async function syncFeedsIntoStore(
  ctx: ServiceContext,
  input: { readonly sources: readonly FeedSource[]; readonly options: FeedSyncOptions },
): Promise<SourceSyncOutcome[]> {
  requireRole(ctx.actor, 'admin');
  const db = ctx.store.db;
  const out: SourceSyncOutcome[] = [];
  for (const source of input.sources) {
    const key = stateKey(source);
    const states = {
      get: async (): Promise<SyncState | undefined> =>
        (await getFeedSource(db, key))?.syncState as SyncState | undefined,
    };
    const result = await syncFeedSource(source, states, input.options);
    const at = columnCodec.now();
    if (result.status === 'failed') {
      await recordFeedRun(db, {
        sourceKey: key,
        at,
        ok: false,
        error: `${result.error.code}: ${result.error.message}`,
      });
      out.push({
        source: result.source,
        kind: result.kind,
        status: 'failed',
        artifacts: 0,
        imported: null,
        error: { code: result.error.code, message: result.error.message },
      });
      continue;
    }
    try {
      const imported = await db.transaction().execute(async (trx) => {
        const summary =
          result.artifacts.length === 0
            ? null
            : await importFeedsIn(trx, { paths: result.artifacts.map((a) => a.path), baseDir: '/' });
        await recordFeedRun(trx, {
          sourceKey: key,
          at,
          ok: true,
          syncState: result.nextState,
          ...(summary === null ? {} : { summary: briefOf(summary) }),
        });
        return summary;
      });
      out.push({
        source: result.source,
        kind: result.kind,
        status: imported === null ? 'unchanged' : 'imported',
        artifacts: result.artifacts.length,
        imported,
        error: null,
      });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      await recordFeedRun(db, { sourceKey: key, at, ok: false, error: `import failed: ${message}` });
      out.push({
        source: result.source,
        kind: result.kind,
        status: 'failed',
        artifacts: result.artifacts.length,
        imported: null,
        error: { code: 'import-failed', message },
      });
    }
  }
  return out;
}
