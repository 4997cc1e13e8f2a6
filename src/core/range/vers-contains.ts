import type { ParsedVersion, VersionScheme } from '../version/version-scheme.js';
import { compareVersions } from '../version/version-comparison.js';
import type { RangeVerdict } from './range-verdict.js';
import type { VersConstraint } from './vers-constraint-order.js';

/** What `containsVersionInConstraints` needs: the range's text for the verdict and its sorted constraints. */
export interface VersContainmentInput {
  readonly text: string;
  readonly scheme: VersionScheme;
  readonly constraints: readonly VersConstraint[];
  readonly version: string;
}

const isLesser = (c: VersConstraint): boolean => c.comparator === '<' || c.comparator === '<=';
const isGreater = (c: VersConstraint): boolean => c.comparator === '>' || c.comparator === '>=';
const show = (c: VersConstraint): string => (c.comparator === '=' ? c.version : `${c.comparator}${c.version}`);

/**
 * Implements vers-spec "Checking if a version is contained within a range" over constraints
 * already sorted and de-duplicated by `parseVers`: equalities first, then exclusions, then the
 * intervals the remaining lesser/greater signposts delimit.
 */
export function containsVersionInConstraints({
  text,
  scheme,
  constraints,
  version,
}: VersContainmentInput): RangeVerdict {
  const base = { range: text, scheme: scheme.name };
  const check = compareVersions(scheme, version, version);
  if (check.kind === 'unknown-version') return { ...base, status: 'unknown-version', reason: check.reason };
  const v: ParsedVersion = scheme.parse(version);
  const order = (c: VersConstraint): number => scheme.compare(v, c.version);
  const inside = (event: string, reason: string): RangeVerdict => ({ ...base, status: 'affected', event, reason });
  const outside = (reason: string, event?: string): RangeVerdict => ({
    ...base,
    status: 'not-affected',
    ...(event === undefined ? {} : { event }),
    reason,
  });

  for (const c of constraints) {
    if (c.comparator !== '!=' && c.comparator !== '<' && c.comparator !== '>' && order(c) === 0) {
      return inside(show(c), `${version} equals ${c.version} ('${show(c)}' in ${text})`);
    }
  }
  for (const c of constraints) {
    if (c.comparator === '!=' && order(c) === 0) {
      return outside(`${version} is excluded by '${show(c)}' in ${text}`, show(c));
    }
  }
  const bounds = constraints.filter((c) => c.comparator !== '=' && c.comparator !== '!=');
  if (bounds.length === 0) return outside(`${version} equals none of the versions listed in ${text}`);
  if (bounds.length === 1) {
    const only = bounds[0] as VersConstraint;
    const hit = (isLesser(only) && order(only) < 0) || (isGreater(only) && order(only) > 0);
    return hit
      ? inside(show(only), `${version} satisfies '${show(only)}' in ${text}`)
      : outside(`${version} does not satisfy '${show(only)}' in ${text}`, show(only));
  }
  for (let i = 0; i + 1 < bounds.length; i++) {
    const current = bounds[i] as VersConstraint;
    const next = bounds[i + 1] as VersConstraint;
    if (i === 0 && isLesser(current) && order(current) < 0) {
      return inside(show(current), `${version} satisfies '${show(current)}' in ${text}`);
    }
    if (i + 2 === bounds.length && isGreater(next) && order(next) > 0) {
      return inside(show(next), `${version} satisfies '${show(next)}' in ${text}`);
    }
    if (isGreater(current) && isLesser(next) && order(current) > 0 && order(next) < 0) {
      const pair = `${show(current)}|${show(next)}`;
      return inside(pair, `${version} satisfies '${pair}' in ${text}`);
    }
  }
  return outside(`${version} lies outside every interval of ${text}`);
}
