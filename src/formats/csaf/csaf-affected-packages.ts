import type { AffectedPackage, AffectedRange, RangeEvent } from '../../core/vulnerability-affected-package.js';
import { compareVersions } from '../../core/version/version-comparison.js';
import { versionSchemeForEcosystem } from '../../core/version/version-schemes.js';
import type { CsafWarn } from './csaf-json.js';
import { csafStatusGroup, type CsafStatement } from './csaf-product-status.js';
import type { CsafPackage } from './csaf-purl-package.js';

/** Everything one vulnerability says about one package (one purl, in one release). */
interface PackageStatements {
  readonly pkg: CsafPackage;
  readonly exact: string[];
  /** vers strings, or the range text when it is not one (the matcher then answers unknown-version). */
  readonly ranges: string[];
  readonly firstAffected: string[];
  readonly lastAffected: string[];
  readonly fixed: string[];
  readonly notAffected: string[];
  unversioned: boolean;
}

/** The range that holds every version (vers-spec `vers:all/*`). */
const everyVersion = 'vers:all/*';

/**
 * The matchable OSV-style entries of one vulnerability's products that have a purl, one package
 * (purl without version, plus release) at a time:
 *
 * - `known_affected` versions → `versions`; `known_affected` ranges → one entry per `vers`;
 * - `first_affected` / `last_affected` → an ECOSYSTEM range `introduced` / `last_affected`, closed
 *   by the package's `fixed` / `first_fixed` versions;
 * - `fixed` / `first_fixed` alone (or with an unversioned `known_affected`) → `introduced 0`,
 *   `fixed v`: a vendor naming a fixed version states that earlier versions are affected, as
 *   Red Hat's CSAF-to-OSV conversion reads it. Next to an explicit affected list the fixed
 *   versions are only reported (`fixedVersions`), never widened into a range;
 * - an unversioned `known_affected` without any fix → every version (`vers:all/*`);
 * - `known_not_affected`, `under_investigation`, `recommended` → no entry: they never make a finding.
 */
export function csafAffectedPackages(
  statements: readonly CsafStatement[],
  pointer: string,
  warn: CsafWarn,
): AffectedPackage[] {
  const lines = new Map<string, PackageStatements>();
  for (const statement of statements) {
    const group = csafStatusGroup[statement.category];
    for (const { pkg, version } of statement.product.packages) {
      const key = `${pkg.ecosystemQualified}\u0000${pkg.purl}`;
      let line = lines.get(key);
      if (line === undefined) {
        line = {
          pkg,
          exact: [],
          ranges: [],
          firstAffected: [],
          lastAffected: [],
          fixed: [],
          notAffected: [],
          unversioned: false,
        };
        lines.set(key, line);
      }
      if (group === 'affected') {
        if (version.kind === 'none') line.unversioned = true;
        else if (version.kind === 'range') {
          if (version.vers === undefined) {
            warn(
              statement.pointer,
              `the range '${version.text}' of ${pkg.purl} cannot be evaluated (${version.problem ?? 'not a vers range'}): its components will be unknown-version`,
            );
          }
          add(line.ranges, version.vers ?? version.text);
        } else if (statement.category === 'first_affected') add(line.firstAffected, version.version);
        else if (statement.category === 'last_affected') add(line.lastAffected, version.version);
        else add(line.exact, version.version);
      } else if (group === 'fixed' && version.kind === 'exact') add(line.fixed, version.version);
      else if (group === 'not-affected' && version.kind === 'exact') add(line.notAffected, version.version);
    }
  }
  return [...lines.values()].flatMap((line) => entriesOf(line, (message) => warn(pointer, message)));
}

function entriesOf(line: PackageStatements, warn: (message: string) => void): AffectedPackage[] {
  const { pkg, exact, ranges, firstAffected, lastAffected, fixed } = line;
  const base = {
    ecosystem: pkg.ecosystem,
    ecosystemQualified: pkg.ecosystemQualified,
    ...(pkg.release === undefined ? {} : { release: pkg.release }),
    name: pkg.name,
    purl: pkg.purl,
    purlDerived: false,
  };
  const explicit = exact.length > 0 || ranges.length > 0;
  const bounded = firstAffected.length > 0 || lastAffected.length > 0;
  const inferred = !bounded && fixed.length > 0 && (!explicit || line.unversioned);
  const reported = fixed.length === 0 ? {} : { fixedVersions: [...fixed] };
  const out: AffectedPackage[] = [];
  if (exact.length > 0) out.push({ ...base, ranges: [], versions: [...exact], ...reported });
  for (const vers of ranges) out.push({ ...base, ranges: [], versions: [], vers, ...reported });
  if (bounded || inferred) out.push({ ...base, ranges: timeline(line), versions: [] });
  if (line.unversioned && !bounded && !inferred)
    out.push({ ...base, ranges: [], versions: [], vers: everyVersion, ...reported });
  warnHiddenNotAffected(line, { inferred, everyVersion: line.unversioned && !bounded && !inferred }, warn);
  return out;
}

/** ECOSYSTEM ranges from the first/last affected and fixed versions (OSV forbids mixing last_affected and fixed). */
function timeline(line: PackageStatements): AffectedRange[] {
  const introduced: RangeEvent[] = (line.firstAffected.length > 0 ? line.firstAffected : ['0']).map((version) => ({
    kind: 'introduced',
    version,
  }));
  const ranges: AffectedRange[] = [];
  if (line.fixed.length > 0 || line.lastAffected.length === 0) {
    const fixed = line.fixed.map((version): RangeEvent => ({ kind: 'fixed', version }));
    ranges.push({ type: 'ECOSYSTEM', events: [...introduced, ...fixed] });
  }
  if (line.lastAffected.length > 0) {
    const last = line.lastAffected.map((version): RangeEvent => ({ kind: 'lastAffected', version }));
    ranges.push({ type: 'ECOSYSTEM', events: [...introduced, ...last] });
  }
  return ranges;
}

/** A `known_not_affected` version that a wider affected statement of the same package still covers. */
function warnHiddenNotAffected(
  line: PackageStatements,
  how: { readonly inferred: boolean; readonly everyVersion: boolean },
  warn: (message: string) => void,
): void {
  if (line.notAffected.length === 0) return;
  if (how.everyVersion) {
    warn(
      `${line.pkg.purl}: versions ${line.notAffected.join(', ')} are known_not_affected, but an unversioned known_affected product covers every version`,
    );
    return;
  }
  if (!how.inferred) return;
  const scheme = versionSchemeForEcosystem(line.pkg.ecosystemQualified);
  if (scheme === undefined) return;
  const below = line.notAffected.filter((version) =>
    line.fixed.some((fixed) => {
      const order = compareVersions(scheme, version, fixed);
      return order.kind === 'ordered' && order.order < 0;
    }),
  );
  if (below.length > 0) {
    warn(
      `${line.pkg.purl}: known_not_affected versions ${below.join(', ')} lie below a fixed version, which the range inferred from the fix reports as affected`,
    );
  }
}

function add(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
