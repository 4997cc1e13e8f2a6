import { CvssScore, type SeverityRating } from '../../core/vulnerability-cvss.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';

/** OSV `severity[]` entries read into CVSS vectors and qualitative ratings. */
export interface OsvSeverities {
  readonly cvss: CvssScore[];
  readonly ratings: SeverityRating[];
  readonly warnings: FeedDiagnostic[];
}

/**
 * Reads OSV severity entries (OSV schema "severity": `CVSS_V2`, `CVSS_V3`, `CVSS_V4` vectors and
 * `Ubuntu` priorities). The CVSS version comes from the vector itself; an entry whose vector is
 * not CVSS is skipped with a warning rather than stored under a wrong version.
 */
export function readOsvSeverities(
  entries: readonly Record<string, unknown>[],
  options: { readonly source: string; readonly pointer: string; readonly recordId: string },
): OsvSeverities {
  const out: OsvSeverities = { cvss: [], ratings: [], warnings: [] };
  entries.forEach((entry, index) => {
    const type = entry['type'];
    const score = entry['score'];
    const warn = (message: string): void => {
      out.warnings.push({
        severity: 'warning',
        path: `${options.pointer}/${index}`,
        message,
        recordId: options.recordId,
      });
    };
    if (typeof score !== 'string') return warn('severity entry without a score string: ignored');
    if (type === 'Ubuntu') return void out.ratings.push({ source: 'Ubuntu', rating: score });
    const version = CvssScore.versionOfVector(score);
    if (version === undefined) return warn(`'${score}' is not a CVSS vector: ignored`);
    const expected = { CVSS_V2: ['2.0'], CVSS_V3: ['3.0', '3.1'], CVSS_V4: ['4.0'] }[String(type)];
    if (expected !== undefined && !expected.includes(version)) {
      warn(`severity type ${String(type)} does not match the CVSS ${version} vector; the vector's version is used`);
    }
    out.cvss.push({ version, vector: score, source: options.source });
  });
  return out;
}
