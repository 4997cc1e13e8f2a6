import type { CvssVersion } from '../vulnerability-cvss.js';
import { cvssMetricTables } from './cvss-metric-definitions.js';

/** A syntactically valid CVSS vector: its version and its metrics in the order the vector gives them. */
export interface ParsedCvssVector {
  readonly ok: true;
  readonly version: CvssVersion;
  readonly metrics: ReadonlyMap<string, string>;
}

/** Why a string is not a valid CVSS vector; the message names the offending metric. */
export interface CvssVectorError {
  readonly ok: false;
  readonly message: string;
}

export type CvssVectorParse = ParsedCvssVector | CvssVectorError;

const prefixedVersions: Readonly<Record<string, CvssVersion>> = {
  'CVSS:3.0': '3.0',
  'CVSS:3.1': '3.1',
  'CVSS:4.0': '4.0',
};

/**
 * Reads a CVSS vector strictly: v2 without prefix (optionally in parentheses, as some older
 * feeds write it), v3.0/v3.1/v4.0 with their `CVSS:x.y/` prefix. Every base metric is mandatory;
 * unknown or repeated metrics, values outside the specification's set, empty components and
 * whitespace are refused. Metric order is not enforced: the v3 specifications allow any order,
 * and real feeds publish v2 and v4 vectors out of the preferred order that reference scorers
 * (FIRST's and Red Hat's) accept.
 */
export function parseCvssVector(vector: string): CvssVectorParse {
  if (vector.length === 0) return refuse('empty CVSS vector');
  if (/\s/.test(vector)) return refuse(`CVSS vector ${quote(vector)} contains whitespace`);

  let version: CvssVersion;
  let body: string;
  if (vector.startsWith('CVSS:')) {
    const slash = vector.indexOf('/');
    const prefix = slash < 0 ? vector : vector.slice(0, slash);
    const prefixed = prefixedVersions[prefix];
    if (prefixed === undefined) {
      return refuse(
        `unsupported CVSS vector prefix ${quote(prefix)}: expected CVSS:3.0, CVSS:3.1 or CVSS:4.0 (CVSS v2 vectors carry no prefix)`,
      );
    }
    version = prefixed;
    body = slash < 0 ? '' : vector.slice(slash + 1);
  } else {
    version = '2.0';
    body = vector;
    const open = body.startsWith('(');
    if (open !== body.endsWith(')')) return refuse(`CVSS 2.0 vector ${quote(vector)} has unbalanced parentheses`);
    if (open) body = body.slice(1, -1);
  }

  const label = `CVSS ${version} vector`;
  if (body.length === 0) return refuse(`${label} has no metrics`);
  const table = cvssMetricTables[version];
  const metrics = new Map<string, string>();
  const parts = body.split('/');
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    const colon = part.indexOf(':');
    if (colon <= 0 || colon === part.length - 1 || part.includes(':', colon + 1)) {
      return refuse(
        part.length === 0
          ? `${label}: empty component at position ${index + 1}`
          : `${label}: component ${quote(part)} is not METRIC:VALUE`,
      );
    }
    const metric = part.slice(0, colon);
    const value = part.slice(colon + 1);
    const definition = table.metrics.get(metric);
    if (definition === undefined)
      return refuse(`${label}: unknown metric ${quote(metric)}${prefixHint(version, metric, metrics)}`);
    if (metrics.has(metric)) return refuse(`${label}: metric ${quote(metric)} appears more than once`);
    if (!definition.values.has(value)) {
      return refuse(
        `${label}: invalid value ${quote(value)} for metric ${quote(metric)} (allowed: ${[...definition.values].join(', ')})`,
      );
    }
    metrics.set(metric, value);
  }

  const missing = table.mandatory.filter((metric) => !metrics.has(metric));
  if (missing.length > 0) {
    return refuse(`${label}: missing mandatory base metric${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return { ok: true, version, metrics };
}

/**
 * A prefix-less vector is read as v2; when it carries a later version's metric and no `Au`
 * (which only v2 has) yet, it is most likely a v3 or v4 vector that lost its prefix.
 */
function prefixHint(version: CvssVersion, metric: string, seen: ReadonlyMap<string, string>): string {
  if (version !== '2.0' || seen.has('Au')) return '';
  const later = cvssMetricTables['3.1'].metrics.has(metric) || cvssMetricTables['4.0'].metrics.has(metric);
  return later ? ' (a vector without CVSS:x.y/ prefix is read as CVSS v2; v3 and v4 vectors need their prefix)' : '';
}

function refuse(message: string): CvssVectorError {
  return { ok: false, message };
}

/** Input echoed into a message, cut short so a pasted blob cannot flood a diagnostic. */
function quote(text: string): string {
  return JSON.stringify(text.length > 48 ? `${text.slice(0, 48)}…` : text);
}
