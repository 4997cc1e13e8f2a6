/**
 * The ecosystem names the OSV schema defines (osv-schema `ecosystems.json`), spelled as OSV
 * records spell them. A record's `ecosystem` may carry a `:suffix` (release, repository URL, CPE).
 */
export const osvEcosystems = [
  'AlmaLinux',
  'Alpaquita',
  'Alpine',
  'Android',
  'Azure Linux',
  'BellSoft Hardened Containers',
  'Bioconductor',
  'Bitnami',
  'Chainguard',
  'CleanStart',
  'ConanCenter',
  'CRAN',
  'crates.io',
  'Debian',
  'Docker Hardened Images',
  'Echo',
  'FreeBSD',
  'GHC',
  'GitHub Actions',
  'Go',
  'Hackage',
  'Hex',
  'Julia',
  'Kubernetes',
  'Linux',
  'Mageia',
  'Maven',
  'MinimOS',
  'npm',
  'NuGet',
  'opam',
  'openEuler',
  'openSUSE',
  'OSS-Fuzz',
  'Packagist',
  'Photon OS',
  'Pub',
  'PyPI',
  'Red Hat',
  'Rocky Linux',
  'Root',
  'RubyGems',
  'SUSE',
  'SwiftURL',
  'TuxCare',
  'Ubuntu',
  'VSCode',
  'Wolfi',
] as const;

/** An OSV ecosystem name without its `:suffix`. */
export type Ecosystem = (typeof osvEcosystems)[number];

const known: ReadonlySet<string> = new Set(osvEcosystems);

/** True when `name` is exactly one of the OSV ecosystem names (case-sensitive, as OSV is). */
export function isEcosystem(name: string): name is Ecosystem {
  return known.has(name);
}

/**
 * The ecosystem of an OSV `ecosystem` string (`Debian:11`, `Ubuntu:Pro:18.04:LTS`,
 * `Maven:https://…`) or undefined when its base name is not an OSV ecosystem.
 */
export function baseEcosystem(value: string): Ecosystem | undefined {
  const colon = value.indexOf(':');
  const base = colon === -1 ? value : value.slice(0, colon);
  return isEcosystem(base) ? base : undefined;
}
