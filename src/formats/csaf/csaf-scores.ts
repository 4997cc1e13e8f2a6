import { CvssScore, type SeverityRating } from '../../core/vulnerability-cvss.js';
import type { VulnerabilityReference } from '../../core/vulnerability.js';
import {
  csafMetricSchema,
  csafScoreSchema,
  readItems,
  type CsafVulnerabilityJson,
  type CsafWarn,
} from './csaf-json.js';

/** CVSS vectors and qualitative ratings of one vulnerability. */
export interface CsafScores {
  readonly cvss: CvssScore[];
  readonly ratings: SeverityRating[];
}

/** The FIRST calculator links CISA puts in references, the only place a CSAF 2.0 file can hold a CVSS 4.0 vector. */
const calculatorLink = /^https?:\/\/(?:www\.)?first\.org\/cvss\/calculator\/[0-9.]+#(CVSS:[0-9.]+\/.+)$/;

/**
 * Reads CSAF 2.0 `scores[]` (`cvss_v2`, `cvss_v3`) and CSAF 2.1 `metrics[]` (`content.cvss_v2/v3/v4`,
 * `qualitative_severity_rating`), each vector once, scored by the document's publisher. Vectors
 * given only as FIRST calculator links in the references (CISA's CVSS 4.0 vectors, domain notes
 * §4.2) are added after them. A vector that is not CVSS is skipped with a warning.
 */
export function readCsafScores(
  json: CsafVulnerabilityJson,
  references: readonly VulnerabilityReference[],
  options: { readonly source: string; readonly pointer: string; readonly warn: CsafWarn },
): CsafScores {
  const { source, pointer, warn } = options;
  const out: CsafScores = { cvss: [], ratings: [] };
  const add = (
    cvss: { vectorString: string; baseScore?: number | undefined; baseSeverity?: string | undefined },
    at: string,
  ): void => {
    const score = CvssScore.fromVector({
      vector: cvss.vectorString,
      source,
      baseScore: cvss.baseScore,
      baseSeverity: cvss.baseSeverity,
    });
    if (score === undefined) warn(at, `'${cvss.vectorString}' is not a CVSS vector: ignored`);
    else if (!out.cvss.some((seen) => seen.vector === score.vector)) out.cvss.push(score);
  };
  for (const { value, pointer: at } of readItems(json.scores, csafScoreSchema, `${pointer}/scores`, warn, 'score')) {
    if (value.cvss_v3 !== undefined) add(value.cvss_v3, `${at}/cvss_v3`);
    if (value.cvss_v2 !== undefined) add(value.cvss_v2, `${at}/cvss_v2`);
  }
  for (const { value, pointer: at } of readItems(
    json.metrics,
    csafMetricSchema,
    `${pointer}/metrics`,
    warn,
    'metric',
  )) {
    const { content } = value;
    if (content.cvss_v4 !== undefined) add(content.cvss_v4, `${at}/content/cvss_v4`);
    if (content.cvss_v3 !== undefined) add(content.cvss_v3, `${at}/content/cvss_v3`);
    if (content.cvss_v2 !== undefined) add(content.cvss_v2, `${at}/content/cvss_v2`);
    const rating = content.qualitative_severity_rating;
    if (rating !== undefined && !out.ratings.some((seen) => seen.rating === rating))
      out.ratings.push({ source, rating });
  }
  for (const reference of references) {
    const vector = calculatorLink.exec(reference.url)?.[1];
    const score = vector === undefined ? undefined : CvssScore.fromVector({ vector: decodeFragment(vector), source });
    if (score !== undefined && !out.cvss.some((seen) => seen.vector === score.vector)) out.cvss.push(score);
  }
  return out;
}

function decodeFragment(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
