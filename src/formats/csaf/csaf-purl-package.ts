import { Cpe } from '../../core/cpe.js';
import { unquote } from '../../core/range/cpe-attribute-match.js';
import { versionSchemeForVers } from '../../core/range/vers-schemes.js';
import { Purl } from '../../core/purl.js';

/**
 * OSV ecosystems of the language registries, by purl type (purl-spec PURL-TYPES ↔ osv-schema
 * `ecosystems.json`), so a CSAF package meets OSV records and SBOM components on one package key.
 */
const languageEcosystems: Readonly<Record<string, string>> = {
  bitnami: 'Bitnami',
  cargo: 'crates.io',
  composer: 'Packagist',
  conan: 'ConanCenter',
  cran: 'CRAN',
  gem: 'RubyGems',
  golang: 'Go',
  hackage: 'Hackage',
  hex: 'Hex',
  maven: 'Maven',
  npm: 'npm',
  nuget: 'NuGet',
  pub: 'Pub',
  pypi: 'PyPI',
  swift: 'SwiftURL',
};

/**
 * OSV ecosystems of the distributions, by purl `type/namespace` as purl-spec writes them (the
 * vendor spellings SBOM tools use, `rpm/rhel`, `rpm/sles`, are the matcher's concern).
 */
const distroEcosystems: Readonly<Record<string, string>> = {
  'apk/alpaquita': 'Alpaquita',
  'apk/alpine': 'Alpine',
  'apk/chainguard': 'Chainguard',
  'apk/minimos': 'MinimOS',
  'apk/wolfi': 'Wolfi',
  'deb/debian': 'Debian',
  'deb/ubuntu': 'Ubuntu',
  'rpm/almalinux': 'AlmaLinux',
  'rpm/azurelinux': 'Azure Linux',
  'rpm/mageia': 'Mageia',
  'rpm/openeuler': 'openEuler',
  'rpm/opensuse': 'openSUSE',
  'rpm/photon': 'Photon OS',
  'rpm/redhat': 'Red Hat',
  'rpm/rocky-linux': 'Rocky Linux',
  'rpm/suse': 'SUSE',
};

/** A CSAF product's package, in the shape of an OSV `affected[].package`. */
export interface CsafPackage {
  /** The OSV ecosystem, or the purl type when it names none (such a package has no package key). */
  readonly ecosystem: string;
  /** `ecosystem` plus `:<release>` for a distribution package whose release is known. */
  readonly ecosystemQualified: string;
  readonly release?: string;
  /** The name as OSV writes it: `group:artifact` (Maven), `@scope/name` (npm), a Go module path. */
  readonly name: string;
  /** Canonical purl without version; of the qualifiers only `distro` is kept, as it selects the release. */
  readonly purl: string;
  /** The vers versioning scheme for ranges of this package: the purl type, else `generic`. */
  readonly versScheme: string;
}

/**
 * The package a purl names. For a distribution package the release comes from the purl's
 * `distro` qualifier, else from `platformRelease` (the CPE of the product it is a component of),
 * else it stays unknown, which the matcher reads as "every release".
 */
export function csafPackageOfPurl(purl: Purl, platformRelease?: string): CsafPackage {
  const distroEcosystem = distroEcosystems[`${purl.type}/${(purl.namespace ?? '').toLowerCase()}`];
  const ecosystem = distroEcosystem ?? languageEcosystems[purl.type] ?? purl.type;
  const distro = purl.qualifiers['distro'];
  const release = distroEcosystem === undefined ? undefined : (distro ?? platformRelease);
  const qualifiers = distro === undefined ? {} : { distro };
  return {
    ecosystem,
    ecosystemQualified: release === undefined ? ecosystem : `${ecosystem}:${release}`,
    ...(release === undefined ? {} : { release }),
    name: distroEcosystem === undefined ? osvName(purl) : purl.name,
    purl: Purl.format({ ...purl, version: null, qualifiers, subpath: null }),
    versScheme: versionSchemeForVers(purl.type) === undefined ? 'generic' : purl.type,
  };
}

/** Whether the purl names a distribution package (whose advisories are per release). */
export function isDistroPurl(purl: Purl): boolean {
  return distroEcosystems[`${purl.type}/${(purl.namespace ?? '').toLowerCase()}`] !== undefined;
}

/** The purl's version as the package manager compares it: an rpm `epoch` qualifier is written in (`1:2.3-4`). */
export function versionOfPurl(purl: Purl): string | undefined {
  const epoch = purl.qualifiers['epoch'];
  if (purl.version === undefined) return undefined;
  return purl.type === 'rpm' && epoch !== undefined && !purl.version.includes(':')
    ? `${epoch}:${purl.version}`
    : purl.version;
}

/**
 * The release a platform CPE names for a distribution package of the same vendor: the CPE after
 * its vendor, as OSV writes it for Red Hat (`cpe:/a:redhat:rhel_aus:8.6::appstream` →
 * `rhel_aus:8.6::appstream`, the ecosystem `Red Hat:rhel_aus:8.6::appstream`). Undefined when the
 * CPE is of another vendor.
 */
export function releaseFromPlatformCpe(cpeText: string, purl: Purl): string | undefined {
  const vendor = (purl.namespace ?? '').toLowerCase();
  const uri = /^cpe:\/[aho]?:([^:]*):(.+)$/i.exec(cpeText);
  if (uri !== null) {
    return (uri[1] ?? '').toLowerCase() === vendor ? uri[2] : undefined;
  }
  const cpe = Cpe.tryParse(cpeText);
  if (cpe === undefined || unquote(cpe.vendor).toLowerCase() !== vendor) return undefined;
  const fields = [cpe.product, cpe.version, cpe.update, cpe.edition].map((value) =>
    value === '*' || value === '-' ? '' : unquote(value),
  );
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields.length === 0 ? undefined : fields.join(':');
}

/** Registries whose package name leaves the purl namespace out (PEP 503 names, NuGet ids, crates, …). */
const namespaceFreeTypes: ReadonlySet<string> = new Set([
  'bitnami',
  'cargo',
  'conan',
  'cran',
  'gem',
  'hackage',
  'hex',
  'nuget',
  'pub',
  'pypi',
]);

/** OSV spells package names whole (`group:artifact`, `@scope/name`, `vendor/name`); purl splits off the namespace. */
function osvName(purl: Purl): string {
  if (purl.namespace === undefined || namespaceFreeTypes.has(purl.type)) return purl.name;
  return purl.type === 'maven' ? `${purl.namespace}:${purl.name}` : `${purl.namespace}/${purl.name}`;
}
