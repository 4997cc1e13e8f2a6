import type { CvssVersion } from '../vulnerability-cvss.js';

/** Qualitative severity, spelled as the FIRST CVSS JSON schemas, NVD and CVE records spell it. */
export type CvssSeverity = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/**
 * The rating of a score. v3.x and v4.0 use the specifications' scale (None 0.0, Low 0.1–3.9,
 * Medium 4.0–6.9, High 7.0–8.9, Critical 9.0–10.0). CVSS v2 defines no scale; NVD's
 * convention (Low 0.0–3.9, Medium 4.0–6.9, High 7.0–10.0) is the one feeds carry.
 */
export function cvssSeverity(score: number, version: CvssVersion): CvssSeverity {
  if (version === '2.0') return score < 4 ? 'LOW' : score < 7 ? 'MEDIUM' : 'HIGH';
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  return score < 9 ? 'HIGH' : 'CRITICAL';
}
