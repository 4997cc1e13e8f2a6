import { AppError } from '../../core/app-error.js';
import type { ExpectedDigest } from './download-file.js';
import { baseUrlOf, defaultFeedBaseUrls, type OsvFeedSource } from './feed-source.js';
import type { SourceOutcome, SourceRun } from './source-run.js';
import { syncFiles } from './sync-single-file.js';

/**
 * osv.dev's export bucket: `{base}/{Ecosystem}/all.zip` per ecosystem, one `<ID>.json` per
 * advisory inside. Cached as `osv/<Ecosystem, URI-encoded>/all.zip`. The bucket's
 * `x-goog-hash` MD5, when sent, is checked against the downloaded zip.
 */
export async function syncOsv(run: SourceRun, source: OsvFeedSource): Promise<SourceOutcome> {
  if (source.ecosystems.length === 0) {
    throw new AppError('invalid-input', 'the OSV feed source names no ecosystem (e.g. PyPI, Maven, Debian:12)');
  }
  const base = baseUrlOf(source, defaultFeedBaseUrls.osv);
  const files = source.ecosystems.map((ecosystem) => {
    if (ecosystem.trim() === '' || ecosystem.includes('/') || ecosystem === '.' || ecosystem === '..') {
      throw new AppError('invalid-input', `"${ecosystem}" is not an OSV ecosystem name`);
    }
    // Ecosystem names carry `:` and spaces (`Debian:12`, `GitHub Actions`); the bucket takes `:` as is.
    const segment = encodeURIComponent(ecosystem).replaceAll('%3A', ':');
    return {
      url: `${base}/${segment}/all.zip`,
      relative: `${encodeURIComponent(ecosystem)}/all.zip`,
      kind: 'osv-zip' as const,
      ecosystem,
      digestFromResponse: googleMd5,
    };
  });
  return syncFiles(run, files);
}

/** `x-goog-hash: crc32c=…, md5=<base64>` (Cloud Storage; absent for composite objects). */
function googleMd5(response: Response): ExpectedDigest | undefined {
  const match = /(?:^|[\s,])md5=([A-Za-z0-9+/]+=*)/.exec(response.headers.get('x-goog-hash') ?? '');
  if (match?.[1] === undefined) return undefined;
  const bytes = Buffer.from(match[1], 'base64');
  return bytes.length === 16
    ? { algorithm: 'md5', hex: bytes.toString('hex'), from: 'the x-goog-hash header' }
    : undefined;
}
