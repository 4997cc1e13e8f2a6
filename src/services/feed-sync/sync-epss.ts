import { baseUrlOf, defaultFeedBaseUrls, type EpssFeedSource } from './feed-source.js';
import type { SourceOutcome, SourceRun } from './source-run.js';
import { syncFiles } from './sync-single-file.js';

/** FIRST's current EPSS scores, kept gzip-compressed as published. */
export async function syncEpss(run: SourceRun, source: EpssFeedSource): Promise<SourceOutcome> {
  const base = baseUrlOf(source, defaultFeedBaseUrls.epss);
  return syncFiles(run, [
    { url: `${base}/epss_scores-current.csv.gz`, relative: 'epss_scores-current.csv.gz', kind: 'epss-csv-gz' },
  ]);
}
