import type { AffectedPackage, AffectedRange, RangeEvent } from '../../core/vulnerability-affected-package.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import { versionSchemeForEcosystem, semverVersionScheme } from '../../core/version/version-schemes.js';
import type { VersionScheme } from '../../core/version/version-scheme.js';
import { parseOsvEcosystem, type OsvEcosystem } from './osv-ecosystem.js';
import { canonicalOsvPurl, deriveOsvPackagePurl, hasNoPurl } from './osv-package-purl.js';
import type { OsvAffectedJson, OsvRangeJson } from './osv-schema.js';

interface Context {
  readonly pointer: string;
  readonly recordId: string;
  readonly warnings: FeedDiagnostic[];
}

const eventKinds: Readonly<Record<string, RangeEvent['kind']>> = {
  introduced: 'introduced',
  fixed: 'fixed',
  last_affected: 'lastAffected',
  limit: 'limit',
};

const rangeTypes: ReadonlySet<string> = new Set(['SEMVER', 'ECOSYSTEM', 'GIT']);

/**
 * Reads one OSV `affected[]` entry (OSV schema "affected"). Parts that cannot be read (an unknown
 * range type, an event without a version) are dropped with a warning; so are versions the
 * ecosystem's scheme cannot parse, which are kept but flagged so a matcher never treats them as
 * "not affected" silently.
 */
export function readOsvAffected(json: OsvAffectedJson, ctx: Context): AffectedPackage | undefined {
  const warn = (path: string, message: string): void => {
    ctx.warnings.push({ severity: 'warning', path: ctx.pointer + path, message, recordId: ctx.recordId });
  };
  const ranges = (json.ranges ?? []).flatMap((range, index) => readRange(range, `/ranges/${index}`, warn));
  const versions = json.versions ?? [];
  const identity = readIdentity(json, ranges, warn);
  if (identity === undefined) return undefined;

  const scheme = identity.known === false ? undefined : versionSchemeForEcosystem(identity.ecosystemQualified);
  for (const [index, range] of ranges.entries()) {
    if (range.type === 'GIT') continue;
    checkVersions(
      range.type === 'SEMVER' ? semverVersionScheme : scheme,
      range.events.map((e) => e.version),
      (bad, reason) => warn(`/ranges/${index}/events`, `unparseable ${range.type} version '${bad}': ${reason}`),
    );
  }
  checkVersions(scheme, versions, (bad, reason) => warn('/versions', `unparseable version '${bad}': ${reason}`));

  return {
    ecosystem: identity.ecosystem,
    ecosystemQualified: identity.ecosystemQualified,
    ...(identity.release === undefined ? {} : { release: identity.release }),
    name: identity.name,
    ...(identity.purl === undefined ? {} : { purl: identity.purl.value, purlDerived: identity.purl.derived }),
    ranges,
    versions,
    ...(json.ecosystem_specific === undefined ? {} : { ecosystemSpecific: json.ecosystem_specific }),
    ...(json.database_specific === undefined ? {} : { databaseSpecific: json.database_specific }),
  };
}

interface Identity {
  readonly ecosystem: string;
  readonly ecosystemQualified: string;
  readonly release?: string;
  readonly name: string;
  readonly known: boolean;
  readonly purl?: { readonly value: string; readonly derived: boolean };
}

function readIdentity(
  json: OsvAffectedJson,
  ranges: readonly AffectedRange[],
  warn: (path: string, message: string) => void,
): Identity | undefined {
  const pkg = json.package;
  if (pkg === undefined) {
    // OSV: `package` may be omitted when GIT ranges identify the affected repository.
    const repo = ranges.find((range) => range.type === 'GIT')?.repo;
    if (repo === undefined) {
      warn('', 'affected entry has neither a package nor a GIT range with a repo: ignored');
      return undefined;
    }
    return { ecosystem: 'GIT', ecosystemQualified: 'GIT', name: repo, known: true };
  }
  const ecosystem = parseOsvEcosystem(pkg.ecosystem);
  if (ecosystem.known === undefined) {
    warn('/package/ecosystem', `unknown ecosystem '${pkg.ecosystem}': no version scheme, versions cannot be compared`);
  }
  const purl = readPurl(pkg, ecosystem, warn);
  if (purl === undefined && !hasNoPurl(ecosystem, pkg.name)) {
    warn(
      '/package',
      `no purl for '${pkg.name}' in ${pkg.ecosystem}, and no CPE: only an exact ecosystem/name match can find it`,
    );
  }
  return {
    ecosystem: ecosystem.known ?? ecosystem.base,
    ecosystemQualified: pkg.ecosystem,
    ...(ecosystem.release === undefined ? {} : { release: ecosystem.release }),
    name: pkg.name,
    known: ecosystem.known !== undefined,
    ...(purl === undefined ? {} : { purl }),
  };
}

function readPurl(
  pkg: NonNullable<OsvAffectedJson['package']>,
  ecosystem: OsvEcosystem,
  warn: (path: string, message: string) => void,
): Identity['purl'] {
  if (pkg.purl !== undefined) {
    const given = canonicalOsvPurl(pkg.purl, ecosystem);
    if (given !== undefined) return { value: given, derived: false };
    warn('/package/purl', `invalid purl '${pkg.purl}': derived from ecosystem and name instead`);
  }
  const derived = deriveOsvPackagePurl(ecosystem, pkg.name);
  return derived === undefined ? undefined : { value: derived, derived: true };
}

function readRange(json: OsvRangeJson, path: string, warn: (path: string, message: string) => void): AffectedRange[] {
  if (!rangeTypes.has(json.type)) {
    warn(`${path}/type`, `unknown range type '${json.type}': range ignored`);
    return [];
  }
  const events: RangeEvent[] = [];
  json.events.forEach((event, index) => {
    const entries = Object.entries(event).filter(([key]) => key in eventKinds);
    const [key, version] = entries[0] ?? [];
    if (entries.length !== 1 || key === undefined || typeof version !== 'string' || version === '') {
      warn(
        `${path}/events/${index}`,
        'event must have exactly one of introduced, fixed, last_affected, limit: ignored',
      );
      return;
    }
    events.push({ kind: eventKinds[key] as RangeEvent['kind'], version });
  });
  if (events.length === 0) {
    warn(`${path}/events`, 'range has no readable events: ignored');
    return [];
  }
  if (!events.some((event) => event.kind === 'introduced')) {
    warn(`${path}/events`, "range has no 'introduced' event; OSV evaluation treats it as introduced at '0'");
  }
  return [
    {
      type: json.type as AffectedRange['type'],
      ...(json.repo === undefined ? {} : { repo: json.repo }),
      events,
      ...(json.database_specific === undefined ? {} : { databaseSpecific: json.database_specific }),
    },
  ];
}

/** Reports each version the scheme cannot parse ('0', OSV's "from the beginning", is exempt). */
function checkVersions(
  scheme: VersionScheme | undefined,
  versions: readonly string[],
  report: (version: string, reason: string) => void,
): void {
  if (scheme === undefined) return;
  for (const version of versions) {
    if (version === '0' || scheme.isValid(version)) continue;
    report(version, `not a ${scheme.name} version`);
  }
}
