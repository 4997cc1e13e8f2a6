import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { AppError } from '../../core/app-error.js';
import { fetchDocument } from './fetch-document.js';
import { baseUrlOf, defaultFeedBaseUrls, type NvdFeedSource } from './feed-source.js';
import type { HttpContext } from './feed-sync-options.js';
import { SlidingWindowLimiter } from './sliding-window-limiter.js';
import type { SourceOutcome, SourceRun, StagedArtifact } from './source-run.js';

const dayMs = 24 * 60 * 60 * 1000;
/** NVD's largest page (CVE API 2.0 docs, `resultsPerPage`). */
const maxResultsPerPage = 2000;
/** NVD's published limits per rolling 30-second window, without and with an API key. */
export const nvdRateLimits = {
  anonymous: { requests: 5, windowMs: 30_000 },
  withApiKey: { requests: 50, windowMs: 30_000 },
} as const;
/** NVD pages of 2,000 CVEs with configurations run to tens of MB. */
const maxPageBytes = 512 * 1024 * 1024;

/**
 * The NVD CVE API 2.0, paged by `startIndex` until `totalResults`. The first sync reads every
 * CVE; later ones ask for `lastModStartDate` = the end of the last successful sync up to when this
 * one started, split into windows of at most 120 days (NVD refuses wider ranges). Every request,
 * retries included, takes a slot of NVD's rate limit. Each non-empty page is kept as it came
 * (`nvd/cves-00000.json`, …, an NVD API response document); the folder is replaced per run, since
 * pages are deltas. The next state's cursor is this sync's start, so changes made while paging are
 * read again next time rather than missed.
 */
export async function syncNvd(run: SourceRun, source: NvdFeedSource): Promise<SourceOutcome> {
  const base = baseUrlOf(source, defaultFeedBaseUrls.nvd);
  const perPage = source.resultsPerPage ?? maxResultsPerPage;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > maxResultsPerPage) {
    throw new AppError('invalid-input', `NVD resultsPerPage must be 1…${maxResultsPerPage}, not ${perPage}`);
  }
  const rangeDays = source.maxRangeDays ?? 120;
  if (!(rangeDays > 0 && rangeDays <= 120)) {
    throw new AppError('invalid-input', `NVD maxRangeDays must be more than 0 and at most 120, not ${rangeDays}`);
  }
  const hasKey = source.apiKey !== undefined && source.apiKey !== '';
  const limit = source.rateLimit ?? (hasKey ? nvdRateLimits.withApiKey : nvdRateLimits.anonymous);
  const limiter = new SlidingWindowLimiter(limit.requests, limit.windowMs, run.ctx.clock, run.ctx.sleep);
  const ctx: HttpContext = {
    ...run.ctx,
    acquireSlot: async (url) => {
      const waited = await limiter.acquire(run.ctx.signal);
      if (waited > 0) run.ctx.onEvent({ type: 'rate-limit', url, waitMs: waited });
    },
  };
  const headers: Record<string, string> = hasKey ? { apiKey: source.apiKey ?? '' } : {};

  const end = run.startedAt;
  const windows = dateWindows(run.previous.cursor, end, rangeDays * dayMs);
  const artifacts: StagedArtifact[] = [];
  for (const window of windows) {
    let startIndex = 0;
    let total = 0;
    do {
      const params = new URLSearchParams({ startIndex: String(startIndex), resultsPerPage: String(perPage) });
      if (window !== undefined) {
        params.set('lastModStartDate', nvdDate(window.start));
        params.set('lastModEndDate', nvdDate(window.end));
      }
      const url = `${base}/rest/json/cves/2.0?${params.toString()}`;
      const fetched = await fetchDocument(ctx, { url, headers, maxBytes: maxPageBytes, check: readNvdPage });
      if (fetched.status !== 'ok') throw new AppError('internal', `GET ${url}: unexpected ${fetched.status}`);
      const page = readNvdPage(fetched.bytes);
      total = page.totalResults;
      if (page.count > 0) {
        const relative = `cves-${String(artifacts.length).padStart(5, '0')}.json`;
        const path = run.staging.stage(relative);
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, fetched.bytes);
        const sha256 = createHash('sha256').update(fetched.bytes).digest('hex');
        artifacts.push({ relative, kind: 'nvd-json', url, sha256 });
      } else if (startIndex < total) {
        throw new AppError(
          'source-unavailable',
          `GET ${url}: NVD returned no CVE at startIndex ${startIndex} of ${total}; cannot page on`,
        );
      }
      startIndex += page.count;
    } while (startIndex < total);
  }
  const previousCursor = run.previous.cursor === undefined ? undefined : Date.parse(run.previous.cursor);
  const cursor = Math.max(end, previousCursor ?? end);
  return {
    artifacts,
    nextState: { lastSuccessAt: new Date(run.startedAt).toISOString(), cursor: new Date(cursor).toISOString() },
    replaceAll: true,
  };
}

/** `[undefined]` for a full sync; otherwise consecutive windows from the cursor to `end`. */
export function dateWindows(
  cursor: string | undefined,
  end: number,
  maxRangeMs: number,
): (undefined | { start: number; end: number })[] {
  if (cursor === undefined) return [undefined];
  const from = Date.parse(cursor);
  if (Number.isNaN(from)) {
    throw new AppError('invalid-input', `the stored NVD sync cursor "${cursor}" is not a date`);
  }
  const windows: { start: number; end: number }[] = [];
  for (let start = from; start < end; start = Math.min(start + maxRangeMs, end)) {
    windows.push({ start, end: Math.min(start + maxRangeMs, end) });
  }
  return windows;
}

/** NVD's extended ISO-8601 form with an explicit offset: `2024-01-31T09:05:00.000+00:00`. */
export function nvdDate(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '+00:00');
}

/** The paging fields of an NVD CVE API 2.0 response; throws when the body is not one. */
function readNvdPage(bytes: Uint8Array): { totalResults: number; count: number } {
  const value = JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  const { totalResults, vulnerabilities } = value as { totalResults?: unknown; vulnerabilities?: unknown };
  if (typeof totalResults !== 'number' || !Number.isInteger(totalResults) || totalResults < 0) {
    throw new Error('no totalResults');
  }
  if (!Array.isArray(vulnerabilities)) throw new Error('no vulnerabilities array');
  return { totalResults, count: vulnerabilities.length };
}
