/**
 * Synthetic OSV advisory corpora for the vulnerability-matching benchmarks (import 500,000
 * advisories, scan an SBOM against them, apply a feed update over a large portfolio).
 *
 * `generateOsvAdvisories` streams records: one advisory "unit" (one CVE in one package) at a
 * time, each unit with its own seeded random source, so memory does not grow with `count`.
 * Records name packages from a `PackagePool` shared with `generate-portfolio.ts`, so generated
 * SBOM components meet these advisories by the same names and version lines.
 *
 * CLI: `npx tsx bench/generate-osv.ts --count 500000 --out DIR [--seed N]
 * [--packages-per-ecosystem N] [--records-per-file N]`. Measured for 500,000 records: 41 s,
 * 1,148 MiB in 31 files, peak RSS 645 MiB (it also completes with the heap capped at 160 MiB:
 * nothing accumulates). 13 % of the records share an id or alias with another record.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { VersionScheme } from '../src/core/version/version-scheme.js';
import { semverVersionScheme, versionSchemeForEcosystem } from '../src/core/version/version-schemes.js';
import { defaultBenchSeed } from './generate-sbom.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

// ---------------------------------------------------------------------------------------------
// Measured shape of the real corpus
// ---------------------------------------------------------------------------------------------

/**
 * Figures measured with a throwaway script over ../shared/corpus/osv-advisories: 840 real
 * records from eight databases (the synthetic osv.dev test records `ALIAS*`, `CYCLE-*`, `CVE-1..5`
 * left out; the PyPA YAML read with timestamps kept as strings). A record's ecosystem is that of
 * its first `affected[]` entry. The corpus was sampled per database (N per year, per package),
 * so its ecosystem shares describe the sample, not osv.dev: Maven is 43 % only because one
 * fixture holds 364 GHSA records of Apache Zeppelin's dependencies, and npm, Debian and Alpine
 * are nearly absent. Per-database figures (below, `databaseProfiles`) do not depend on that.
 */
export const measuredOsvCorpus = {
  records: 840,
  recordShareByEcosystem: {
    Maven: 0.433,
    PyPI: 0.155,
    Go: 0.144,
    'crates.io': 0.124,
    Bitnami: 0.064,
    AlmaLinux: 0.054,
    '(no affected)': 0.019,
    Debian: 0.0024,
    npm: 0.0012,
    NuGet: 0.0012,
    SwiftURL: 0.0012,
    Alpine: 0.0012,
  },
  /** Mean `affected[]` entries per record (68 % have exactly one; AlmaLinux errata list 7.8 binaries). */
  affectedPerRecord: 2.05,
  /** Mean `ranges[]` per affected entry (PyPA adds a GIT range to half of its entries). */
  rangesPerAffected: 1.03,
  /** Mean events per range; 87 % of non-GIT ranges are one introduced/fixed pair. */
  eventsPerRange: 2.23,
  /** Share of ranges that start at `introduced: "0"`. */
  introducedZeroShare: 0.565,
  /** Share of ranges with no fixed/last_affected/limit event (still affected at the newest version). */
  unfixedRangeShare: 0.053,
  lastAffectedRangeShare: 0.025,
  /** Share of affected entries with an explicit `versions` list (GHSA 0.96, PYSEC 0.99, the others none). */
  affectedWithVersionsShare: 0.59,
  versionsListLength: { mean: 35.4, median: 19, p90: 82, max: 445 },
  aliasesPerRecord: 1.26,
  /** Share of records naming a CVE in `aliases` (or being one). */
  recordsWithCveAlias: 0.852,
  /** Share with a top-level severity vector; 0.064 more carry it per affected entry (Bitnami). */
  recordsWithSeverity: 0.462,
  recordsWithAffectedSeverity: 0.064,
  /** Severity types: CVSS_V3 438, CVSS_V4 14, CVSS_V2 1. */
  cvssV4ShareOfVectors: 0.031,
  /** Share of affected entries whose ecosystem carries a release (`AlmaLinux:9`, `Debian:12`, `Alpine:v3.16`). */
  distroQualifiedAffectedShare: 0.21,
  withdrawnShare: 0.002,
  /** Compact JSON size per record. */
  bytesPerRecord: { mean: 3227, median: 1943, p90: 7011 },
  /** `published` years (2026 is the corpus's own, partial year). */
  publishedYears: {
    2014: 13,
    2015: 1,
    2016: 8,
    2017: 14,
    2018: 57,
    2019: 66,
    2020: 77,
    2021: 145,
    2022: 145,
    2023: 78,
    2024: 77,
    2025: 31,
    2026: 37,
  },
} as const;

/** The OSV databases whose ids the generator writes. */
export type AdvisoryDatabase =
  'GHSA' | 'PYSEC' | 'GO' | 'RUSTSEC' | 'BIT' | 'DEBIAN' | 'DSA' | 'UBUNTU' | 'USN' | 'ALPINE' | 'ALSA' | 'RHSA';

/** How one database writes its records. */
export interface DatabaseProfile {
  /** `affected[]` entries per record, as weights by count. */
  readonly affected: Readonly<Record<string, number>>;
  /**
   * Event patterns of the non-GIT ranges, as weights: `i0` introduced "0", `i` introduced at a
   * version, `f` fixed, `l` last_affected.
   */
  readonly patterns: Readonly<Record<string, number>>;
  /** Share of affected entries with an explicit `versions` list. */
  readonly versionsList: number;
  /** Share of records whose `aliases` name the CVE. */
  readonly cveAlias: number;
  /** Share of records with a GHSA twin (same CVE and package) that their `aliases` name. */
  readonly ghsaTwin: number;
  /** Share with a top-level severity; `affectedSeverity` puts it on each affected entry instead. */
  readonly severity: number;
  readonly affectedSeverity?: boolean;
  readonly withdrawn: number;
  /** Mean number of references and of `details` characters. */
  readonly references: number;
  readonly detailsChars: number;
  readonly summary: number;
  /** True where the figures were measured; false where the corpus is too thin and they are assumed. */
  readonly measured: boolean;
}

/**
 * Per-database figures measured on the corpus (GHSA 369 records, PYSEC 130, GO 119, RUSTSEC
 * 104, BIT 54, ALSA/ALBA/ALEA 45). Debian, Ubuntu, Alpine and Red Hat have 1–8 records there,
 * mostly without `affected`, so their profiles follow the ALSA one and osv.dev's record layout
 * (per-CVE records with `upstream`, per-release entries) and are marked `measured: false`.
 */
export const databaseProfiles: Readonly<Record<AdvisoryDatabase, DatabaseProfile>> = {
  GHSA: {
    affected: { 1: 172, 2: 66, 3: 68, 4: 24, 5: 6, 6: 10, 7: 3, 8: 9, 9: 3, 10: 1, 12: 2, 13: 2, 20: 1, 25: 1 },
    patterns: { 'i,f': 573, 'i0,f': 272, 'i0,l': 30, 'i,l': 11, i0: 20, i: 2 },
    versionsList: 0.96,
    cveAlias: 0.98,
    ghsaTwin: 0,
    severity: 0.91,
    withdrawn: 0.001,
    references: 20.1,
    detailsChars: 530,
    summary: 0.99,
    measured: true,
  },
  PYSEC: {
    affected: { 1: 130 },
    patterns: {
      'i0,f': 60,
      'i,f': 16,
      'i0,f,i,f,i,f,i,f': 14,
      'i,f,i,f': 12,
      'i0,f,i,f': 9,
      i0: 8,
      'i,f,i,f,i,f': 6,
      'i0,f,i,f,i,f,i,f,i,f': 4,
    },
    versionsList: 0.99,
    cveAlias: 1,
    ghsaTwin: 0.66,
    severity: 0.046,
    withdrawn: 0,
    references: 5.2,
    detailsChars: 425,
    summary: 0,
    measured: true,
  },
  GO: {
    affected: { 1: 96, 2: 17, 3: 3, 4: 3 },
    patterns: { 'i0,f': 74, i0: 32, 'i0,f,i,f': 20, 'i,f': 10, 'i,f,i,f': 6, 'i,f,i,f,i,f': 3, 'i0,f,i,f,i,f': 3 },
    versionsList: 0,
    cveAlias: 0.93,
    ghsaTwin: 0.87,
    severity: 0,
    withdrawn: 0,
    references: 3.4,
    detailsChars: 198,
    summary: 0.99,
    measured: true,
  },
  RUSTSEC: {
    affected: { 1: 104 },
    patterns: { 'i0,f': 45, i0: 29, 'i,f': 13, 'i0,f,i,f': 7, 'i,f,i,f': 3, 'i0,f,i,f,i,f': 4, 'i,f,i,f,i,f,i,f': 2 },
    versionsList: 0,
    cveAlias: 0.53,
    ghsaTwin: 0.75,
    severity: 0.43,
    withdrawn: 0.019,
    references: 3.1,
    detailsChars: 480,
    summary: 1,
    measured: true,
  },
  BIT: {
    affected: { 1: 54 },
    patterns: {
      'i0,f': 10,
      'i,f': 9,
      'i0,f,i,f': 8,
      'i,f,i,f': 7,
      'i,f,i,f,i,f': 7,
      'i0,f,i,f,i,f,i,f': 5,
      'i,f,i,f,i,f,i,f': 4,
      'i,l': 3,
    },
    versionsList: 0,
    cveAlias: 1,
    ghsaTwin: 0,
    severity: 1,
    affectedSeverity: true,
    withdrawn: 0,
    references: 7.3,
    detailsChars: 404,
    summary: 0.54,
    measured: true,
  },
  ALSA: {
    affected: { 1: 10, 2: 8, 3: 6, 5: 2, 6: 2, 7: 3, 8: 4, 11: 3, 12: 2, 15: 1, 24: 1, 30: 1 },
    patterns: { 'i0,f': 1 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 0,
    withdrawn: 0,
    references: 7.6,
    detailsChars: 735,
    summary: 1,
    measured: true,
  },
  RHSA: {
    affected: { 1: 10, 2: 8, 3: 6, 5: 2, 6: 2, 7: 3, 8: 4, 11: 3, 12: 2, 15: 1, 24: 1, 30: 1 },
    patterns: { 'i0,f': 1 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 1,
    withdrawn: 0,
    references: 6,
    detailsChars: 600,
    summary: 1,
    measured: false,
  },
  DEBIAN: {
    affected: { 1: 3, 2: 4, 3: 3 },
    patterns: { 'i0,f': 95, i0: 5 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 0,
    withdrawn: 0,
    references: 1,
    detailsChars: 250,
    summary: 0,
    measured: false,
  },
  DSA: {
    affected: { 1: 1, 2: 1 },
    patterns: { 'i0,f': 1 },
    versionsList: 0,
    cveAlias: 0.5,
    ghsaTwin: 0,
    severity: 0,
    withdrawn: 0,
    references: 1,
    detailsChars: 288,
    summary: 1,
    measured: false,
  },
  UBUNTU: {
    affected: { 1: 3, 2: 4, 3: 3 },
    patterns: { 'i0,f': 95, i0: 5 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 0.9,
    withdrawn: 0,
    references: 3,
    detailsChars: 300,
    summary: 0,
    measured: false,
  },
  USN: {
    affected: { 1: 1, 2: 1 },
    patterns: { 'i0,f': 1 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 0,
    withdrawn: 0,
    references: 2,
    detailsChars: 300,
    summary: 1,
    measured: false,
  },
  ALPINE: {
    affected: { 1: 2, 2: 3, 3: 3, 4: 2 },
    patterns: { 'i0,f': 95, i0: 5 },
    versionsList: 0,
    cveAlias: 0,
    ghsaTwin: 0,
    severity: 0,
    withdrawn: 0,
    references: 1,
    detailsChars: 0,
    summary: 0,
    measured: false,
  },
};

// ---------------------------------------------------------------------------------------------
// The generated corpus's ecosystem mix
// ---------------------------------------------------------------------------------------------

/** The OSV ecosystems the synthetic corpus covers. */
export type AdvisoryEcosystem =
  | 'npm'
  | 'Maven'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'NuGet'
  | 'RubyGems'
  | 'Packagist'
  | 'Bitnami'
  | 'Debian'
  | 'Ubuntu'
  | 'Alpine'
  | 'AlmaLinux'
  | 'Red Hat';

export const advisoryEcosystems: readonly AdvisoryEcosystem[] = [
  'npm',
  'Maven',
  'PyPI',
  'Go',
  'crates.io',
  'NuGet',
  'RubyGems',
  'Packagist',
  'Bitnami',
  'Debian',
  'Ubuntu',
  'Alpine',
  'AlmaLinux',
  'Red Hat',
];

/**
 * Share of generated records per ecosystem (of the first affected entry), in percent. Not the
 * corpus's shares (see `measuredOsvCorpus`): a judgement of osv.dev's mix, which could not be
 * measured offline. Language ecosystems keep the order of the upstream database sizes the corpus
 * README states (Go vulndb 4,291, PyPA 2,661, RustSec 1,206 records) under GHSA's larger npm and
 * Maven shares; distribution feeds (per-CVE records for every release) take 44 %, as they hold
 * most osv.dev records. Every ecosystem of the issue is present, so every id scheme and version
 * syntax is exercised.
 */
export const osvEcosystemMix: Readonly<Record<AdvisoryEcosystem, number>> = {
  npm: 14,
  Maven: 12,
  PyPI: 9,
  Go: 6,
  'crates.io': 3,
  NuGet: 3,
  RubyGems: 3,
  Packagist: 4,
  Bitnami: 2,
  Debian: 14,
  Ubuntu: 12,
  Alpine: 6,
  AlmaLinux: 5,
  'Red Hat': 7,
};

/**
 * Which databases write an ecosystem's records: the lead database of a unit, and whether its
 * records get a second, aliased record from another database (PYSEC/GO/RUSTSEC with a GHSA twin,
 * measured; a DSA or USN next to the per-CVE Debian/Ubuntu record, assumed at 25 %).
 */
const ecosystemDatabases: Readonly<
  Record<
    AdvisoryEcosystem,
    {
      readonly lead: Readonly<Partial<Record<AdvisoryDatabase, number>>>;
      readonly notice?: { db: AdvisoryDatabase; share: number };
    }
  >
> = {
  npm: { lead: { GHSA: 1 } },
  Maven: { lead: { GHSA: 1 } },
  // PyPI: GHSA-only advisories next to PyPA's (assumed 40 %); a PYSEC has its GHSA twin at the measured 66 %.
  PyPI: { lead: { PYSEC: 60, GHSA: 40 } },
  Go: { lead: { GO: 1 } },
  'crates.io': { lead: { RUSTSEC: 1 } },
  NuGet: { lead: { GHSA: 1 } },
  RubyGems: { lead: { GHSA: 1 } },
  Packagist: { lead: { GHSA: 1 } },
  Bitnami: { lead: { BIT: 1 } },
  Debian: { lead: { DEBIAN: 1 }, notice: { db: 'DSA', share: 0.25 } },
  Ubuntu: { lead: { UBUNTU: 1 }, notice: { db: 'USN', share: 0.25 } },
  Alpine: { lead: { ALPINE: 1 } },
  AlmaLinux: { lead: { ALSA: 1 } },
  'Red Hat': { lead: { RHSA: 1 } },
};

/** Expected records per unit of an ecosystem, so per-record shares come out as `osvEcosystemMix`. */
function recordsPerUnit(ecosystem: AdvisoryEcosystem): number {
  const { lead, notice } = ecosystemDatabases[ecosystem];
  const total = Object.values(lead).reduce((sum, w) => sum + (w ?? 0), 0);
  let expected = 0;
  for (const [db, weight] of Object.entries(lead) as [AdvisoryDatabase, number][]) {
    expected += (weight / total) * (1 + databaseProfiles[db].ghsaTwin);
  }
  return expected + (notice?.share ?? 0);
}

const unitMix = Object.fromEntries(
  advisoryEcosystems.map((e) => [e, osvEcosystemMix[e] / recordsPerUnit(e)]),
) as Record<AdvisoryEcosystem, number>;

// ---------------------------------------------------------------------------------------------
// Package pools
// ---------------------------------------------------------------------------------------------

/** Distribution releases, with the share of products built on each (newer releases dominate). */
export const distroReleases = {
  Debian: { 10: 5, 11: 35, 12: 50, 13: 10 },
  Ubuntu: { '20.04': 20, '22.04': 50, '24.04': 30 },
  Alpine: { '3.17': 10, '3.18': 20, '3.19': 40, '3.20': 30 },
  AlmaLinux: { 8: 40, 9: 60 },
  'Red Hat': { 8: 40, 9: 60 },
} as const;

export type DistroEcosystem = keyof typeof distroReleases;

export function isDistroEcosystem(ecosystem: AdvisoryEcosystem): ecosystem is DistroEcosystem {
  return ecosystem in distroReleases;
}

/** One package of a pool: its OSV name, its purl without version, and the shape of its version line. */
export interface PoolPackage {
  readonly ecosystem: AdvisoryEcosystem;
  /** 0 is the most popular: most used by products and most often in advisories. */
  readonly rank: number;
  /** The name as OSV records write it (`group:artifact`, `@scope/name`, module path, source package). */
  readonly name: string;
  /** Canonical purl up to the name (`pkg:maven/org.apache.x/y`), no version or qualifiers. */
  readonly purl: string;
  /** CycloneDX `group` where the ecosystem has one. */
  readonly group?: string;
  /** Component name as SBOM tools write it (the purl name). */
  readonly componentName: string;
  /** Number of releases in the package's version line (distributions: upstream releases). */
  readonly versionCount: number;
  readonly line: VersionLine;
}

/** Parameters that turn an index into a version, increasing in the ecosystem's own ordering. */
export interface VersionLine {
  readonly firstMajor: number;
  readonly minorsPerMajor: number;
  readonly patchesPerMinor: number;
  /** Maven `.Final` suffix, or PyPI `X.Y` for `X.Y.0`. */
  readonly style: 'plain' | 'final' | 'short-zero';
  /** Distributions: the epoch (0 = none) and the first package revision. */
  readonly epoch: number;
  readonly revision: number;
}

/** The packages of every ecosystem, ranked by popularity, with Zipf draws over the ranks. */
export interface PackagePool {
  readonly seed: number;
  readonly packagesPerEcosystem: number;
  packages(ecosystem: AdvisoryEcosystem): readonly PoolPackage[];
  /** A package drawn with Zipf-like popularity (weight 1 / (rank + 1 + popularityOffset)). */
  popular(ecosystem: AdvisoryEcosystem, rng: SeededRandom): PoolPackage;
  /** A package drawn uniformly from the least popular 5 % (abandoned, never-fixed packages live there). */
  obscure(ecosystem: AdvisoryEcosystem, rng: SeededRandom): PoolPackage;
}

export interface PackagePoolOptions {
  readonly packagesPerEcosystem: number;
  readonly seed?: number;
}

/**
 * Pool size for a corpus of `count` advisories: one package per 40 records, so the density of
 * advisories per package (and with it the share of affected components) is the same at test
 * sizes as at 500,000 records, where 12,500 packages per ecosystem leave 8,000–11,500 language
 * packages per ecosystem with at least one advisory and the most popular with thousands.
 */
export function defaultPackagesPerEcosystem(count: number): number {
  return Math.max(200, Math.min(20_000, Math.round(count / 40)));
}

/**
 * Flattens the head of the Zipf curve. With pure 1/rank the most popular package of an
 * ecosystem carries about a tenth of its advisories: ~7,000 for one npm package at 500,000
 * records, where the heaviest real language packages carry a few hundred (tensorflow on PyPI
 * about 430) and only distribution kernels reach thousands. With 10 the head carries ~1.3 %
 * (~900 npm, ~600 PyPI advisories), still on the heavy side. The first benchmark run used 0.
 */
export const popularityOffset = 10;

const poolCache = new Map<string, PackagePool>();

/** The pool both generators draw from; the same options always give the same packages. */
export function createPackagePool(options: PackagePoolOptions): PackagePool {
  const seed = (options.seed ?? defaultBenchSeed) >>> 0;
  const size = options.packagesPerEcosystem;
  if (!Number.isInteger(size) || size < 10)
    throw new Error(`packagesPerEcosystem must be an integer ≥ 10, not ${size}`);
  const cacheKey = `${seed}:${size}`;
  const cached = poolCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const lists = new Map<AdvisoryEcosystem, PoolPackage[]>();
  const packages = (ecosystem: AdvisoryEcosystem): PoolPackage[] => {
    let list = lists.get(ecosystem);
    if (list === undefined) {
      const ecoIndex = advisoryEcosystems.indexOf(ecosystem);
      list = Array.from({ length: size }, (_, rank) => makePackage(ecosystem, rank, hash32(seed, ecoIndex, rank)));
      lists.set(ecosystem, list);
    }
    return list;
  };
  // Cumulative 1/(rank+1+offset) weights: one array per pool size, shared by the ecosystems.
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let rank = 0; rank < size; rank++) cumulative[rank] = sum += 1 / (rank + 1 + popularityOffset);
  const pool: PackagePool = {
    seed,
    packagesPerEcosystem: size,
    packages,
    popular: (ecosystem, rng) => packages(ecosystem)[searchCumulative(cumulative, rng.next() * sum)]!,
    obscure: (ecosystem, rng) => packages(ecosystem)[rng.int(Math.floor(size * 0.95), size - 1)]!,
  };
  poolCache.set(cacheKey, pool);
  return pool;
}

function searchCumulative(cumulative: Float64Array, target: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Our own word list for package names; none is a subpackage suffix (-libs, -devel, …) or starts with "lib".
const words = (
  'acorn amber anvil arrow aspen atlas axon badge beacon birch blaze bolt brook cable cairn ' +
  'canopy cedar cinder cipher cobalt comet coral crane crest cursor delta dune ember falcon ' +
  'fern fjord flint forge frost gale garnet glade granite gust harbor hazel helix heron ' +
  'hollow husk indigo iris jasper juniper kelp kestrel lagoon lantern larch ledger lumen ' +
  'lynx maple marble meadow meteor mica mosaic nectar nimbus north oak onyx orbit osprey ' +
  'otter pebble pine pixel plume prism quartz quill raven reef ridge river rune sable ' +
  'saffron sage shale signal slate sparrow spruce summit tallow thistle tide timber topaz ' +
  'tundra umber vale vapor vector velvet willow wren yarrow zephyr zinc'
).split(' ');
const npmScopes = ['acme', 'types', 'core', 'cloud', 'ui', 'data', 'net', 'dev'] as const;
const mavenGroups = [
  'org.apache',
  'com.fasterxml',
  'io.netty',
  'org.eclipse',
  'io.github',
  'com.google',
  'org.springframework',
  'ca.uhn',
] as const;
const goHosts = [
  'github.com',
  'github.com',
  'github.com',
  'gitlab.com',
  'golang.org/x',
  'go.uber.org',
  'k8s.io',
] as const;

/** A unique dash-joined stem per rank (bijective base-N over the word list). */
function stem(rank: number): string {
  const parts: string[] = [];
  let n = rank;
  for (;;) {
    parts.push(words[n % words.length]!);
    n = Math.floor(n / words.length) - 1;
    if (n < 0) return parts.join('-');
  }
}

function pascal(text: string, separator: string): string {
  return text
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(separator);
}

function makePackage(ecosystem: AdvisoryEcosystem, rank: number, packageSeed: number): PoolPackage {
  const rng = seededRandom(packageSeed);
  const base = stem(rank);
  const pick = <T>(items: readonly T[]): T => items[rank % items.length]!;
  // Popular packages have long histories (GHSA `versions` lists reach 445).
  const versionCount = Math.max(6, Math.round(10 + 250 / Math.sqrt(rank + 1) + rng.int(0, 10)));
  const line: VersionLine = {
    firstMajor: ecosystem === 'Go' ? rng.int(0, 1) : rng.int(0, 4),
    minorsPerMajor: rng.int(3, 12),
    patchesPerMinor: rng.int(1, 6),
    style:
      ecosystem === 'Maven' && rng.chance(0.15)
        ? 'final'
        : ecosystem === 'PyPI' && rng.chance(0.3)
          ? 'short-zero'
          : 'plain',
    epoch: isDistroEcosystem(ecosystem) && rng.chance(0.1) ? rng.int(1, 3) : 0,
    revision: rng.int(1, 4),
  };
  const common = { ecosystem, rank, versionCount, line };
  switch (ecosystem) {
    case 'npm': {
      if (rank % 5 !== 4) return { ...common, name: base, purl: `pkg:npm/${base}`, componentName: base };
      const scope = `@${pick(npmScopes)}`;
      return {
        ...common,
        name: `${scope}/${base}`,
        purl: `pkg:npm/%40${scope.slice(1)}/${base}`,
        group: scope,
        componentName: base,
      };
    }
    case 'Maven': {
      const group = `${pick(mavenGroups)}.${words[Math.floor(rank / 7) % words.length]!}`;
      return { ...common, name: `${group}:${base}`, purl: `pkg:maven/${group}/${base}`, group, componentName: base };
    }
    case 'PyPI': {
      // OSV keeps the project's own spelling; purls and SBOMs use the PEP 503 normalized name.
      const name = rank % 5 === 1 ? pascal(base, '_') : base;
      return { ...common, name, purl: `pkg:pypi/${base}`, componentName: base };
    }
    case 'Go': {
      const host = pick(goHosts);
      const namespace =
        host.includes('/') || host.endsWith('.org') || host === 'k8s.io'
          ? host
          : `${host}/${words[(rank * 7) % words.length]!}`;
      return {
        ...common,
        name: `${namespace}/${base}`,
        purl: `pkg:golang/${namespace}/${base}`,
        group: namespace,
        componentName: base,
      };
    }
    case 'crates.io': {
      const name = rank % 2 === 0 ? base.replaceAll('-', '_') : base;
      return { ...common, name, purl: `pkg:cargo/${name}`, componentName: name };
    }
    case 'NuGet': {
      const name = pascal(base, '.');
      return { ...common, name, purl: `pkg:nuget/${name}`, componentName: name };
    }
    case 'RubyGems': {
      const name = rank % 3 === 0 ? base.replaceAll('-', '_') : base;
      return { ...common, name, purl: `pkg:gem/${name}`, componentName: name };
    }
    case 'Packagist': {
      const vendor = words[(rank * 13) % words.length]!;
      return {
        ...common,
        name: `${vendor}/${base}`,
        purl: `pkg:composer/${vendor}/${base}`,
        group: vendor,
        componentName: base,
      };
    }
    case 'Bitnami':
      return { ...common, name: base, purl: `pkg:bitnami/${base}`, componentName: base };
    case 'Debian':
    case 'Ubuntu': {
      const name = rank % 3 === 0 ? `lib${base}` : base;
      const vendor = ecosystem === 'Debian' ? 'debian' : 'ubuntu';
      return { ...common, name, purl: `pkg:deb/${vendor}/${name}`, group: vendor, componentName: name };
    }
    case 'Alpine':
      return { ...common, name: base, purl: `pkg:apk/alpine/${base}`, group: 'alpine', componentName: base };
    case 'AlmaLinux':
      return { ...common, name: base, purl: `pkg:rpm/almalinux/${base}`, group: 'almalinux', componentName: base };
    case 'Red Hat':
      return { ...common, name: base, purl: `pkg:rpm/redhat/${base}`, group: 'redhat', componentName: base };
  }
}

// ---------------------------------------------------------------------------------------------
// Version lines
// ---------------------------------------------------------------------------------------------

/** `major.minor.patch` of release `index` (0 = oldest), in the package's own style. */
function upstreamVersion(pkg: PoolPackage, index: number): string {
  const { firstMajor, minorsPerMajor, patchesPerMinor, style } = pkg.line;
  const perMajor = minorsPerMajor * patchesPerMinor;
  const patch = index % patchesPerMinor;
  const minor = Math.floor(index / patchesPerMinor) % minorsPerMajor;
  // Go modules stay below v2: a new major would be a new module path.
  const major = firstMajor + (pkg.ecosystem === 'Go' ? 0 : Math.floor(index / perMajor));
  const minorValue = pkg.ecosystem === 'Go' ? Math.floor(index / patchesPerMinor) : minor;
  if (style === 'final') return `${major}.${minorValue}.${patch}.Final`;
  if (style === 'short-zero' && patch === 0) return `${major}.${minorValue}`;
  return `${major}.${minorValue}.${patch}`;
}

/** The releases of a distribution package in one distribution release: the frozen upstream, then security updates. */
export function distroVersionCount(pkg: PoolPackage): number {
  return Math.min(25, 2 + Math.floor(pkg.versionCount / 12));
}

/** Index into the upstream line that a distribution release froze: older releases, older upstream. */
function frozenUpstream(pkg: PoolPackage & { ecosystem: DistroEcosystem }, release: string): string {
  const releases = Object.keys(distroReleases[pkg.ecosystem]);
  const position = releases.indexOf(release);
  const fraction = 0.35 + (0.6 * Math.max(0, position)) / Math.max(1, releases.length - 1);
  return upstreamVersion(pkg, Math.floor((pkg.versionCount - 1) * fraction));
}

/**
 * Version `index` of a package as written in an OSV range (`release` for distributions). Every
 * line increases under its ecosystem's ordering: semver, PEP 440, Maven, dpkg (`+debNNuK`
 * security updates, `ubuntu0.K`), apk (`-rN`) and rpm (`N.elR`, epochs written `E:`).
 */
export function advisoryVersion(pkg: PoolPackage, index: number, release?: string): string {
  if (!isDistroEcosystem(pkg.ecosystem)) return upstreamVersion(pkg, index);
  return distroVersion(pkg as PoolPackage & { ecosystem: DistroEcosystem }, index, releaseOrThrow(pkg, release), 'osv');
}

/** Version `index` as an SBOM's purl writes it (Go `v` prefix; rpm epoch as a qualifier, not in the version). */
export function componentVersion(pkg: PoolPackage, index: number, release?: string): string {
  if (pkg.ecosystem === 'Go') return `v${upstreamVersion(pkg, index)}`;
  if (!isDistroEcosystem(pkg.ecosystem)) return upstreamVersion(pkg, index);
  return distroVersion(
    pkg as PoolPackage & { ecosystem: DistroEcosystem },
    index,
    releaseOrThrow(pkg, release),
    'purl',
  );
}

function releaseOrThrow(pkg: PoolPackage, release: string | undefined): string {
  if (release === undefined) throw new Error(`${pkg.ecosystem} package ${pkg.name} needs a release`);
  return release;
}

function distroVersion(
  pkg: PoolPackage & { ecosystem: DistroEcosystem },
  index: number,
  release: string,
  form: 'osv' | 'purl',
): string {
  const upstream = frozenUpstream(pkg, release);
  const { epoch, revision } = pkg.line;
  switch (pkg.ecosystem) {
    case 'Debian': {
      const prefix = epoch > 0 ? `${epoch}:` : '';
      return index === 0
        ? `${prefix}${upstream}-${revision}`
        : `${prefix}${upstream}-${revision}+deb${release}u${index}`;
    }
    case 'Ubuntu': {
      const prefix = epoch > 0 ? `${epoch}:` : '';
      return index === 0 ? `${prefix}${upstream}-${revision}` : `${prefix}${upstream}-${revision}ubuntu0.${index}`;
    }
    case 'Alpine':
      return `${upstream}-r${index}`;
    case 'AlmaLinux':
    case 'Red Hat': {
      const evr = `${upstream}-${revision + index}.el${release}`;
      if (form === 'purl') return evr;
      // Red Hat's OSV always writes the epoch; AlmaLinux only when it is not 0.
      return pkg.ecosystem === 'Red Hat' || epoch > 0 ? `${epoch}:${evr}` : evr;
    }
  }
}

/** Versions in a package's line (for a distribution release, the security updates of its frozen upstream). */
export function versionCountOf(pkg: PoolPackage): number {
  return isDistroEcosystem(pkg.ecosystem) ? distroVersionCount(pkg) : pkg.versionCount;
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
}

export interface OsvRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  readonly repo?: string;
  readonly events: readonly OsvEvent[];
}

export interface OsvSeverity {
  readonly type: 'CVSS_V3' | 'CVSS_V4' | 'Ubuntu';
  readonly score: string;
}

export interface OsvAffected {
  readonly package: { readonly ecosystem: string; readonly name: string; readonly purl?: string };
  readonly severity?: readonly OsvSeverity[];
  readonly ranges: readonly OsvRange[];
  readonly versions?: readonly string[];
  readonly ecosystem_specific?: Readonly<Record<string, unknown>>;
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

/** A generated OSV record, in OSV's JSON field names. */
export interface OsvAdvisory {
  readonly schema_version?: string;
  readonly id: string;
  readonly modified: string;
  readonly published: string;
  readonly withdrawn?: string;
  readonly aliases?: readonly string[];
  readonly related?: readonly string[];
  readonly upstream?: readonly string[];
  readonly summary?: string;
  readonly details?: string;
  readonly severity?: readonly OsvSeverity[];
  readonly affected: readonly OsvAffected[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
  readonly database_specific?: Readonly<Record<string, unknown>>;
}

export interface GenerateOsvOptions {
  readonly count: number;
  /** Same seed, same records, byte for byte. */
  readonly seed?: number;
  /** Default: `defaultPackagesPerEcosystem(count)`. */
  readonly packagesPerEcosystem?: number;
}

/** The moment the synthetic feed was exported; no timestamp is later. */
export const corpusExportedAt = Date.UTC(2026, 4, 31, 12, 0, 0);

/**
 * Streams `count` OSV records. Each unit (one CVE in one package) yields its lead record and,
 * where the ecosystem has them, an aliased GHSA twin or a DSA/USN notice, so alias merging meets
 * the measured density. Nothing but the current unit is held in memory.
 */
export function* generateOsvAdvisories(options: GenerateOsvOptions): Generator<OsvAdvisory, void, undefined> {
  const seed = (options.seed ?? defaultBenchSeed) >>> 0;
  const pool = createPackagePool({
    packagesPerEcosystem: options.packagesPerEcosystem ?? defaultPackagesPerEcosystem(options.count),
    seed,
  });
  let emitted = 0;
  for (let unit = 0; emitted < options.count; unit++) {
    for (const record of generateUnit(pool, seed, unit)) {
      if (emitted >= options.count) return;
      emitted++;
      yield record;
    }
  }
}

/** The package pool `generateOsvAdvisories` uses for these options (give it to the portfolio generator). */
export function packagePoolFor(options: GenerateOsvOptions): PackagePool {
  return createPackagePool({
    packagesPerEcosystem: options.packagesPerEcosystem ?? defaultPackagesPerEcosystem(options.count),
    seed: (options.seed ?? defaultBenchSeed) >>> 0,
  });
}

/** The ecosystem of a record (its first affected entry's, without the release suffix). */
export function ecosystemOf(record: OsvAdvisory): AdvisoryEcosystem {
  const value = record.affected[0]?.package.ecosystem ?? '';
  return value.split(':')[0] as AdvisoryEcosystem;
}

interface UnitCore {
  readonly rng: SeededRandom;
  readonly unit: number;
  readonly ecosystem: AdvisoryEcosystem;
  readonly cve: string;
  readonly published: number;
  readonly modified: number;
}

function generateUnit(pool: PackagePool, seed: number, unit: number): OsvAdvisory[] {
  const rng = seededRandom(hash32(seed, 0x0b5e, unit));
  const ecosystem = weighted(rng, unitMix);
  const published = timestampBetween(rng, yearStart(weighted(rng, measuredOsvCorpus.publishedYears)), 365);
  // Most records are touched again later (GHSA re-exports, new references), skewed to recent dates.
  const modified = Math.min(
    corpusExportedAt,
    published + Math.floor((corpusExportedAt - published) * Math.sqrt(rng.next())),
  );
  const year = new Date(published).getUTCFullYear();
  const core: UnitCore = { rng, unit, ecosystem, cve: cveId(unit, year), published, modified };
  const { lead, notice } = ecosystemDatabases[ecosystem];
  const db = weighted(rng, lead as Record<AdvisoryDatabase, number>);
  const profile = databaseProfiles[db];
  const pattern = weighted(rng, profile.patterns);
  // Never-fixed advisories are about abandoned packages: the least popular 5 % of the pool.
  const unfixed = !pattern.includes('f') && !pattern.includes('l');
  const primary = unfixed ? pool.obscure(ecosystem, rng) : pool.popular(ecosystem, rng);
  const entries = affectedEntries(core, pool, db, primary, pattern);
  const hasCve = rng.chance(profile.cveAlias);
  const twin = rng.chance(profile.ghsaTwin) ? ghsaId(unit, rng) : undefined;
  const affected = entries.map((built) => withVersionsList(built, profile, rng));
  const records = [buildRecord(core, db, affected, { hasCve, ...(twin === undefined ? {} : { twin }) })];
  if (twin !== undefined) {
    const twinAffected = entries.map((built) => withVersionsList(built, databaseProfiles.GHSA, rng));
    records.push(buildRecord(core, 'GHSA', twinAffected, { hasCve, id: twin }));
  }
  if (notice !== undefined && rng.chance(notice.share)) {
    const fixed = affected.filter((entry) => entry.ranges.some((r) => r.events.some((e) => e.fixed !== undefined)));
    const noticeCve = rng.chance(databaseProfiles[notice.db].cveAlias);
    if (fixed.length > 0) records.push(buildRecord(core, notice.db, fixed, { hasCve: noticeCve }));
  }
  return records;
}

interface EntryOf {
  readonly entry: OsvAffected;
  readonly pkg: PoolPackage;
  /** Line indices the first range covers. */
  readonly spans: BuiltRange['spans'];
}

/** Affected entries of the lead record: sibling packages (language), binaries (rpm) or releases (deb, apk). */
function affectedEntries(
  core: UnitCore,
  pool: PackagePool,
  db: AdvisoryDatabase,
  primary: PoolPackage,
  pattern: string,
): EntryOf[] {
  const { rng, ecosystem } = core;
  const profile = databaseProfiles[db];
  const wanted = Number(weighted(rng, profile.affected));
  if (ecosystem === 'AlmaLinux' || ecosystem === 'Red Hat') {
    const release = weighted(rng, distroReleases[ecosystem]);
    const entries: EntryOf[] = [];
    const stream = rng.pick(['appstream', 'baseos']);
    let pkg = primary;
    while (entries.length < wanted) {
      const fixed = rng.int(1, distroVersionCount(pkg) - 1);
      for (const suffix of rpmSubpackages) {
        if (entries.length >= wanted) break;
        const { range, spans } = rangeOf(pkg, pattern, fixed, release, rng);
        entries.push({
          pkg,
          spans,
          entry: {
            package: {
              ecosystem:
                ecosystem === 'Red Hat' ? `Red Hat:enterprise_linux:${release}::${stream}` : `AlmaLinux:${release}`,
              name: `${pkg.name}${suffix}`,
              ...(ecosystem === 'Red Hat' ? { purl: `${pkg.purl}${suffix}` } : {}),
            },
            ranges: [range],
          },
        });
      }
      pkg = pool.popular(ecosystem, rng);
    }
    return entries;
  }
  if (isDistroEcosystem(ecosystem)) {
    const releases = Object.keys(distroReleases[ecosystem]);
    const chosen = sortedDistinct(rng, wanted, 0, releases.length - 1).map((i) => releases[i]!);
    return chosen.map((release) => {
      const { range, spans } = rangeOf(primary, pattern, undefined, release, rng);
      return {
        pkg: primary,
        spans,
        entry: {
          package: {
            ecosystem:
              ecosystem === 'Ubuntu'
                ? `Ubuntu:${release}:LTS`
                : ecosystem === 'Alpine'
                  ? `Alpine:v${release}`
                  : `Debian:${release}`,
            name: primary.name,
            ...(ecosystem === 'Debian' && rng.chance(0.5) ? { purl: primary.purl } : {}),
          },
          ranges: [range],
        },
      };
    });
  }
  const packages = [primary];
  for (let attempt = 0; packages.length < wanted && attempt < wanted * 4; attempt++) {
    // Multi-package advisories name siblings of one project (jackson-core, jackson-databind): nearby ranks.
    const sibling = pool.packages(ecosystem)[Math.min(pool.packagesPerEcosystem - 1, primary.rank + rng.int(1, 40))]!;
    if (!packages.includes(sibling)) packages.push(sibling);
  }
  return packages.map((pkg) => {
    const { range, spans } = rangeOf(pkg, pattern, undefined, undefined, rng);
    return {
      pkg,
      spans,
      entry: {
        package: { ecosystem, name: pkg.name, ...(db === 'GO' && !rng.chance(0.98) ? {} : { purl: pkg.purl }) },
        ranges: [
          range,
          // PyPA adds the upstream repository's commits to half of its entries.
          ...(db === 'PYSEC' && rng.chance(0.52) ? [gitRange(rng, pkg)] : []),
        ],
        ...(db === 'GO' ? { ecosystem_specific: goImports(rng, pkg) } : {}),
        ...(db === 'RUSTSEC' ? rustsecSpecific(rng) : {}),
      },
    };
  });
}

const rpmSubpackages = ['', '-libs', '-devel', '-debuginfo', '-debugsource', '-tools'] as const;

/** A range and the line indices it covers, as [from, to) spans (for the `versions` list). */
interface BuiltRange {
  readonly range: OsvRange;
  readonly spans: readonly (readonly [number, number])[];
}

/**
 * One range following `pattern`, its events at increasing indices of the package's line
 * (`fixedAt` pins the fix, as rpm errata fix every subpackage in one build).
 */
function rangeOf(
  pkg: PoolPackage,
  pattern: string,
  fixedAt: number | undefined,
  release: string | undefined,
  rng: SeededRandom,
): BuiltRange {
  const tokens = pattern.split(',');
  const length = versionCountOf(pkg);
  // Positions 1..length-1 are versions ("i0" needs none); a line too short for the pattern gets "i0,f".
  const needed = tokens.filter((t) => t !== 'i0').length;
  const used = needed > length - 2 ? ['i0', 'f'] : tokens;
  // A last_affected names the newest release when the advisory was written; the line has moved
  // on since (so it never names today's newest), or it would be a never-fixed advisory.
  const last = used[used.length - 1] === 'l' ? length - 2 : length - 1;
  const positions =
    fixedAt === undefined ? sortedDistinct(rng, used.filter((t) => t !== 'i0').length, 1, last) : [fixedAt];
  let next = 0;
  let from: number | undefined;
  const spans: [number, number][] = [];
  const zero = pkg.ecosystem === 'crates.io' ? '0.0.0-0' : '0';
  const events = used.map((token): OsvEvent => {
    if (token === 'i0') {
      from = 0;
      return { introduced: zero };
    }
    const position = positions[next++]!;
    const version = advisoryVersion(pkg, position, release);
    if (token === 'i') {
      from = position;
      return { introduced: version };
    }
    spans.push([from ?? 0, token === 'l' ? position + 1 : position]);
    from = undefined;
    return token === 'l' ? { last_affected: version } : { fixed: version };
  });
  if (from !== undefined) spans.push([from, length]);
  const semver =
    pkg.ecosystem === 'Go' || pkg.ecosystem === 'crates.io' || pkg.ecosystem === 'Bitnami' || pkg.ecosystem === 'npm';
  return { range: { type: semver ? 'SEMVER' : 'ECOSYSTEM', events }, spans };
}

/** `n` distinct sorted integers in [min, max] (fewer when the interval is smaller). */
function sortedDistinct(rng: SeededRandom, n: number, min: number, max: number): number[] {
  const span = max - min + 1;
  if (n >= span) return Array.from({ length: Math.max(0, span) }, (_, i) => min + i);
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(rng.int(min, max));
  return [...chosen].sort((a, b) => a - b);
}

/** The `versions` list the range implies, as GHSA and PyPA enumerate it from the registry. */
function withVersionsList(built: EntryOf, profile: DatabaseProfile, rng: SeededRandom): OsvAffected {
  const { entry, pkg, spans } = built;
  if (pkg.ecosystem === 'Go' || isDistroEcosystem(pkg.ecosystem) || !rng.chance(profile.versionsList)) return entry;
  const versions: string[] = [];
  for (const [from, to] of spans) {
    for (let i = from; i < to && versions.length < 500; i++) versions.push(advisoryVersion(pkg, i));
  }
  return versions.length === 0 ? entry : { ...entry, versions };
}

function gitRange(rng: SeededRandom, pkg: PoolPackage): OsvRange {
  return {
    type: 'GIT',
    repo: `https://github.com/${slug(pkg.name)}/${slug(pkg.name)}`,
    events: [{ introduced: rng.hex(40) }, { fixed: rng.hex(40) }],
  };
}

function goImports(rng: SeededRandom, pkg: PoolPackage): Record<string, unknown> {
  const symbols = Array.from(
    { length: rng.int(1, 5) },
    () => `${pascal(rng.pick(words), '')}.${pascal(rng.pick(words), '')}`,
  );
  return { imports: [{ path: `${pkg.name}/${rng.pick(words)}`, symbols: [...new Set(symbols)] }] };
}

function rustsecSpecific(rng: SeededRandom): Pick<OsvAffected, 'ecosystem_specific' | 'database_specific'> {
  return {
    ecosystem_specific: { affects: { arch: [], os: [], functions: [] }, affected_functions: null },
    database_specific: {
      categories: rng.chance(0.5)
        ? [rng.pick(['memory-corruption', 'denial-of-service', 'crypto-failure', 'code-execution'])]
        : [],
      cvss: null,
      informational: null,
    },
  };
}

function buildRecord(
  core: UnitCore,
  db: AdvisoryDatabase,
  affected: readonly OsvAffected[],
  options: { readonly hasCve: boolean; readonly twin?: string; readonly id?: string },
): OsvAdvisory {
  const { rng, unit, cve } = core;
  const profile = databaseProfiles[db];
  const year = new Date(core.published).getUTCFullYear();
  const id = options.id ?? recordId(db, unit, year, cve, affected[0]?.package.name ?? '', rng);
  const aliases = [...(options.hasCve ? [cve] : []), ...(options.twin === undefined ? [] : [options.twin])];
  const upstream =
    db === 'DEBIAN' || db === 'UBUNTU' || db === 'ALPINE' || db === 'RHSA'
      ? [cve]
      : db === 'DSA' || db === 'USN'
        ? [cve, ...Array.from({ length: rng.int(0, 3) }, (_, i) => cveId(unit + 1_000_000 * (i + 1), year))]
        : undefined;
  const related =
    db === 'ALSA'
      ? [cve, ...Array.from({ length: rng.int(0, 4) }, (_, i) => cveId(unit + 1_000_000 * (i + 1), year))]
      : undefined;
  const vector = cvssVector(rng);
  const severity: OsvSeverity[] =
    db === 'UBUNTU'
      ? [{ type: 'Ubuntu', score: rng.pick(['low', 'medium', 'medium', 'high', 'negligible', 'critical']) }]
      : [vector];
  const withSeverity = rng.chance(profile.severity);
  const withdrawn = rng.chance(profile.withdrawn) ? core.modified : undefined;
  const subject = affected[0]?.package.name ?? 'the package';
  // Built by assignment rather than spreads: this runs 500,000 times, and the key order is OSV's.
  const record: Record<string, unknown> = {};
  if (db === 'GHSA' || db === 'GO' || db === 'BIT') record['schema_version'] = '1.7.0';
  record['id'] = id;
  record['modified'] = timestamp(core.modified, db === 'GHSA');
  record['published'] = timestamp(core.published, false);
  if (withdrawn !== undefined) record['withdrawn'] = timestamp(withdrawn, false);
  if (aliases.length > 0 || db === 'GHSA' || db === 'GO' || db === 'RUSTSEC') record['aliases'] = aliases;
  if (related !== undefined) record['related'] = related;
  if (upstream !== undefined) record['upstream'] = upstream;
  if (rng.chance(profile.summary)) record['summary'] = summaryText(rng, subject);
  if (profile.detailsChars > 0) record['details'] = detailsText(rng, subject, profile.detailsChars);
  if (withSeverity && profile.affectedSeverity !== true) record['severity'] = severity;
  record['affected'] =
    withSeverity && profile.affectedSeverity === true ? affected.map((entry) => ({ ...entry, severity })) : affected;
  record['references'] = references(rng, db, id, cve, profile.references, affected[0]);
  const specific = databaseSpecific(rng, db, core);
  if (specific !== undefined) record['database_specific'] = specific;
  return record as unknown as OsvAdvisory;
}

function databaseSpecific(
  rng: SeededRandom,
  db: AdvisoryDatabase,
  core: UnitCore,
): Record<string, unknown> | undefined {
  switch (db) {
    case 'GHSA':
      return {
        cwe_ids: [`CWE-${rng.pick([20, 22, 79, 89, 94, 200, 287, 400, 502, 611, 770, 918])}`],
        github_reviewed: true,
        github_reviewed_at: timestamp(core.published, false),
        nvd_published_at: timestamp(core.published, false),
        severity: rng.pick(['LOW', 'MODERATE', 'MODERATE', 'HIGH', 'HIGH', 'CRITICAL']),
      };
    case 'GO':
      return {
        url: `https://pkg.go.dev/vuln/GO-${new Date(core.published).getUTCFullYear()}-${pad(core.unit, 4)}`,
        review_status: 'REVIEWED',
      };
    case 'RUSTSEC':
      return { license: 'CC0-1.0' };
    case 'BIT':
      return { cpes: [], severity: rng.pick(['Medium', 'High', 'Critical']) };
    case 'PYSEC':
    case 'DEBIAN':
    case 'DSA':
    case 'UBUNTU':
    case 'USN':
    case 'ALPINE':
    case 'ALSA':
    case 'RHSA':
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Ids, timestamps, text
// ---------------------------------------------------------------------------------------------

const ghsaAlphabet = '23456789cfghjmpqrvwx';
/** ALSA security, ALBA bug-fix and ALEA enhancement errata, as measured (42 : 2 : 1). */
const alsaPrefixes = { ALSA: 42, ALBA: 2, ALEA: 1 } as const;

/** GHSA ids: the first six characters encode the unit bijectively, so ids never collide. */
function ghsaId(unit: number, rng: SeededRandom): string {
  const space = 20 ** 6;
  let n = (unit * 7_777_777 + 1_234_567) % space;
  let head = '';
  for (let i = 0; i < 6; i++) {
    head += ghsaAlphabet[n % 20]!;
    n = Math.floor(n / 20);
  }
  let tail = '';
  for (let i = 0; i < 6; i++) tail += ghsaAlphabet[rng.int(0, 19)]!;
  // Units past 20^6 (64 million) would repeat the head; the tail then keeps them apart with high probability.
  const chars = head + tail;
  return `GHSA-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

function cveId(unit: number, year: number): string {
  // A fixed permutation of 0..899,999 so CVE numbers look scattered, not sequential.
  const n = unit < 900_000 ? 10_000 + ((unit * 7919 + 104_729) % 900_000) : 1_000_000 + unit;
  return `CVE-${year}-${n}`;
}

function recordId(
  db: AdvisoryDatabase,
  unit: number,
  year: number,
  cve: string,
  name: string,
  rng: SeededRandom,
): string {
  switch (db) {
    case 'GHSA':
      return ghsaId(unit, rng);
    case 'PYSEC':
      return `PYSEC-${year}-${unit + 1}`;
    case 'GO':
      return `GO-${year}-${pad(unit, 4)}`;
    case 'RUSTSEC':
      return `RUSTSEC-${year}-${pad(unit, 4)}`;
    case 'BIT':
      return `BIT-${slug(name)}-${cve.slice(4)}`;
    case 'DEBIAN':
    case 'UBUNTU':
    case 'ALPINE':
      return `${db}-${cve}`;
    case 'DSA':
      return `${rng.chance(0.6) ? 'DSA' : 'DLA'}-${1000 + unit}-${rng.int(1, 2)}`;
    case 'USN':
      return `USN-${1000 + unit}-${rng.int(1, 3)}`;
    case 'ALSA':
      return `${weighted(rng, alsaPrefixes)}-${year}:${pad(unit, 4)}`;
    case 'RHSA':
      return `RHSA-${year}:${pad(unit, 4)}`;
  }
}

function yearStart(year: string): number {
  return Date.UTC(Number(year), 0, 1);
}

function timestampBetween(rng: SeededRandom, start: number, days: number): number {
  return Math.min(corpusExportedAt, start + Math.floor(rng.next() * days * 86_400) * 1000);
}

/** RFC 3339 UTC; GHSA's exports carry microseconds. */
function timestamp(ms: number, fraction: boolean): string {
  const text = new Date(ms).toISOString().slice(0, 19);
  return fraction ? `${text}.${pad((ms % 997) * 1000 + 123, 6)}Z` : `${text}Z`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const cvssValues = {
  AV: ['N', 'N', 'N', 'A', 'L', 'P'],
  AC: ['L', 'L', 'H'],
  PR: ['N', 'N', 'L', 'H'],
  UI: ['N', 'N', 'R'],
  S: ['U', 'U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
} as const;

/** A CVSS 3.1 vector, or 4.0 at the measured 3 % of vectors. */
function cvssVector(rng: SeededRandom): OsvSeverity {
  if (rng.chance(measuredOsvCorpus.cvssV4ShareOfVectors)) {
    const hln = (): string => rng.pick(['H', 'L', 'N']);
    return {
      type: 'CVSS_V4',
      score: `CVSS:4.0/AV:${rng.pick(['N', 'A', 'L'])}/AC:${rng.pick(['L', 'H'])}/AT:${rng.pick(['N', 'P'])}/PR:${rng.pick(['N', 'L', 'H'])}/UI:${rng.pick(['N', 'P', 'A'])}/VC:${hln()}/VI:${hln()}/VA:${hln()}/SC:${hln()}/SI:${hln()}/SA:${hln()}`,
    };
  }
  const parts = Object.entries(cvssValues).map(([metric, values]) => `${metric}:${rng.pick(values)}`);
  return { type: 'CVSS_V3', score: `CVSS:${rng.chance(0.8) ? '3.1' : '3.0'}/${parts.join('/')}` };
}

const weaknesses = [
  'Cross-site scripting',
  'Path traversal',
  'Denial of service',
  'Improper input validation',
  'Server-side request forgery',
  'Deserialization of untrusted data',
  'Use after free',
  'Out-of-bounds read',
  'Integer overflow',
  'Authentication bypass',
  'Information exposure',
  'Uncontrolled resource consumption',
] as const;

function summaryText(rng: SeededRandom, subject: string): string {
  return `${rng.pick(weaknesses)} in ${subject}`;
}

function detailsText(rng: SeededRandom, subject: string, meanChars: number): string {
  const target = Math.max(40, Math.round(meanChars * (0.4 + 1.2 * rng.next())));
  let text = `${rng.pick(weaknesses)} in ${subject}.`;
  while (text.length < target) {
    text += ` ${pascal(rng.pick(words), '')} ${rng.pick(words)} ${rng.pick(['handling', 'parsing', 'validation', 'buffer', 'request'])} ${rng.pick(['allows', 'lets', 'may allow'])} ${rng.pick(['remote attackers', 'local users', 'authenticated users'])} to ${rng.pick(['cause a crash', 'read arbitrary files', 'execute code', 'bypass checks', 'exhaust memory'])}.`;
  }
  return text;
}

function references(
  rng: SeededRandom,
  db: AdvisoryDatabase,
  id: string,
  cve: string,
  mean: number,
  first: OsvAffected | undefined,
): { type: string; url: string }[] {
  const n = Math.max(1, Math.round(mean * (0.3 + 1.4 * rng.next())));
  const project = slug(first?.package.name ?? 'x');
  const advisory: Record<AdvisoryDatabase, string> = {
    GHSA: `https://github.com/advisories/${id}`,
    PYSEC: `https://github.com/pypa/advisory-database/tree/main/vulns/${project}/${id}.yaml`,
    GO: `https://pkg.go.dev/vuln/${id}`,
    RUSTSEC: `https://rustsec.org/advisories/${id}.html`,
    BIT: `https://github.com/bitnami/vulndb/tree/main/data/${project}/${id}.json`,
    DEBIAN: `https://security-tracker.debian.org/tracker/${cve}`,
    DSA: `https://www.debian.org/security/${id.toLowerCase()}`,
    UBUNTU: `https://ubuntu.com/security/${cve}`,
    USN: `https://ubuntu.com/security/notices/${id}`,
    ALPINE: `https://security.alpinelinux.org/vuln/${cve}`,
    ALSA: `https://errata.almalinux.org/${id.replace(':', '-')}.html`,
    RHSA: `https://access.redhat.com/errata/${id}`,
  };
  const out = [
    { type: 'ADVISORY', url: advisory[db] },
    { type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/${cve}` },
  ];
  while (out.length < n) {
    const kind = rng.pick(['WEB', 'FIX', 'REPORT', 'PACKAGE', 'ARTICLE']);
    out.push({
      type: kind,
      url: `https://github.com/${project}/${rng.pick(words)}/${kind === 'FIX' ? `commit/${rng.hex(40)}` : `issues/${rng.int(1, 9999)}`}`,
    });
  }
  return out.slice(0, n);
}

const pickers = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();

/** `rng.weighted` with the weights' table built once per weights object (hot path). */
function weighted<K extends string>(rng: SeededRandom, weights: Readonly<Record<K, number>>): K {
  let table = pickers.get(weights);
  if (table === undefined) {
    const keys = Object.keys(weights);
    let total = 0;
    const cumulative = keys.map((key) => (total += (weights as Record<string, number>)[key]!));
    table = { keys, cumulative, total };
    pickers.set(weights, table);
  }
  const roll = rng.next() * table.total;
  const { cumulative, keys } = table;
  for (let i = 0; i < cumulative.length; i++) if (roll < cumulative[i]!) return keys[i] as K;
  return keys[keys.length - 1] as K;
}

/** 32-bit mix of several integers (splitmix-style), to seed one unit's or one package's random source. */
function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h ^ Math.floor(part / 4294967296), 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Feed updates
// ---------------------------------------------------------------------------------------------

export type AdvisoryChange = 'touched' | 'fixed-later' | 'withdrawn';

/** How often each kind of change occurs in a feed update (assumed: most updates are edits). */
export const advisoryChangeMix: Readonly<Record<AdvisoryChange, number>> = {
  touched: 40,
  'fixed-later': 45,
  withdrawn: 15,
};

/**
 * A changed version of `record`, as the next feed export would carry it: `modified` moves 1–30
 * days on, and the change is one of `touched` (a reference added), `fixed-later` (the first fixed
 * event moves to a later version, and a `versions` list gains the versions that are now affected)
 * or `withdrawn`. Deterministic for a seed; the input is not modified. A record without a fixed
 * event to move is `touched` instead.
 */
export function mutate(record: OsvAdvisory, seed: number, kind?: AdvisoryChange): OsvAdvisory {
  const rng = seededRandom(hash32(seed, 0xc4a9, ...[...record.id].map((c) => c.charCodeAt(0))));
  const change = kind ?? rng.weighted(advisoryChangeMix);
  const modified = timestamp(
    Date.parse(record.modified) + rng.int(1, 30) * 86_400_000 + rng.int(0, 86_399) * 1000,
    false,
  );
  if (change === 'withdrawn') return { ...record, modified, withdrawn: modified };
  if (change === 'fixed-later') {
    const moved = moveFirstFix(record);
    if (moved !== undefined) return { ...record, modified, affected: moved };
  }
  return {
    ...record,
    modified,
    references: [
      ...record.references,
      { type: 'WEB', url: `https://example.org/advisory-update/${slug(record.id)}/${rng.hex(8)}` },
    ],
  };
}

/**
 * The record with its first movable fixed event moved to the next version. A fix moves only
 * where the later version still sorts below the range's next event, so the range stays ordered.
 */
function moveFirstFix(record: OsvAdvisory): OsvAffected[] | undefined {
  for (const [entryIndex, entry] of record.affected.entries()) {
    for (const [rangeIndex, range] of entry.ranges.entries()) {
      if (range.type === 'GIT') continue;
      const scheme = range.type === 'SEMVER' ? semverVersionScheme : versionSchemeForEcosystem(entry.package.ecosystem);
      for (const [eventIndex, event] of range.events.entries()) {
        if (event.fixed === undefined || scheme === undefined) continue;
        const later = laterVersion(event.fixed, entry.package.ecosystem);
        const next = Object.values(range.events[eventIndex + 1] ?? {})[0] as string | undefined;
        if (compare(scheme, later, event.fixed) <= 0) continue;
        if (next !== undefined && compare(scheme, later, next) >= 0) continue;
        const events = range.events.map((e, i) => (i === eventIndex ? { fixed: later } : e));
        const ranges = entry.ranges.map((r, i) => (i === rangeIndex ? { ...r, events } : r));
        // The old fixed version is affected now; an explicit list says so too.
        const versions =
          entry.versions === undefined || entry.versions.includes(event.fixed)
            ? entry.versions
            : [...entry.versions, event.fixed];
        const changed: OsvAffected = { ...entry, ranges, ...(versions === undefined ? {} : { versions }) };
        return record.affected.map((e, i) => (i === entryIndex ? changed : e));
      }
    }
  }
  return undefined;
}

function compare(scheme: VersionScheme, a: string, b: string): number {
  return scheme.isValid(a) && scheme.isValid(b) ? scheme.compare(a, b) : 0;
}

/**
 * The next version after `version` in its ecosystem's syntax: the rpm release number
 * (`5.el9` → `6.el9`), else the last number (`1.2.3` → `1.2.4`, `+deb12u2` → `+deb12u3`,
 * `-r3` → `-r4`, `4.1.77.Final` → `4.1.78.Final`).
 */
export function laterVersion(version: string, ecosystem: string): string {
  if (ecosystem.startsWith('AlmaLinux') || ecosystem.startsWith('Red Hat')) {
    return version.replace(/-(\d+)(\.el\d+)$/, (_, n: string, tail: string) => `-${Number(n) + 1}${tail}`);
  }
  return version.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));
}

// ---------------------------------------------------------------------------------------------
// Writing a corpus to disk
// ---------------------------------------------------------------------------------------------

export interface WriteOsvCorpusOptions extends GenerateOsvOptions {
  /** Records per file before the next file of the ecosystem starts; default 20,000. */
  readonly recordsPerFile?: number;
}

export interface WrittenOsvFile {
  readonly path: string;
  readonly ecosystem: AdvisoryEcosystem;
  readonly records: number;
  readonly bytes: number;
}

export interface WrittenOsvCorpus {
  readonly records: number;
  readonly byEcosystem: Readonly<Partial<Record<AdvisoryEcosystem, number>>>;
  readonly files: readonly WrittenOsvFile[];
  readonly bytes: number;
}

/**
 * Writes the corpus as JSON arrays of OSV records (the shape of osv.dev query results, which
 * `parseOsv` reads), one record per line, in files `<ecosystem>-NNNN.json` of at most
 * `recordsPerFile` records. Records stream to disk through a small buffer per ecosystem.
 */
export function writeOsvCorpus(dir: string, options: WriteOsvCorpusOptions): WrittenOsvCorpus {
  const perFile = options.recordsPerFile ?? 20_000;
  if (!Number.isInteger(perFile) || perFile < 1)
    throw new Error(`recordsPerFile must be a positive integer, not ${perFile}`);
  mkdirSync(dir, { recursive: true });
  interface OpenFile {
    fd: number;
    path: string;
    records: number;
    bytes: number;
    buffer: string;
    serial: number;
  }
  const open = new Map<AdvisoryEcosystem, OpenFile>();
  const files: WrittenOsvFile[] = [];
  const byEcosystem: Partial<Record<AdvisoryEcosystem, number>> = {};
  const flush = (file: OpenFile): void => {
    if (file.buffer === '') return;
    const bytes = Buffer.from(file.buffer, 'utf8');
    writeSync(file.fd, bytes);
    file.bytes += bytes.length;
    file.buffer = '';
  };
  const close = (ecosystem: AdvisoryEcosystem, file: OpenFile): void => {
    file.buffer += '\n]\n';
    flush(file);
    closeSync(file.fd);
    files.push({ path: file.path, ecosystem, records: file.records, bytes: file.bytes });
  };
  let records = 0;
  try {
    for (const record of generateOsvAdvisories(options)) {
      const ecosystem = ecosystemOf(record);
      let file = open.get(ecosystem);
      if (file !== undefined && file.records >= perFile) {
        close(ecosystem, file);
        open.delete(ecosystem);
        file = { ...newFile(dir, ecosystem, file.serial + 1) };
        open.set(ecosystem, file);
      }
      if (file === undefined) {
        file = newFile(dir, ecosystem, 1);
        open.set(ecosystem, file);
      }
      file.buffer += `${file.records === 0 ? '[\n' : ',\n'}${JSON.stringify(record)}`;
      file.records++;
      if (file.buffer.length > 1 << 20) flush(file);
      byEcosystem[ecosystem] = (byEcosystem[ecosystem] ?? 0) + 1;
      records++;
    }
  } finally {
    for (const [ecosystem, file] of open) close(ecosystem, file);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { records, byEcosystem, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
}

function newFile(dir: string, ecosystem: AdvisoryEcosystem, serial: number) {
  const path = join(dir, `${slug(ecosystem)}-${pad(serial, 4)}.json`);
  return { fd: openSync(path, 'w'), path, records: 0, bytes: 0, buffer: '', serial };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

function main(): void {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '500000' },
      out: { type: 'string' },
      seed: { type: 'string', default: String(defaultBenchSeed) },
      'packages-per-ecosystem': { type: 'string' },
      'records-per-file': { type: 'string', default: '20000' },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  const recordsPerFile = Number(values['records-per-file']);
  const perEcosystem =
    values['packages-per-ecosystem'] === undefined ? undefined : Number(values['packages-per-ecosystem']);
  if (values.out === undefined) throw new Error('--out DIR is required');
  if (!Number.isInteger(count) || count < 0) throw new Error(`bad --count ${values.count}`);
  if (!Number.isInteger(seed)) throw new Error(`bad --seed ${values.seed}`);
  const started = performance.now();
  const written = writeOsvCorpus(resolve(values.out), {
    count,
    seed,
    recordsPerFile,
    ...(perEcosystem === undefined ? {} : { packagesPerEcosystem: perEcosystem }),
  });
  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `wrote ${written.records} OSV records in ${written.files.length} files (${(written.bytes / 2 ** 20).toFixed(1)} MiB) to ${resolve(values.out)} in ${seconds.toFixed(1)} s`,
    `seed ${seed}, ${perEcosystem ?? defaultPackagesPerEcosystem(count)} packages per ecosystem`,
    ...advisoryEcosystems
      .filter((e) => written.byEcosystem[e] !== undefined)
      .map(
        (e) =>
          `  ${e.padEnd(10)} ${String(written.byEcosystem[e]).padStart(8)}  ${((100 * written.byEcosystem[e]!) / Math.max(1, written.records)).toFixed(1)} %`,
      ),
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
