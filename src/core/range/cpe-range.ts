import { Cpe } from '../cpe.js';
import type { CpeMatch } from '../vulnerability-cpe-configuration.js';
import { genericVersionScheme } from '../version/generic-version-scheme.js';
import { compareVersions } from '../version/version-comparison.js';
import type { VersionScheme } from '../version/version-scheme.js';
import { cpeValueCovers, firstUncoveredAttribute, unquote } from './cpe-attribute-match.js';
import type { RangeVerdict } from './range-verdict.js';

/** One NVD `cpeMatch` criterion: the neutral `CpeMatch` without its NVD bookkeeping id, which matching ignores. */
export type CpeMatchInput = Omit<CpeMatch, 'matchCriteriaId'>;

/** A component as CPE matching sees it: its CPE and, when known apart from the CPE, its version. */
export interface CpeComponentInput {
  readonly cpe: string;
  /** Overrides the CPE's version attribute (SBOM components often carry `*` there). */
  readonly version?: string;
}

/** The version scheme for the bounds; the conservative generic scheme when none is chosen. */
export interface CpeMatchOptions {
  readonly scheme?: VersionScheme;
}

/**
 * Whether the component is one the criterion names, whatever `vulnerable` says: `match`,
 * `no-match`, `unknown-version` (the names agree but the versions cannot be ordered) or
 * `not-evaluated` (a CPE is malformed).
 */
export interface CpeCriterionOutcome {
  readonly outcome: 'match' | 'no-match' | 'unknown-version' | 'not-evaluated';
  readonly event?: string;
  readonly scheme?: string;
  readonly reason: string;
}

type Bound = 'versionStartIncluding' | 'versionStartExcluding' | 'versionEndIncluding' | 'versionEndExcluding';

/** Each bound, and the order of the component version to it that the bound accepts. */
const bounds: readonly (readonly [Bound, (order: number) => boolean, string])[] = [
  ['versionStartIncluding', (o) => o >= 0, '≥'],
  ['versionStartExcluding', (o) => o > 0, '>'],
  ['versionEndIncluding', (o) => o <= 0, '≤'],
  ['versionEndExcluding', (o) => o < 0, '<'],
];

/**
 * Tests the component against one criterion (NVD CVE API 2.0 `cpeMatch`): the name attributes by
 * NISTIR 7696 coverage, then the version against the `versionStart…`/`versionEnd…` bounds, or
 * against the criterion's own version attribute when there are no bounds (`*` any, `-` none).
 */
export function matchCpeCriterion(
  match: CpeMatchInput,
  component: CpeComponentInput,
  options: CpeMatchOptions = {},
): CpeCriterionOutcome {
  const criterion = Cpe.tryParse(match.criteria);
  if (criterion === undefined)
    return { outcome: 'not-evaluated', reason: `the criterion ${match.criteria} is not a CPE` };
  const target = Cpe.tryParse(component.cpe);
  if (target === undefined)
    return { outcome: 'not-evaluated', reason: `the component CPE ${component.cpe} is not a CPE` };
  const differs = firstUncoveredAttribute(criterion, target);
  if (differs !== undefined) {
    return { outcome: 'no-match', reason: `${differs} '${target[differs]}' is not covered by '${criterion[differs]}'` };
  }
  const scheme = options.scheme ?? genericVersionScheme;
  const version = component.version ?? unquote(target.version);
  const given = bounds.filter(([bound]) => match[bound] !== undefined);
  if (given.length === 0) return matchVersionAttribute(criterion.version, version, scheme);

  if (version === '*' || version === '-' || version === '') {
    return {
      outcome: 'unknown-version',
      scheme: scheme.name,
      reason: 'the component has no version to compare with the bounds',
    };
  }
  const own = compareVersions(scheme, version, version);
  if (own.kind === 'unknown-version') return { outcome: 'unknown-version', scheme: scheme.name, reason: own.reason };
  const held: string[] = [];
  for (const [bound, accepts, sign] of given) {
    const limit = match[bound] as string;
    const event = `${bound} ${limit}`;
    const comparison = compareVersions(scheme, version, limit);
    if (comparison.kind === 'unknown-version') {
      return {
        outcome: 'unknown-version',
        event,
        scheme: scheme.name,
        reason: `${event} cannot be ordered: ${comparison.reason}`,
      };
    }
    if (!accepts(comparison.order)) {
      return { outcome: 'no-match', event, scheme: scheme.name, reason: `${version} is not ${sign} ${event}` };
    }
    held.push(`${sign} ${event}`);
  }
  const event = given.map(([bound]) => `${bound} ${match[bound] as string}`).join(', ');
  return { outcome: 'match', event, scheme: scheme.name, reason: `${version} ${held.join(' and ')}` };
}

/** Without bounds the criterion's version attribute decides: ANY, NA, a pattern or one version. */
function matchVersionAttribute(criterion: string, version: string, scheme: VersionScheme): CpeCriterionOutcome {
  if (criterion === '*') return { outcome: 'match', event: 'version *', reason: 'the criterion covers every version' };
  const event = `version ${unquote(criterion)}`;
  if (criterion === '-' || version === '-') {
    return criterion === version
      ? { outcome: 'match', event, reason: 'both versions are NA (-)' }
      : { outcome: 'no-match', event, reason: `version ${version} is not ${unquote(criterion)}` };
  }
  if (version === '*' || version === '') {
    return {
      outcome: 'unknown-version',
      event,
      reason: `the component has no version to compare with ${unquote(criterion)}`,
    };
  }
  if (/(^|[^\\])[*?]/.test(criterion)) {
    return cpeValueCovers(criterion, version)
      ? { outcome: 'match', event, reason: `${version} matches the pattern ${criterion}` }
      : { outcome: 'no-match', event, reason: `${version} does not match the pattern ${criterion}` };
  }
  const wanted = unquote(criterion);
  if (wanted.toLowerCase() === version.toLowerCase()) {
    return { outcome: 'match', event, reason: `${version} is the criterion's version` };
  }
  const comparison = compareVersions(scheme, version, wanted);
  if (comparison.kind === 'unknown-version') {
    return { outcome: 'unknown-version', event, scheme: scheme.name, reason: comparison.reason };
  }
  return comparison.order === 0
    ? { outcome: 'match', event, scheme: scheme.name, reason: `${version} equals ${wanted} (${scheme.name})` }
    : { outcome: 'no-match', event, scheme: scheme.name, reason: `${version} is not ${wanted} (${scheme.name})` };
}

/**
 * Whether the component is affected by one `cpeMatch`, explained: `affected` only when it matches
 * a criterion marked `vulnerable`; a match on a platform criterion (`vulnerable: false`) is
 * reported as `not-affected` with that reason, since it only qualifies a configuration.
 */
export function evaluateCpeMatch(
  match: CpeMatchInput,
  component: CpeComponentInput,
  options: CpeMatchOptions = {},
): RangeVerdict {
  const result = matchCpeCriterion(match, component, options);
  const base = {
    range: match.criteria,
    ...(result.event === undefined ? {} : { event: result.event }),
    ...(result.scheme === undefined ? {} : { scheme: result.scheme }),
  };
  switch (result.outcome) {
    case 'match':
      return match.vulnerable
        ? { ...base, status: 'affected', reason: result.reason }
        : {
            ...base,
            status: 'not-affected',
            reason: `${result.reason}, but the criterion is a platform (vulnerable: false)`,
          };
    case 'no-match':
      return { ...base, status: 'not-affected', reason: result.reason };
    case 'unknown-version':
      return { ...base, status: 'unknown-version', reason: result.reason };
    case 'not-evaluated':
      return { ...base, status: 'not-evaluated', reason: result.reason };
  }
}
