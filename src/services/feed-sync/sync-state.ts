/** What was last seen of one URL, for conditional requests and incremental reads. */
export interface ResourceState {
  /** The `ETag` of the last complete download (sent back as `If-None-Match`). */
  readonly etag?: string;
  /** The `Last-Modified` of the last complete download (sent back as `If-Modified-Since`). */
  readonly lastModified?: string;
  /** CSAF feeds: the newest `updated` / changes.csv timestamp already downloaded (ISO 8601). */
  readonly cursor?: string;
}

/**
 * Per-source sync state. Plain JSON so any store can keep it. A sync never writes it: it returns
 * the next state, which the caller persists only once the downloaded artifacts were imported, so a
 * failed import is simply downloaded again next time.
 */
export interface SyncState {
  /** When the last successful sync started (ISO 8601). */
  readonly lastSuccessAt?: string;
  /** NVD: the lastModEndDate the last sync covered; the next sync asks for changes since then. */
  readonly cursor?: string;
  /** Validators and cursors by absolute URL (one per OSV ecosystem zip, KEV/EPSS file, CSAF feed). */
  readonly resources?: Readonly<Record<string, ResourceState>>;
}

/** Where sync state lives; the feed sync only reads it. */
export interface SyncStateStore {
  get(sourceKey: string): Promise<SyncState | undefined>;
  put(sourceKey: string, state: SyncState): Promise<void>;
}
