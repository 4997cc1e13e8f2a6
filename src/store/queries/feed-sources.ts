import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';

/** What is remembered of one feed source between runs. */
export interface FeedSourceRow {
  readonly sourceKey: string;
  /** Sync validators and cursors (ETag, Last-Modified, NVD lastMod…), owned by the sync client. */
  readonly syncState: unknown;
  readonly lastRunAt: string | undefined;
  readonly lastSuccessAt: string | undefined;
  readonly lastError: string | undefined;
  readonly lastSummary: unknown;
}

export async function getFeedSource(db: DbHandle, sourceKey: string): Promise<FeedSourceRow | undefined> {
  const row = await db.selectFrom('feed_sources').selectAll().where('source_key', '=', sourceKey).executeTakeFirst();
  return row === undefined ? undefined : toFeedSource(row);
}

export async function listFeedSources(db: DbHandle): Promise<FeedSourceRow[]> {
  const rows = await db.selectFrom('feed_sources').selectAll().orderBy('source_key').execute();
  return rows.map(toFeedSource);
}

/** Records a run of a source: on success its new sync state and summary, on failure the error. */
export async function recordFeedRun(
  db: DbHandle,
  input: {
    readonly sourceKey: string;
    readonly at: string;
    readonly ok: boolean;
    readonly syncState?: unknown;
    readonly summary?: unknown;
    readonly error?: string;
  },
): Promise<void> {
  const known = await getFeedSource(db, input.sourceKey);
  const row = {
    sync_state_json: columnCodec.toJsonOrNull(input.ok ? (input.syncState ?? known?.syncState) : known?.syncState),
    last_run_at: input.at,
    last_success_at: input.ok ? input.at : (known?.lastSuccessAt ?? null),
    last_error: input.ok ? null : (input.error ?? 'failed'),
    last_summary_json: columnCodec.toJsonOrNull(input.summary ?? known?.lastSummary),
  };
  if (known === undefined) {
    await db
      .insertInto('feed_sources')
      .values({ source_key: input.sourceKey, ...row })
      .execute();
  } else {
    await db.updateTable('feed_sources').set(row).where('source_key', '=', input.sourceKey).execute();
  }
}

function toFeedSource(row: {
  source_key: string;
  sync_state_json: string | null;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_summary_json: string | null;
}): FeedSourceRow {
  return {
    sourceKey: row.source_key,
    syncState: columnCodec.fromJsonOrNull(row.sync_state_json) ?? undefined,
    lastRunAt: columnCodec.optional(row.last_run_at),
    lastSuccessAt: columnCodec.optional(row.last_success_at),
    lastError: columnCodec.optional(row.last_error),
    lastSummary: columnCodec.fromJsonOrNull(row.last_summary_json) ?? undefined,
  };
}
