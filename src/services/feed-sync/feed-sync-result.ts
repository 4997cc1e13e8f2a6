import type { AppError } from '../../core/app-error.js';
import type { FeedSourceKind } from './feed-source.js';
import type { SyncState } from './sync-state.js';

export type FeedArtifactKind = 'osv-zip' | 'nvd-json' | 'kev-json' | 'kev-csv' | 'epss-csv-gz' | 'csaf-json';

/** One downloaded file, complete and verified, at its final place in the cache. */
export interface FeedArtifact {
  /** Absolute path in the cache. */
  readonly path: string;
  readonly kind: FeedArtifactKind;
  /** Where it was downloaded from. */
  readonly url: string;
  /** Hex SHA-256 of the file as stored. */
  readonly sha256: string;
  /** osv-zip only: the ecosystem the zip holds. */
  readonly ecosystem?: string;
}

interface FeedSyncCommon {
  /** The source key (see feedSourceKey). */
  readonly source: string;
  readonly kind: FeedSourceKind;
}

/**
 * What one source's sync did. `downloaded`: import `artifacts` (in order), then persist
 * `nextState`. `unchanged`: nothing to import, persist `nextState` (it moves the NVD cursor and
 * lastSuccessAt). `failed`: nothing was placed in the cache; keep the old state.
 */
export type FeedSyncResult =
  | (FeedSyncCommon & {
      readonly status: 'downloaded';
      readonly artifacts: readonly FeedArtifact[];
      readonly nextState: SyncState;
    })
  | (FeedSyncCommon & { readonly status: 'unchanged'; readonly artifacts: readonly []; readonly nextState: SyncState })
  | (FeedSyncCommon & { readonly status: 'failed'; readonly artifacts: readonly []; readonly error: AppError });
