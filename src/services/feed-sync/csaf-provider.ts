import { AppError } from '../../core/app-error.js';

/** Where a CSAF provider lists its advisories (CSAF 2.0 §7.1.20 provider-metadata `distributions`). */
export type CsafListing =
  | { readonly kind: 'rolie'; readonly url: string; readonly tlpLabel: string }
  | { readonly kind: 'directory'; readonly url: string };

/** One advisory a listing names. */
export interface CsafDocumentRef {
  readonly url: string;
  /** ROLIE `updated` or the changes.csv timestamp; undefined in index.txt. */
  readonly updated?: string;
  /** A checksum file the listing links (ROLIE link `rel: hash`). */
  readonly hashUrl?: string;
}

/**
 * The listings of a provider-metadata.json: every ROLIE feed whose TLP label is accepted, and
 * the `directory_url` of distributions without ROLIE feeds. URLs resolve against the metadata's.
 */
export function readProviderMetadata(value: unknown, metadataUrl: string, tlpLabels: readonly string[]): CsafListing[] {
  const accepted = new Set(tlpLabels.map((l) => l.toUpperCase()));
  const distributions = isObject(value) ? value['distributions'] : undefined;
  if (!Array.isArray(distributions)) {
    throw new AppError('invalid-input', `${metadataUrl} is not a CSAF provider metadata document (no distributions)`);
  }
  const listings: CsafListing[] = [];
  for (const distribution of distributions) {
    if (!isObject(distribution)) continue;
    const rolie = distribution['rolie'];
    const feeds = isObject(rolie) && Array.isArray(rolie['feeds']) ? rolie['feeds'] : undefined;
    if (feeds !== undefined) {
      for (const feed of feeds) {
        if (!isObject(feed) || typeof feed['url'] !== 'string') continue;
        const tlpLabel = typeof feed['tlp_label'] === 'string' ? feed['tlp_label'].toUpperCase() : 'UNLABELED';
        if (accepted.has(tlpLabel))
          listings.push({ kind: 'rolie', url: resolveUrl(feed['url'], metadataUrl), tlpLabel });
      }
    } else if (typeof distribution['directory_url'] === 'string') {
      listings.push({ kind: 'directory', url: resolveUrl(distribution['directory_url'], metadataUrl) });
    }
  }
  return listings;
}

/** The advisories of a ROLIE feed (RFC 8322): each entry's `self` link (or content src). */
export function readRolieFeed(value: unknown, feedUrl: string): CsafDocumentRef[] {
  const feed = isObject(value) ? value['feed'] : undefined;
  if (!isObject(feed)) throw new AppError('invalid-input', `${feedUrl} is not a ROLIE feed (no feed object)`);
  const entries = feed['entry'] ?? [];
  if (!Array.isArray(entries)) throw new AppError('invalid-input', `${feedUrl}: feed.entry is not an array`);
  const refs: CsafDocumentRef[] = [];
  for (const entry of entries) {
    if (!isObject(entry)) continue;
    const links = Array.isArray(entry['link']) ? entry['link'].filter(isObject) : [];
    const content = isObject(entry['content']) ? entry['content']['src'] : undefined;
    const self = links.find((l) => l['rel'] === 'self' && typeof l['href'] === 'string')?.['href'] ?? content;
    if (typeof self !== 'string') continue;
    // The spec writes `rel: "hash"`; CISA's feeds write `ref: "hash"`.
    const hashes = links
      .filter((l) => (l['rel'] === 'hash' || l['ref'] === 'hash') && typeof l['href'] === 'string')
      .map((l) => l['href'] as string);
    const hash = hashes.find((h) => h.endsWith('.sha256')) ?? hashes.find((h) => h.endsWith('.sha512'));
    const updated = typeof entry['updated'] === 'string' ? entry['updated'] : undefined;
    refs.push({
      url: resolveUrl(self, feedUrl),
      ...(updated === undefined ? {} : { updated }),
      ...(hash === undefined ? {} : { hashUrl: resolveUrl(hash, feedUrl) }),
    });
  }
  return refs;
}

/**
 * changes.csv (CSAF 2.0 §7.1.14): `"path","timestamp"` per line, newest first, paths relative
 * to the directory. Quotes are optional in practice (CISA writes none).
 */
export function readChangesCsv(text: string, directoryUrl: string, fileUrl: string): CsafDocumentRef[] {
  const refs: CsafDocumentRef[] = [];
  for (const [index, raw] of text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^"?([^",]+)"?\s*,\s*"?([^",]+)"?$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined || Number.isNaN(Date.parse(match[2]))) {
      throw new AppError('invalid-input', `${fileUrl}, line ${index + 1}: expected "path","timestamp", got ${line}`);
    }
    refs.push({ url: resolveUrl(match[1], directoryBase(directoryUrl)), updated: match[2] });
  }
  return refs;
}

/** index.txt (CSAF 2.0 §7.1.13): one path per line, relative to the directory. */
export function readIndexTxt(text: string, directoryUrl: string): CsafDocumentRef[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ url: resolveUrl(line, directoryBase(directoryUrl)) }));
}

/** The hex digest in a `.sha256` / `.sha512` file (`<hex>  <file name>` or just `<hex>`). */
export function readChecksumFile(text: string, fileUrl: string): { algorithm: 'sha256' | 'sha512'; hex: string } {
  const token = text.trim().split(/\s+/)[0] ?? '';
  if (/^[0-9a-fA-F]{64}$/.test(token)) return { algorithm: 'sha256', hex: token.toLowerCase() };
  if (/^[0-9a-fA-F]{128}$/.test(token)) return { algorithm: 'sha512', hex: token.toLowerCase() };
  throw new AppError('invalid-input', `${fileUrl} holds no SHA-256 or SHA-512 digest`);
}

export function directoryBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function resolveUrl(reference: string, base: string): string {
  let url: URL;
  try {
    url = new URL(reference, base);
  } catch (cause) {
    throw new AppError('invalid-input', `${base} links "${reference}", which is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('invalid-input', `${base} links ${url.href}, which is not http or https`);
  }
  return url.href;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
