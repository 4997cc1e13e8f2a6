import { isAppError } from '../../core/app-error.js';
import { parseVers } from '../../core/range/vers.js';
import type { CpeConfiguration, CpeMatch, CpeNode } from '../../core/vulnerability-cpe-configuration.js';
import type { CsafWarn } from './csaf-json.js';
import type { CsafCpeTarget } from './csaf-product-identity.js';
import { csafStatusGroup, type CsafStatement } from './csaf-product-status.js';

type Bounds = Pick<
  CpeMatch,
  'versionStartIncluding' | 'versionStartExcluding' | 'versionEndIncluding' | 'versionEndExcluding'
>;

/** Everything one vulnerability says about one CPE product line on one set of platforms. */
interface CpeLine {
  readonly target: CsafCpeTarget;
  /** Criteria naming one version, as the products' own CPEs give them. */
  readonly exactCriteria: string[];
  readonly bounds: Bounds[];
  readonly firstAffected: string[];
  readonly lastAffected: string[];
  readonly fixed: string[];
  unversioned: boolean;
}

/**
 * The NVD-style configurations of one vulnerability's products that have a CPE but no purl: one
 * configuration per product line (the CPE with version ANY) and platform. Its vulnerable criteria
 * follow the same rules as the purl entries (see csaf-affected-packages.ts), written as CPE
 * version bounds. A component of (or installed on) products with CPEs becomes NVD's "running on"
 * shape: AND of the vulnerable component and the non-vulnerable platforms.
 */
export function csafCpeConfigurations(statements: readonly CsafStatement[], warn: CsafWarn): CpeConfiguration[] {
  const lines = new Map<string, CpeLine>();
  for (const statement of statements) {
    const target = statement.product.cpe;
    if (target === undefined) continue;
    const group = csafStatusGroup[statement.category];
    if (group !== 'affected' && group !== 'fixed') continue;
    const key = `${target.line}\u0000${target.platforms.join('\u0000')}`;
    let line = lines.get(key);
    if (line === undefined) {
      line = {
        target,
        exactCriteria: [],
        bounds: [],
        firstAffected: [],
        lastAffected: [],
        fixed: [],
        unversioned: false,
      };
      lines.set(key, line);
    }
    const { version } = target;
    if (group === 'fixed') {
      if (version.kind === 'exact') add(line.fixed, version.version);
    } else if (version.kind === 'none') line.unversioned = true;
    else if (version.kind === 'range') {
      line.bounds.push(...rangeBounds(version.vers, version.text, (message) => warn(statement.pointer, message)));
    } else if (statement.category === 'first_affected') add(line.firstAffected, version.version);
    else if (statement.category === 'last_affected') add(line.lastAffected, version.version);
    else if (target.versioned) add(line.exactCriteria, target.criteria);
    else line.bounds.push({ versionStartIncluding: version.version, versionEndIncluding: version.version });
  }
  return [...lines.values()].flatMap((line) => {
    const matches = matchesOf(line);
    return matches.length === 0 ? [] : [configurationOf(line.target, matches)];
  });
}

function matchesOf(line: CpeLine): CpeMatch[] {
  const any = line.target.line;
  const out: CpeMatch[] = [];
  const push = (match: CpeMatch): void => {
    if (!out.some((seen) => JSON.stringify(seen) === JSON.stringify(match))) out.push(match);
  };
  for (const criteria of line.exactCriteria) push({ vulnerable: true, criteria });
  for (const bounds of line.bounds) push({ vulnerable: true, criteria: any, ...bounds });
  const explicit = out.length > 0;
  const bounded = line.firstAffected.length > 0 || line.lastAffected.length > 0;
  const inferred = !bounded && line.fixed.length > 0 && (!explicit || line.unversioned);
  // A start bound pairs with the end bounds only when there is one; otherwise each stays open.
  const start = line.firstAffected.length === 1 ? { versionStartIncluding: line.firstAffected[0] as string } : {};
  if (bounded || inferred) {
    for (const fixed of line.fixed) push({ vulnerable: true, criteria: any, ...start, versionEndExcluding: fixed });
    for (const last of line.lastAffected)
      push({ vulnerable: true, criteria: any, ...start, versionEndIncluding: last });
    if (line.firstAffected.length > 1 || (line.fixed.length === 0 && line.lastAffected.length === 0)) {
      for (const first of line.firstAffected) push({ vulnerable: true, criteria: any, versionStartIncluding: first });
    }
  }
  if (line.unversioned && !bounded && !inferred) push({ vulnerable: true, criteria: any });
  return out;
}

function configurationOf(target: CsafCpeTarget, matches: readonly CpeMatch[]): CpeConfiguration {
  const component: CpeNode = { operator: 'OR', negate: false, cpeMatch: matches, children: [] };
  if (target.platforms.length === 0) return { operator: 'OR', negate: false, nodes: [component] };
  const platform: CpeNode = {
    operator: 'OR',
    negate: false,
    cpeMatch: target.platforms.map((criteria) => ({ vulnerable: false, criteria })),
    children: [],
  };
  return { operator: 'AND', negate: false, nodes: [component, platform] };
}

/**
 * A vers range as CPE version bounds, one interval per criterion. What bounds cannot say (`!=`
 * exclusions) is dropped, and a range that cannot be read at all becomes every version: both
 * widen the match, so a component is reported rather than silently passed over.
 */
function rangeBounds(vers: string | undefined, text: string, warn: (message: string) => void): Bounds[] {
  if (vers === undefined) {
    warn(`the range '${text}' cannot be read as a vers range: every version of the CPE is treated as affected`);
    return [{}];
  }
  let constraints;
  try {
    constraints = parseVers(vers).constraints;
  } catch (error) {
    if (!isAppError(error)) throw error;
    warn(`${error.message}: every version of the CPE is treated as affected`);
    return [{}];
  }
  if (constraints === '*') return [{}];
  const out: Bounds[] = [];
  let open: Bounds = {};
  for (const { comparator, version } of constraints) {
    if (comparator === '=') out.push({ versionStartIncluding: version, versionEndIncluding: version });
    else if (comparator === '!=') warn(`'!=${version}' of ${vers} cannot be written as CPE bounds: ignored`);
    else if (comparator === '>=') open = { versionStartIncluding: version };
    else if (comparator === '>') open = { versionStartExcluding: version };
    else {
      out.push({
        ...open,
        ...(comparator === '<' ? { versionEndExcluding: version } : { versionEndIncluding: version }),
      });
      open = {};
    }
  }
  if (Object.keys(open).length > 0) out.push(open);
  return out;
}

function add(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
