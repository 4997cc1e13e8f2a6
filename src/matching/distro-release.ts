/**
 * How one Linux distribution names its packages and releases, so that the release written in an
 * OSV ecosystem suffix (`Debian:11`, `Alpine:v3.17`, `Red Hat:enterprise_linux:9::appstream`) and
 * the one in a purl `distro` qualifier (`debian-11`, `alpine-3.17.2`, `bullseye`) normalize to the
 * same text. Distribution advisories backport fixes per release, so the release is part of the
 * package key: a fix published for Debian 12 must never close the finding of a Debian 11 package.
 */
export interface DistroRule {
  /** The purl type of the distribution's packages. */
  readonly type: 'deb' | 'apk' | 'rpm';
  /** The canonical purl namespace (vendor). */
  readonly vendor: string;
  /**
   * True when the distribution's OSV records are written per SOURCE package (Debian, Ubuntu,
   * Alpine secdb "origin"), so a binary package is looked up by its source package name.
   */
  readonly bySourcePackage: boolean;
  /** Rolling distributions have no releases; their key carries the constant release `-`. */
  readonly rolling?: boolean;
  /** The normalized release, or undefined when the text names none we can recognise. */
  readonly release: (text: string) => string | undefined;
}

/** The key's release segment for rolling distributions (Wolfi, Chainguard, MinimOS). */
export const rollingRelease = '-';

/** Debian codenames (debian.org/releases) and Ubuntu codenames (wiki.ubuntu.com/Releases). */
const debianCodenames: Readonly<Record<string, string>> = {
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};
const ubuntuCodenames: Readonly<Record<string, string>> = {
  trusty: '14.04',
  xenial: '16.04',
  bionic: '18.04',
  focal: '20.04',
  jammy: '22.04',
  noble: '24.04',
};

/** `11`, `11.6`, `debian-11`, `bullseye` → `11`: Debian advisories are per major release. */
const debianRelease = (text: string): string | undefined =>
  debianCodenames[text.toLowerCase()] ?? /(?:^|\D)(\d+)(?:\.\d+)*$/.exec(text)?.[1];

/** `22.04`, `22.04:LTS`, `Pro:18.04:LTS`, `ubuntu-22.04`, `jammy` → `22.04` (Pro/ESM share the release). */
const ubuntuRelease = (text: string): string | undefined =>
  ubuntuCodenames[text.toLowerCase()] ?? /(\d+\.\d+)/.exec(text)?.[1];

/** `v3.17`, `3.17.2`, `alpine-3.17.2` → `3.17`; `edge` stays `edge`. */
const alpineRelease = (text: string): string | undefined =>
  /edge$/i.test(text) ? 'edge' : /v?(\d+\.\d+)/.exec(text)?.[1];

/** `8`, `9.2`, `almalinux-9.2`, `el9` → the major release (RHEL rebuilds publish per major). */
const majorRelease = (text: string): string | undefined => /(\d+)/.exec(text)?.[1];

/**
 * Red Hat OSV suffixes are CPE-like streams: `enterprise_linux:9::appstream` is the mainline
 * major release `9`; other streams (`rhel_eus:8.4`, `rhel_e4s:9.2`) carry their own backports,
 * so they stay distinct (`rhel_e4s-9.2`) and only match a purl whose `distro` names that stream.
 * A purl `distro=rhel-9.2` / `redhat-9` / `el9` is mainline: `9`.
 */
const redHatRelease = (text: string): string | undefined => {
  const stream = /^([a-z][a-z0-9_]*):(\d+(?:\.\d+)?)/i.exec(text);
  if (stream !== undefined && stream !== null) {
    const [, name = '', version = ''] = stream;
    return name.toLowerCase() === 'enterprise_linux' ? majorRelease(version) : `${name.toLowerCase()}-${version}`;
  }
  const explicit = /^(rhel_[a-z0-9]+)-(\d+(?:\.\d+)?)$/i.exec(text);
  if (explicit !== null) return `${(explicit[1] ?? '').toLowerCase()}-${explicit[2] ?? ''}`;
  return majorRelease(text);
};

/**
 * SUSE products: `Linux Enterprise Server 15 SP4` (OSV) and `sles-15.4` / `sles-15-sp4` (purl)
 * → `sles-15.4`. Other products keep their lower-cased, dash-joined name (`linux-enterprise-micro-5.3`).
 */
const suseRelease = (text: string): string | undefined => {
  const sles = /(?:linux enterprise server|sles)[\s_-]*(\d+)(?:[\s._-]*sp(\d+)|\.(\d+))?/i.exec(text);
  if (sles !== null) {
    const sp = sles[2] ?? sles[3];
    return `sles-${sles[1] ?? ''}${sp === undefined ? '' : `.${sp}`}`;
  }
  return dashed(text);
};

/** openSUSE: `Leap 15.4` / `opensuse-leap-15.4` → `leap-15.4`; `Tumbleweed` → `tumbleweed`. */
const openSuseRelease = (text: string): string | undefined => dashed(text.replace(/^opensuse[\s-]*/i, ''));

const dashed = (text: string): string | undefined => {
  const out = text.trim().toLowerCase().replace(/\s+/g, '-');
  return out === '' ? undefined : out;
};

const rolling = (): string => rollingRelease;

const deb = (vendor: string, release: DistroRule['release']): DistroRule => ({
  type: 'deb',
  vendor,
  bySourcePackage: true,
  release,
});
const rpm = (vendor: string, release: DistroRule['release']): DistroRule => ({
  type: 'rpm',
  vendor,
  bySourcePackage: false,
  release,
});
const apk = (vendor: string, release: DistroRule['release'], isRolling = false): DistroRule => ({
  type: 'apk',
  vendor,
  bySourcePackage: true,
  release,
  ...(isRolling ? { rolling: true } : {}),
});

/** The distributions by OSV ecosystem name (osv-schema `ecosystems.json`). */
export const distroRulesByEcosystem: Readonly<Record<string, DistroRule>> = {
  Debian: deb('debian', debianRelease),
  Ubuntu: deb('ubuntu', ubuntuRelease),
  Alpine: apk('alpine', alpineRelease),
  Alpaquita: apk('alpaquita', alpineRelease),
  Wolfi: apk('wolfi', rolling, true),
  Chainguard: apk('chainguard', rolling, true),
  MinimOS: apk('minimos', rolling, true),
  AlmaLinux: rpm('almalinux', majorRelease),
  'Rocky Linux': rpm('rocky-linux', majorRelease),
  'Red Hat': rpm('redhat', redHatRelease),
  SUSE: rpm('suse', suseRelease),
  openSUSE: rpm('opensuse', openSuseRelease),
  Mageia: rpm('mageia', majorRelease),
  'Azure Linux': rpm('azurelinux', dashed),
  openEuler: rpm('openeuler', dashed),
  'Photon OS': rpm('photon', dashed),
};

/** purl namespaces (as SBOM tools write them) → the rule; several tools spell vendors differently. */
const vendorAliases: Readonly<Record<string, string>> = {
  'deb/debian': 'Debian',
  'deb/ubuntu': 'Ubuntu',
  'apk/alpine': 'Alpine',
  'apk/alpaquita': 'Alpaquita',
  'apk/wolfi': 'Wolfi',
  'apk/chainguard': 'Chainguard',
  'apk/minimos': 'MinimOS',
  'rpm/almalinux': 'AlmaLinux',
  'rpm/rocky': 'Rocky Linux',
  'rpm/rocky-linux': 'Rocky Linux',
  'rpm/rockylinux': 'Rocky Linux',
  'rpm/redhat': 'Red Hat',
  'rpm/rhel': 'Red Hat',
  'rpm/suse': 'SUSE',
  'rpm/sles': 'SUSE',
  'rpm/opensuse': 'openSUSE',
  'rpm/mageia': 'Mageia',
  'rpm/azurelinux': 'Azure Linux',
  'rpm/mariner': 'Azure Linux',
  'rpm/openeuler': 'openEuler',
  'rpm/photon': 'Photon OS',
};

/** The rule for a purl's type and namespace (lower-case), or undefined for other distributions. */
export function distroRuleForPurl(type: string, namespace: string | undefined): DistroRule | undefined {
  const ecosystem = vendorAliases[`${type}/${(namespace ?? '').toLowerCase()}`];
  return ecosystem === undefined ? undefined : distroRulesByEcosystem[ecosystem];
}

/**
 * The release named by a purl `distro` qualifier: the vendor prefix (`debian-`, `alpine-`,
 * `almalinux-`, `rhel-`) is dropped, then the distribution's own rule applies.
 */
export function releaseOfDistroQualifier(rule: DistroRule, distro: string): string | undefined {
  if (rule.rolling === true) return rollingRelease;
  return rule.release(distro.trim());
}
