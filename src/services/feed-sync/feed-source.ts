import { AppError } from '../../core/app-error.js';

/** Where each kind of feed lives upstream; every source can point elsewhere (a mirror, a test server). */
export const defaultFeedBaseUrls = {
  /** osv.dev's public export bucket: `{base}/{Ecosystem}/all.zip`. */
  osv: 'https://osv-vulnerabilities.storage.googleapis.com',
  /** NVD CVE API 2.0: `{base}/rest/json/cves/2.0`. */
  nvd: 'https://services.nvd.nist.gov',
  /** CISA KEV catalog: `{base}/sites/default/files/feeds/known_exploited_vulnerabilities.{json,csv}`. */
  kev: 'https://www.cisa.gov',
  /** FIRST EPSS daily scores: `{base}/epss_scores-current.csv.gz`. */
  epss: 'https://epss.empiricalsecurity.com',
} as const;

interface FeedSourceCommon {
  /**
   * Names the source in sync state and its folder in the cache; defaults to the kind
   * (`csaf-<provider host>` for CSAF). Letters, digits, `.`, `_` and `-` only.
   */
  readonly key?: string;
}

/** osv.dev exports, one `all.zip` per ecosystem (`PyPI`, `Maven`, `Debian:12`, …). */
export interface OsvFeedSource extends FeedSourceCommon {
  readonly kind: 'osv';
  readonly ecosystems: readonly string[];
  readonly baseUrl?: string;
}

/** The NVD CVE API 2.0, paged; incremental by last-modified date after the first full sync. */
export interface NvdFeedSource extends FeedSourceCommon {
  readonly kind: 'nvd';
  readonly baseUrl?: string;
  /** Sent as the `apiKey` header; raises NVD's rate limit from 5 to 50 requests per 30 s. */
  readonly apiKey?: string;
  /** Page size, at most 2,000 (NVD's maximum, the default). */
  readonly resultsPerPage?: number;
  /** Widest lastModStartDate…lastModEndDate range per request (NVD allows 120 days, the default). */
  readonly maxRangeDays?: number;
  /** Overrides NVD's published rate limit (requests per window). */
  readonly rateLimit?: { readonly requests: number; readonly windowMs: number };
}

/** The CISA Known Exploited Vulnerabilities catalog, as JSON (default) or CSV. */
export interface KevFeedSource extends FeedSourceCommon {
  readonly kind: 'kev';
  readonly baseUrl?: string;
  readonly format?: 'json' | 'csv';
}

/** FIRST's EPSS scores of the day, gzip-compressed CSV. */
export interface EpssFeedSource extends FeedSourceCommon {
  readonly kind: 'epss';
  readonly baseUrl?: string;
}

/** A CSAF 2.0 provider, found through its provider-metadata.json (CSAF 2.0 §7.1.1, §7.1.20). */
export interface CsafFeedSource extends FeedSourceCommon {
  readonly kind: 'csaf';
  /** e.g. `https://example.com/.well-known/csaf/provider-metadata.json`. */
  readonly providerMetadataUrl: string;
  /** ROLIE feeds whose `tlp_label` is one of these are read (default WHITE and CLEAR). */
  readonly tlpLabels?: readonly string[];
  /**
   * `if-published` (default): verify a document's .sha256/.sha512 when the provider has one;
   * `require`: a document without one fails the sync; `skip`: never fetch them.
   */
  readonly checksums?: 'if-published' | 'require' | 'skip';
  /** Advisory documents downloaded at once (default 4). */
  readonly concurrency?: number;
}

export type FeedSource = OsvFeedSource | NvdFeedSource | KevFeedSource | EpssFeedSource | CsafFeedSource;
export type FeedSourceKind = FeedSource['kind'];

const keyPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The key a source's state is kept under and its cache folder is named after. */
export function feedSourceKey(source: FeedSource): string {
  const key = source.key ?? defaultKey(source);
  if (!keyPattern.test(key)) {
    throw new AppError(
      'invalid-input',
      `feed source key "${key}" may only hold letters, digits, ".", "_" and "-" (it names a cache folder)`,
    );
  }
  return key;
}

function defaultKey(source: FeedSource): string {
  if (source.kind !== 'csaf') return source.kind;
  const url = parseHttpUrl(source.providerMetadataUrl, 'CSAF provider-metadata URL');
  return `csaf-${url.host.replace(/[^A-Za-z0-9.-]/g, '_')}`;
}

/** A base URL without its trailing slashes, so paths can be appended with one. */
export function baseUrlOf(source: { readonly baseUrl?: string }, fallback: string): string {
  const base = source.baseUrl ?? fallback;
  parseHttpUrl(base, 'feed base URL');
  return base.replace(/\/+$/, '');
}

/** Parses an http(s) URL or refuses it naming what it was for. */
export function parseHttpUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new AppError('invalid-input', `${what} is not a URL: ${value}`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid-input', `${what} must be http or https: ${value}`);
  }
  return url;
}
