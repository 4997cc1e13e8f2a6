import type { ParsedVersion, VersionScheme } from '../version/version-scheme.js';
import { versionSchemeForEcosystem } from '../version/version-schemes.js';
import { evaluateOsvRange, type OsvRangeInput } from './osv-range.js';
import type { RangeVerdict } from './range-verdict.js';

/**
 * One OSV `affected[]` entry, structurally compatible with the neutral `AffectedPackage`
 * (`ecosystem`, `ecosystemQualified`) and with raw OSV JSON (`package.ecosystem`).
 */
export interface OsvAffectedInput {
  readonly ecosystem?: string;
  readonly ecosystemQualified?: string;
  readonly package?: { readonly ecosystem?: string };
  readonly ranges?: readonly OsvRangeInput[];
  readonly versions?: readonly string[];
}

/** Overrides for `evaluateOsvAffected`. */
export interface OsvAffectedOptions {
  /** The scheme for `ECOSYSTEM` ranges and `versions` equality; default: the entry's ecosystem's. */
  readonly scheme?: VersionScheme;
}

/**
 * Whether `version` of the entry's package is affected (OSV schema "Evaluation": listed in
 * `versions`, or inside any range), explained. An affected range wins; otherwise a range that
 * could not order the version makes the whole answer `unknown-version`, because a version we
 * cannot place is never reported as safe.
 */
export function evaluateOsvAffected(
  affected: OsvAffectedInput,
  version: string,
  options: OsvAffectedOptions = {},
): RangeVerdict {
  const scheme = osvAffectedScheme(affected, options);
  const ranges = affected.ranges ?? [];
  const verdicts = ranges.map((range, i) =>
    evaluateOsvRange(range, version, {
      label: `ranges[${i}]`,
      ...(scheme === undefined ? {} : { ecosystemScheme: scheme }),
    }),
  );
  const hit = verdicts.find((v) => v.status === 'affected');
  if (hit !== undefined) return hit;

  const versions = affected.versions ?? [];
  const listed = findListed(versions, version, scheme);
  if (listed !== undefined) {
    return {
      status: 'affected',
      range: 'versions',
      event: `version ${listed}`,
      ...(scheme === undefined ? {} : { scheme: scheme.name }),
      reason:
        listed === version
          ? `${version} is listed in the affected versions`
          : `${version} equals the listed affected version ${listed} (${scheme?.name ?? 'exact'} equality)`,
    };
  }
  const unknown = verdicts.find((v) => v.status === 'unknown-version');
  if (unknown !== undefined) return unknown;
  if (versions.length > 0 && scheme !== undefined && !scheme.isValid(version)) {
    return {
      status: 'unknown-version',
      range: 'versions',
      scheme: scheme.name,
      reason: `${JSON.stringify(version)} is not listed and is not a valid ${scheme.name} version, so an equal spelling cannot be ruled out`,
    };
  }
  const single = verdicts[0];
  if (verdicts.length === 1 && versions.length === 0 && single?.status === 'not-affected') return single;
  const decided = verdicts.filter((v) => v.status === 'not-affected');
  if (decided.length > 0 || versions.length > 0) {
    const notes = verdicts.map((v) => `${v.range ?? 'range'}: ${v.reason}`);
    if (versions.length > 0) notes.push(`${version} is not among the ${versions.length} listed versions`);
    return {
      status: 'not-affected',
      ...(scheme === undefined ? {} : { scheme: scheme.name }),
      reason: notes.join('; '),
    };
  }
  if (verdicts.length > 0) {
    const first = verdicts[0] as RangeVerdict;
    return { ...first, reason: verdicts.map((v) => `${v.range ?? 'range'}: ${v.reason}`).join('; ') };
  }
  return { status: 'not-evaluated', reason: 'the entry lists neither ranges nor versions' };
}

/** The scheme `evaluateOsvAffected` uses for the entry's `ECOSYSTEM` ranges and `versions` equality. */
export function osvAffectedScheme(
  affected: OsvAffectedInput,
  options: OsvAffectedOptions = {},
): VersionScheme | undefined {
  if (options.scheme !== undefined) return options.scheme;
  const ecosystem = affected.ecosystemQualified ?? affected.ecosystem ?? affected.package?.ecosystem;
  if (ecosystem === undefined) return undefined;
  if (schemesByEcosystem.has(ecosystem)) return schemesByEcosystem.get(ecosystem);
  const scheme = versionSchemeForEcosystem(ecosystem);
  // Ecosystem strings are few (`Debian:12`, `PyPI`); the bound only guards against odd input.
  if (schemesByEcosystem.size >= 4096) schemesByEcosystem.clear();
  schemesByEcosystem.set(ecosystem, scheme);
  return scheme;
}

const schemesByEcosystem = new Map<string, VersionScheme | undefined>();

/**
 * Valid versions of a `versions` list parsed once per scheme, in list order. Lists by array and
 * scheme: a package's entries are evaluated for every component version of it, and checking
 * and parsing each list once (not once per component) leaves comparisons of parsed values.
 * Weak keys: the list goes with its advisory.
 */
const listedVersions = new WeakMap<readonly string[], Map<VersionScheme, readonly ParsedVersion[]>>();

/** The listed versions `scheme` can read, parsed, in list order. */
export function readListedVersions(versions: readonly string[], scheme: VersionScheme): readonly ParsedVersion[] {
  let byScheme = listedVersions.get(versions);
  const known = byScheme?.get(scheme);
  if (known !== undefined) return known;
  const valid: ParsedVersion[] = [];
  for (const listed of versions) if (scheme.isValid(listed)) valid.push(scheme.parse(listed));
  if (byScheme === undefined) {
    byScheme = new Map();
    listedVersions.set(versions, byScheme);
  }
  byScheme.set(scheme, valid);
  return valid;
}

/** The listed version equal to `version`: the same string, else the first equal under the scheme. */
function findListed(
  versions: readonly string[],
  version: string,
  scheme: VersionScheme | undefined,
): string | undefined {
  if (versions.includes(version)) return version;
  if (scheme === undefined || !scheme.isValid(version)) return undefined;
  const parsed = scheme.parse(version);
  return readListedVersions(versions, scheme).find((listed) => scheme.compare(parsed, listed) === 0)?.original;
}
