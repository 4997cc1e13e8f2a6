import { isAppError } from '../../core/app-error.js';
import type { Ecosystem } from '../../core/version/ecosystem.js';
import { Purl, type PurlComponents } from '../../core/purl.js';
import type { OsvEcosystem } from './osv-ecosystem.js';

/** How to build a versionless purl for a package of one ecosystem (purl-spec PURL-TYPES). */
type PurlRecipe = (name: string, release: string | undefined) => PurlComponents | undefined;

const plain =
  (type: string): PurlRecipe =>
  (name) => ({ type, name });

/** `a/b/c` → namespace `a/b`, name `c` (Go modules, Swift URLs, Composer vendor/package). */
const lastSegment =
  (type: string): PurlRecipe =>
  (name) => {
    const slash = name.lastIndexOf('/');
    return slash <= 0 ? undefined : { type, namespace: name.slice(0, slash), name: name.slice(slash + 1) };
  };

/** A distribution package: `pkg:<type>/<vendor>/<name>?distro=<vendor>-<release>`. */
const distro =
  (type: string, vendor: string, releaseForm: (release: string) => string | undefined = (r) => r): PurlRecipe =>
  (name, release) => {
    const form = release === undefined ? undefined : releaseForm(release);
    return { type, namespace: vendor, name, qualifiers: form === undefined ? {} : { distro: `${vendor}-${form}` } };
  };

/** A numeric release only (`11`, `22.04` of `22.04:LTS`); other suffixes are not a release number. */
const numericRelease = (release: string): string | undefined => /^v?(\d+(?:\.\d+)*)/.exec(release)?.[1];

/**
 * Every OSV ecosystem with its purl recipe, or undefined where purl-spec has no type for it (or
 * the package name does not identify a purl). A `Record` so a new ecosystem cannot be added
 * without deciding this.
 */
const recipes: Readonly<Record<Ecosystem, PurlRecipe | undefined>> = {
  AlmaLinux: distro('rpm', 'almalinux', numericRelease),
  Alpaquita: distro('apk', 'alpaquita', numericRelease),
  Alpine: distro('apk', 'alpine', numericRelease),
  Android: undefined,
  'Azure Linux': distro('rpm', 'azurelinux', numericRelease),
  'BellSoft Hardened Containers': undefined,
  Bioconductor: plain('bioconductor'),
  Bitnami: plain('bitnami'),
  Chainguard: distro('apk', 'chainguard', () => undefined),
  CleanStart: undefined,
  ConanCenter: plain('conan'),
  CRAN: plain('cran'),
  'crates.io': plain('cargo'),
  Debian: distro('deb', 'debian', numericRelease),
  'Docker Hardened Images': undefined,
  Echo: undefined,
  FreeBSD: undefined,
  GHC: plain('hackage'),
  'GitHub Actions': undefined,
  Go: lastSegment('golang'),
  Hackage: plain('hackage'),
  Hex: plain('hex'),
  Julia: undefined,
  Kubernetes: undefined,
  Linux: undefined,
  Mageia: distro('rpm', 'mageia', numericRelease),
  Maven: (name) => {
    const [group, artifact] = name.split(':');
    return group && artifact ? { type: 'maven', namespace: group, name: artifact } : undefined;
  },
  MinimOS: distro('apk', 'minimos', () => undefined),
  npm: (name) => {
    const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
    return scoped ? { type: 'npm', namespace: scoped[1], name: scoped[2] } : { type: 'npm', name };
  },
  NuGet: plain('nuget'),
  opam: undefined,
  openEuler: distro('rpm', 'openeuler', numericRelease),
  openSUSE: distro('rpm', 'opensuse', () => undefined),
  'OSS-Fuzz': undefined,
  Packagist: lastSegment('composer'),
  'Photon OS': distro('rpm', 'photon', numericRelease),
  Pub: plain('pub'),
  // PEP 503 name normalisation: runs of -, _ and . become one '-', lower-case.
  PyPI: (name) => ({ type: 'pypi', name: name.toLowerCase().replace(/[-_.]+/g, '-') }),
  'Red Hat': distro('rpm', 'redhat', () => undefined),
  'Rocky Linux': distro('rpm', 'rocky-linux', numericRelease),
  Root: undefined,
  RubyGems: plain('gem'),
  SUSE: distro('rpm', 'suse', () => undefined),
  SwiftURL: lastSegment('swift'),
  TuxCare: undefined,
  Ubuntu: distro('deb', 'ubuntu', (release) => /^(?:Pro:)?(\d+\.\d+)/.exec(release)?.[1]),
  VSCode: undefined,
  Wolfi: distro('apk', 'wolfi', () => undefined),
};

/**
 * The canonical versionless purl of an OSV package, derived from its ecosystem and name, or
 * undefined when the ecosystem has no purl type or the name does not fit it.
 */
export function deriveOsvPackagePurl(ecosystem: OsvEcosystem, name: string): string | undefined {
  if (ecosystem.known === undefined || hasNoPurl(ecosystem, name)) return undefined;
  const components = recipes[ecosystem.known]?.(name, ecosystem.release);
  if (components === undefined) return undefined;
  try {
    return Purl.format(Purl.from(components));
  } catch (error) {
    if (isAppError(error)) return undefined;
    throw error;
  }
}

/** Packages that by design have no purl: Go's standard library and toolchain are not modules. */
export function hasNoPurl(ecosystem: OsvEcosystem, name: string): boolean {
  return ecosystem.known === 'Go' && (name === 'stdlib' || name === 'toolchain');
}

/**
 * A source-given purl in canonical form without its version; for distribution packages the
 * `distro` qualifier is added from the ecosystem release when the source left it out, so the
 * backported fix of one release is not applied to another.
 */
export function canonicalOsvPurl(text: string, ecosystem: OsvEcosystem): string | undefined {
  // A feed names the same package in thousands of records: canonicalize each spelling once.
  const key = `${text}\u0000${ecosystem.known ?? ''}\u0000${ecosystem.release ?? ''}`;
  if (canonicalPurls.has(key)) return canonicalPurls.get(key);
  const canonical = canonicalUncached(text, ecosystem);
  if (canonicalPurls.size >= canonicalPurlLimit) canonicalPurls.clear();
  canonicalPurls.set(key, canonical);
  return canonical;
}

const canonicalPurls = new Map<string, string | undefined>();
const canonicalPurlLimit = 100_000;

function canonicalUncached(text: string, ecosystem: OsvEcosystem): string | undefined {
  const purl = Purl.tryParse(text);
  if (purl === undefined) return undefined;
  let qualifiers = purl.qualifiers;
  if (qualifiers['distro'] === undefined && ecosystem.known !== undefined && ecosystem.release !== undefined) {
    const derived = recipes[ecosystem.known]?.(purl.name, ecosystem.release)?.qualifiers?.['distro'];
    if (typeof derived === 'string' && (purl.type === 'deb' || purl.type === 'rpm' || purl.type === 'apk')) {
      qualifiers = { ...qualifiers, distro: derived };
    }
  }
  return Purl.format({ ...purl, version: null, qualifiers });
}
