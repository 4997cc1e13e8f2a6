import { baseUrlOf, defaultFeedBaseUrls, type KevFeedSource } from './feed-source.js';
import type { SourceOutcome, SourceRun } from './source-run.js';
import { syncFiles } from './sync-single-file.js';

/** The CISA KEV catalog, JSON or CSV, at CISA's published path. */
export async function syncKev(run: SourceRun, source: KevFeedSource): Promise<SourceOutcome> {
  const format = source.format ?? 'json';
  const name = `known_exploited_vulnerabilities.${format}`;
  const base = baseUrlOf(source, defaultFeedBaseUrls.kev);
  return syncFiles(run, [
    {
      url: `${base}/sites/default/files/feeds/${name}`,
      relative: name,
      kind: format === 'json' ? 'kev-json' : 'kev-csv',
    },
  ]);
}
