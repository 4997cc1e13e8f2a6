import { downloadFile, type DownloadRequest } from './download-file.js';
import type { FeedArtifactKind } from './feed-sync-result.js';
import type { SourceOutcome, SourceRun } from './source-run.js';
import type { ResourceState } from './sync-state.js';

/** One file downloaded conditionally into the cache (used for each OSV zip, KEV and EPSS). */
export interface SingleFile {
  readonly url: string;
  readonly relative: string;
  readonly kind: FeedArtifactKind;
  readonly ecosystem?: string;
  readonly digestFromResponse?: DownloadRequest['digestFromResponse'];
}

/**
 * Downloads each file unless the server says it has not changed since the last success; the next
 * state keeps every file's validators, including the unchanged ones', so later runs stay conditional.
 */
export async function syncFiles(run: SourceRun, files: readonly SingleFile[]): Promise<SourceOutcome> {
  const resources: Record<string, ResourceState> = {};
  const artifacts = [];
  for (const file of files) {
    const previous = run.previous.resources?.[file.url];
    const outcome = await downloadFile(run.ctx, {
      url: file.url,
      target: run.staging.stage(file.relative),
      partialDir: run.staging.partialDir,
      ...(previous === undefined ? {} : { previous }),
      ...(file.digestFromResponse === undefined ? {} : { digestFromResponse: file.digestFromResponse }),
    });
    if (outcome.status === 'not-modified') {
      if (previous !== undefined) resources[file.url] = previous;
      continue;
    }
    resources[file.url] = {
      ...(outcome.etag === undefined ? {} : { etag: outcome.etag }),
      ...(outcome.lastModified === undefined ? {} : { lastModified: outcome.lastModified }),
    };
    artifacts.push({
      relative: file.relative,
      kind: file.kind,
      url: file.url,
      sha256: outcome.sha256,
      ...(file.ecosystem === undefined ? {} : { ecosystem: file.ecosystem }),
    });
  }
  return { artifacts, nextState: { lastSuccessAt: new Date(run.startedAt).toISOString(), resources } };
}
