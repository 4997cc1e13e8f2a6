import type { SarifLevel } from './sarif-log.js';

/** The highest base score any source stated, or undefined when none gave one. */
export function highestCvssScore(cvss: readonly { readonly score: number | null }[]): number | undefined {
  let highest: number | undefined;
  for (const { score } of cvss) {
    if (score !== null && Number.isFinite(score) && (highest === undefined || score > highest)) highest = score;
  }
  return highest;
}

/**
 * SARIF level from the highest CVSS base score: `error` from 7.0 (CVSS high and critical),
 * `warning` from 4.0 (medium), `note` below and when no score is known, so an unscored
 * vulnerability is still reported, never dropped as `none`.
 */
export function sarifLevelOf(score: number | undefined): SarifLevel {
  if (score === undefined) return 'note';
  if (score >= 7) return 'error';
  if (score >= 4) return 'warning';
  return 'note';
}

/**
 * The rule property GitHub code scanning reads to rank security alerts: the score as a
 * string with one decimal (`"9.8"`), as CVSS states base scores.
 */
export function securitySeverityOf(score: number): string {
  return score.toFixed(1);
}
