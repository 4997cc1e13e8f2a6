import type { ArtifactStaging } from './artifact-staging.js';
import type { FeedArtifactKind } from './feed-sync-result.js';
import type { HttpContext } from './feed-sync-options.js';
import type { SyncState } from './sync-state.js';

/** What every source's sync gets: the network, a staging area, and the state of the last success. */
export interface SourceRun {
  readonly ctx: HttpContext;
  readonly staging: ArtifactStaging;
  readonly previous: SyncState;
  /** When this sync started (ms since the epoch, from the injected clock). */
  readonly startedAt: number;
}

/** A complete, verified file waiting in staging. */
export interface StagedArtifact {
  /** Path below the source's cache folder, `/`-separated. */
  readonly relative: string;
  readonly kind: FeedArtifactKind;
  readonly url: string;
  readonly sha256: string;
  readonly ecosystem?: string;
}

export interface SourceOutcome {
  readonly artifacts: readonly StagedArtifact[];
  readonly nextState: SyncState;
  /** Replace the source's cache folder instead of adding to it (see ArtifactStaging.commit). */
  readonly replaceAll?: boolean;
}
