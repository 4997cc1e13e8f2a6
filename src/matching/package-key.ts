import type { Purl } from '../core/purl.js';
import { baseEcosystem } from '../core/version/ecosystem.js';
import type { AffectedPackage } from '../core/vulnerability-affected-package.js';
import {
  distroRuleForPurl,
  distroRulesByEcosystem,
  releaseOfDistroQualifier,
  type DistroRule,
} from './distro-release.js';

/**
 * The identity under which advisories and components meet: one string per package, normalized
 * by the rules of its ecosystem, so `pkg:pypi/Django_Rest` and OSV `PyPI/django.rest` land on
 * the same key. Language packages: `<type>:<name>` (`pypi:django-rest`,
 * `maven:com.google.guava:guava`, `npm:@angular/core`, `golang:golang.org/x/net`). Distribution
 * packages: `<type>:<vendor>:<release>:<name>` (`deb:debian:11:openssl`, `apk:alpine:3.17:zlib`,
 * `rpm:almalinux:9:shadow-utils`).
 */
export interface PackageKey {
  readonly key: string;
  /** The purl type the package belongs to (`pypi`, `deb`, …). */
  readonly type: string;
  /** The normalized name as it appears in the key. */
  readonly name: string;
  /** For distribution packages. */
  readonly distro?: {
    readonly vendor: string;
    /**
     * `undefined` on a component whose purl names no release (it can then only be matched
     * across releases, see match-component); `*` on an advisory entry that names no release and
     * therefore states every release is affected; `-` for rolling distributions.
     */
    readonly release?: string;
    /** The key without the release: `deb:debian:openssl`. */
    readonly baseKey: string;
  };
}

/** The release segment of an advisory entry that applies to every release of its distribution. */
export const everyRelease = '*';

/**
 * Name normalization per purl type. Where a registry treats names case-insensitively the key
 * folds case; where it does not (Maven coordinates, Go module paths, npm, crates, gems), the key
 * keeps it, because folding would merge distinct packages.
 */
const nameRules: Readonly<Record<string, (namespace: string | undefined, name: string) => string>> = {
  // PEP 503 "Normalized names": lower-case, runs of '-', '_', '.' become one '-'.
  pypi: (_ns, name) => name.toLowerCase().replace(/[-_.]+/g, '-'),
  // Maven coordinates are case-sensitive (the repository layout is a path); the key is group:artifact.
  maven: (ns, name) => `${ns ?? ''}:${name}`,
  // npm names are case-sensitive (legacy upper-case names exist); scoped names keep their '@scope/'.
  npm: (ns, name) => (ns === undefined ? name : `${ns}/${name}`),
  // Go module paths are case-sensitive; a major-version suffix (`/v2`) is part of the path.
  golang: (ns, name) => (ns === undefined ? name : `${ns}/${name}`),
  swift: (ns, name) => (ns === undefined ? name : `${ns}/${name}`),
  // NuGet package ids are case-insensitive (NuGet docs "Package ID").
  nuget: (_ns, name) => name.toLowerCase(),
  // Composer: vendor/name, lower-case (getcomposer.org schema "name").
  composer: (ns, name) => (ns === undefined ? name : `${ns}/${name}`).toLowerCase(),
  hex: (_ns, name) => name.toLowerCase(),
  // pub: lower-case, and purl-spec's pub rule turns other characters into '_'.
  pub: (_ns, name) => name.toLowerCase().replace(/[^a-z0-9_]/g, '_'),
  bitnami: (_ns, name) => name.toLowerCase(),
  cargo: (_ns, name) => name,
  gem: (_ns, name) => name,
  hackage: (_ns, name) => name,
  cran: (_ns, name) => name,
  conan: (_ns, name) => name,
};

/** OSV ecosystems of language registries → the purl type their key uses. */
const languageTypes: Readonly<Record<string, string>> = {
  PyPI: 'pypi',
  Maven: 'maven',
  npm: 'npm',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  NuGet: 'nuget',
  Packagist: 'composer',
  Hex: 'hex',
  Pub: 'pub',
  Hackage: 'hackage',
  GHC: 'hackage',
  CRAN: 'cran',
  Bitnami: 'bitnami',
  SwiftURL: 'swift',
  ConanCenter: 'conan',
};

/** The key of a language package; undefined for purl types we do not key (generic, docker, oci, …). */
export function languagePackageKey(type: string, namespace: string | undefined, name: string): PackageKey | undefined {
  const rule = nameRules[type];
  if (rule === undefined) return undefined;
  const normalized = rule(namespace, name);
  return { key: `${type}:${normalized}`, type, name: normalized };
}

/** The key of a distribution package in one release (`undefined`: release unknown). */
export function distroPackageKey(rule: DistroRule, name: string, release: string | undefined): PackageKey {
  // deb and apk names are lower-case by policy and purl-spec folds them; rpm names are case-sensitive.
  const normalized = rule.type === 'rpm' ? name : name.toLowerCase();
  const baseKey = `${rule.type}:${rule.vendor}:${normalized}`;
  return {
    key: `${rule.type}:${rule.vendor}:${release ?? '?'}:${normalized}`,
    type: rule.type,
    name: normalized,
    distro: { vendor: rule.vendor, ...(release === undefined ? {} : { release }), baseKey },
  };
}

/** The distribution rule of a purl, when it names a distribution package. */
export function distroRuleOfPurl(purl: Purl): DistroRule | undefined {
  return distroRuleForPurl(purl.type, purl.namespace);
}

/**
 * The key of the package a purl names, by the package's own name (for a distribution binary
 * package see `source-package.ts`, which re-keys it by its source package). The release comes
 * from the `distro` qualifier; without one the release is unknown.
 */
export function packageKeyOfPurl(purl: Purl, name: string = purl.name): PackageKey | undefined {
  const rule = distroRuleOfPurl(purl);
  if (rule !== undefined) {
    const distro = purl.qualifiers['distro'];
    const release =
      rule.rolling === true ? '-' : distro === undefined ? undefined : releaseOfDistroQualifier(rule, distro);
    return distroPackageKey(rule, name, release);
  }
  return languagePackageKey(purl.type, purl.namespace, name);
}

/**
 * The key of an OSV `affected[]` entry. The OSV ecosystem and name are authoritative (OSV schema
 * "affected[].package": `purl` is optional and sometimes wrong, e.g. `pkg:alpine/mariadb`); the
 * entry's purl is used only for ecosystems we do not map. A distribution entry without a release
 * suffix (`Debian` rather than `Debian:11`) states that every release is affected, and is keyed
 * with release `*`, which every release of that distribution looks up.
 */
export function packageKeyOfAffected(
  affected: AffectedPackage,
  purlOf: (text: string) => Purl | undefined,
): PackageKey | undefined {
  const ecosystem = baseEcosystem(affected.ecosystemQualified) ?? affected.ecosystem;
  const distro = distroRulesByEcosystem[ecosystem];
  if (distro !== undefined) {
    const release =
      distro.rolling === true ? '-' : affected.release === undefined ? everyRelease : distro.release(affected.release);
    // A suffix we cannot read (an unknown SUSE product, say) stays distinct rather than widening to every release.
    return distroPackageKey(distro, affected.name, release ?? `unrecognised:${affected.release ?? ''}`);
  }
  const type = languageTypes[ecosystem];
  if (type !== undefined) return languageKeyOfOsvName(type, affected.name);
  if (affected.purl === undefined) return undefined;
  const purl = purlOf(affected.purl);
  return purl === undefined ? undefined : packageKeyOfPurl(purl);
}

/** OSV writes language package names whole (`group:artifact`, `@scope/name`, `vendor/name`). */
function languageKeyOfOsvName(type: string, name: string): PackageKey | undefined {
  if (type === 'maven') {
    const [group, artifact, ...rest] = name.split(':');
    if (group === undefined || artifact === undefined || rest.length > 0) return undefined;
    return languagePackageKey(type, group, artifact);
  }
  return languagePackageKey(type, undefined, name);
}
