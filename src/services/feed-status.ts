import { countExploitSignals } from '../store/queries/exploit-signals.js';
import { listFeedSources } from '../store/queries/feed-sources.js';
import { countRecordsBySource } from '../store/queries/vulnerability-records.js';
import { requireRole, type ServiceContext } from './context.js';

export interface FeedStatus {
  /** Stored records per source, withdrawn ones counted apart. */
  readonly sources: readonly {
    readonly source: string;
    readonly records: number;
    readonly withdrawn: number;
    readonly lastUpdatedAt: string | null;
  }[];
  readonly kevEntries: number;
  readonly epssScores: number;
  readonly epssDate: string | null;
  /** The last import and the last sync of each configured source. */
  readonly runs: readonly {
    readonly source: string;
    readonly lastRunAt: string | null;
    readonly lastSuccessAt: string | null;
    readonly lastError: string | null;
    readonly lastSummary: unknown;
  }[];
}

/** `feeds status`: what the database holds and how its feeds last went. */
export async function feedStatus(ctx: ServiceContext): Promise<FeedStatus> {
  requireRole(ctx.actor, 'viewer');
  const db = ctx.store.db;
  const signals = await countExploitSignals(db);
  return {
    sources: (await countRecordsBySource(db)).map((s) => ({ ...s, lastUpdatedAt: s.lastUpdatedAt ?? null })),
    kevEntries: signals.kevEntries,
    epssScores: signals.epssScores,
    epssDate: signals.epssDate ?? null,
    runs: (await listFeedSources(db)).map((row) => ({
      source: row.sourceKey,
      lastRunAt: row.lastRunAt ?? null,
      lastSuccessAt: row.lastSuccessAt ?? null,
      lastError: row.lastError ?? null,
      lastSummary: row.lastSummary ?? null,
    })),
  };
}
