import { apkVersionScheme } from './apk-version-scheme.js';
import { cranVersionScheme } from './cran-version-scheme.js';
import { cratesVersionScheme } from './crates-version-scheme.js';
import { dpkgVersionScheme } from './dpkg-version-scheme.js';
import { baseEcosystem, type Ecosystem } from './ecosystem.js';
import { genericVersionScheme } from './generic-version-scheme.js';
import { goVersionScheme } from './go-version-scheme.js';
import { hackageVersionScheme } from './hackage-version-scheme.js';
import { hexVersionScheme } from './hex-version-scheme.js';
import { mavenVersionScheme } from './maven-version-scheme.js';
import { npmVersionScheme } from './npm-version-scheme.js';
import { nugetVersionScheme } from './nuget-version-scheme.js';
import { packagistVersionScheme } from './packagist-version-scheme.js';
import { pubVersionScheme } from './pub-version-scheme.js';
import { pypiVersionScheme } from './pypi-version-scheme.js';
import { rpmVersionScheme } from './rpm-version-scheme.js';
import { rubygemsVersionScheme } from './rubygems-version-scheme.js';
import { semverLikeVersionScheme } from './semver-like-version-scheme.js';
import type { VersionScheme } from './version-scheme.js';

/** SemVer for the ecosystems that declare it without a registry tool of their own. */
export const semverVersionScheme = semverLikeVersionScheme('SemVer');

/**
 * The version scheme of every OSV ecosystem. Ecosystems whose ordering we have not implemented
 * (Android, FreeBSD, opam, …) get the conservative generic scheme, which refuses what it cannot
 * order rather than guess.
 */
export const versionSchemes: Readonly<Record<Ecosystem, VersionScheme>> = {
  AlmaLinux: rpmVersionScheme,
  Alpaquita: apkVersionScheme,
  Alpine: apkVersionScheme,
  Android: genericVersionScheme,
  'Azure Linux': rpmVersionScheme,
  'BellSoft Hardened Containers': apkVersionScheme,
  Bioconductor: cranVersionScheme,
  Bitnami: semverVersionScheme,
  Chainguard: apkVersionScheme,
  CleanStart: genericVersionScheme,
  ConanCenter: genericVersionScheme,
  CRAN: cranVersionScheme,
  'crates.io': cratesVersionScheme,
  Debian: dpkgVersionScheme,
  'Docker Hardened Images': genericVersionScheme,
  Echo: genericVersionScheme,
  FreeBSD: genericVersionScheme,
  GHC: hackageVersionScheme,
  'GitHub Actions': semverVersionScheme,
  Go: goVersionScheme,
  Hackage: hackageVersionScheme,
  Hex: hexVersionScheme,
  Julia: semverVersionScheme,
  Kubernetes: goVersionScheme,
  Linux: genericVersionScheme,
  Mageia: rpmVersionScheme,
  Maven: mavenVersionScheme,
  MinimOS: apkVersionScheme,
  npm: npmVersionScheme,
  NuGet: nugetVersionScheme,
  opam: genericVersionScheme,
  openEuler: rpmVersionScheme,
  openSUSE: rpmVersionScheme,
  'OSS-Fuzz': genericVersionScheme,
  Packagist: packagistVersionScheme,
  'Photon OS': rpmVersionScheme,
  Pub: pubVersionScheme,
  PyPI: pypiVersionScheme,
  'Red Hat': rpmVersionScheme,
  'Rocky Linux': rpmVersionScheme,
  Root: genericVersionScheme,
  RubyGems: rubygemsVersionScheme,
  SUSE: rpmVersionScheme,
  SwiftURL: semverVersionScheme,
  TuxCare: genericVersionScheme,
  Ubuntu: dpkgVersionScheme,
  VSCode: semverVersionScheme,
  Wolfi: apkVersionScheme,
};

/**
 * The scheme for an OSV `ecosystem` string, suffix and all (`Debian:12`, `Alpine:v3.18`).
 * `Root:<Ecosystem>:…` uses the inner ecosystem's scheme. Undefined for unknown ecosystems.
 */
export function versionSchemeForEcosystem(value: string): VersionScheme | undefined {
  const base = baseEcosystem(value);
  if (base === 'Root') {
    const inner = baseEcosystem(value.slice('Root:'.length));
    return inner === undefined ? versionSchemes.Root : versionSchemes[inner];
  }
  return base === undefined ? undefined : versionSchemes[base];
}

/** The purl types whose versions we order (purl-spec PURL-TYPES). */
export const versionedPurlTypes = [
  'apk',
  'bitnami',
  'cargo',
  'composer',
  'cran',
  'deb',
  'gem',
  'generic',
  'golang',
  'hackage',
  'hex',
  'maven',
  'npm',
  'nuget',
  'pub',
  'pypi',
  'rpm',
  'swift',
] as const;

/** A purl type with a known version scheme. */
export type VersionedPurlType = (typeof versionedPurlTypes)[number];

/** The version scheme of each purl type, for components identified by purl. */
export const purlTypeVersionSchemes: Readonly<Record<VersionedPurlType, VersionScheme>> = {
  apk: apkVersionScheme,
  bitnami: semverVersionScheme,
  cargo: cratesVersionScheme,
  composer: packagistVersionScheme,
  cran: cranVersionScheme,
  deb: dpkgVersionScheme,
  gem: rubygemsVersionScheme,
  generic: genericVersionScheme,
  golang: goVersionScheme,
  hackage: hackageVersionScheme,
  hex: hexVersionScheme,
  maven: mavenVersionScheme,
  npm: npmVersionScheme,
  nuget: nugetVersionScheme,
  pub: pubVersionScheme,
  pypi: pypiVersionScheme,
  rpm: rpmVersionScheme,
  swift: semverVersionScheme,
};

const purlTypes: ReadonlySet<string> = new Set(versionedPurlTypes);

/** The scheme for a purl type (case-insensitive); undefined when we have none for it. */
export function versionSchemeForPurlType(type: string): VersionScheme | undefined {
  const t = type.toLowerCase();
  return purlTypes.has(t) ? purlTypeVersionSchemes[t as VersionedPurlType] : undefined;
}
