export {
  defaultFeedBaseUrls,
  feedSourceKey,
  type CsafFeedSource,
  type EpssFeedSource,
  type FeedSource,
  type FeedSourceKind,
  type KevFeedSource,
  type NvdFeedSource,
  type OsvFeedSource,
} from './feed-source.js';
export type {
  Clock,
  FeedSyncEvent,
  FeedSyncOptions,
  FeedSyncRetryOptions,
  FeedSyncTimeouts,
  Sleep,
} from './feed-sync-options.js';
export type { FeedArtifact, FeedArtifactKind, FeedSyncResult } from './feed-sync-result.js';
export { nvdRateLimits } from './sync-nvd.js';
export { syncFeeds, syncFeedSource } from './sync-feeds.js';
export type { ResourceState, SyncState, SyncStateStore } from './sync-state.js';
