/**
 * Synthetic product portfolios for the feed-update benchmark (10,000 product versions × 1,000
 * components), and CycloneDX SBOMs for the scan benchmark, drawn from the same package pools as
 * `generate-osv.ts` so that a known share of component rows is affected by the generated
 * advisories. Everything streams: one product's components are in memory at a time.
 */
import { encodePurlComponent } from '../src/core/purl-encoding.js';
import { ecosystemMix } from './ecosystem-packages.js';
import type { GeneratedBom, GeneratedComponent } from './generate-sbom.js';
import { defaultBenchSeed } from './generate-sbom.js';
import {
  componentVersion,
  distroReleases,
  isDistroEcosystem,
  packagePoolFor,
  versionCountOf,
  type AdvisoryEcosystem,
  type DistroEcosystem,
  type PackagePool,
  type PoolPackage,
} from './generate-osv.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** One component row of a product version. */
export interface PortfolioComponent {
  readonly name: string;
  readonly version: string;
  /** Canonical purl (as `Purl.format` writes it). */
  readonly purl: string;
  /** CycloneDX `group` (npm scope, Maven groupId, Go module prefix, distro vendor). */
  readonly group?: string;
  /** CycloneDX component type. */
  readonly type: 'library' | 'firmware';
}

/** One product version and its components. */
export interface PortfolioProductVersion {
  /** Position in the whole portfolio, 0-based. */
  readonly index: number;
  readonly product: string;
  readonly version: string;
  /** The distribution the product's OS packages come from. */
  readonly os: { readonly ecosystem: DistroEcosystem; readonly release: string };
  readonly components: readonly PortfolioComponent[];
}

export interface GeneratePortfolioOptions {
  readonly productVersions: number;
  readonly componentsPerVersion: number;
  readonly seed?: number;
  /** The advisories' pool (`packagePoolFor` with the corpus's options). */
  readonly packagePool: PackagePool;
  /** Versions per product before the next product starts; default 20 (10,000 versions = 500 products). */
  readonly versionsPerProduct?: number;
}

/**
 * Share of component rows the portfolio aims to have affected by at least one advisory of a
 * corpus generated with the same pool: 1–5 %, aiming at 2.5 %. Measured with `matchComponent`
 * on 12,000–20,000 rows: 2.4 % against 10,000 advisories, 2.6 % against 20,000, 2.45 % against
 * 500,000 (there 0.61 affected findings per row: the popular packages carry many advisories).
 * Most device components are on a release newer than every fix of their package; the rest lag
 * a few releases behind, and a few use abandoned packages whose advisories were never fixed.
 */
export const targetVulnerableShare = { min: 0.01, aim: 0.025, max: 0.05 } as const;

/**
 * How far behind the newest release a component is: with probability `current` it is on the
 * newest one, else 1 + a geometric number of releases behind (`meanLag` releases on average). Calibrated to
 * `targetVulnerableShare`.
 */
export const versionLag = { current: 0.97, meanLag: 2 } as const;

/** How a product changes from one version to the next. */
export const productEvolution = { upgrade: 0.08, replace: 0.01 } as const;

/** The OS a device product ships on, by share of products. */
export const portfolioOsMix: Readonly<Record<DistroEcosystem, number>> = {
  Debian: 35,
  Ubuntu: 20,
  Alpine: 15,
  AlmaLinux: 10,
  'Red Hat': 20,
};

/**
 * Component kinds by share of rows, from the device SBOM mix of `ecosystem-packages.ts`:
 * language packages per ecosystem, the OS's packages (deb + apk + rpm), and in-house firmware
 * and libraries (`generic`), which no advisory names.
 */
const slotMix = {
  npm: ecosystemMix.npm,
  Maven: ecosystemMix.maven,
  PyPI: ecosystemMix.pypi,
  Go: ecosystemMix.golang,
  'crates.io': ecosystemMix.cargo,
  NuGet: ecosystemMix.nuget,
  RubyGems: ecosystemMix.gem,
  os: ecosystemMix.deb + ecosystemMix.apk + ecosystemMix.rpm,
  generic: ecosystemMix.generic,
} as const;

type SlotKind = keyof typeof slotMix;

interface Slot {
  readonly key: string;
  readonly pkg?: PoolPackage;
  /** Index into the package's version line. */
  readonly index: number;
  readonly component: PortfolioComponent;
}

interface ProductContext {
  readonly rng: SeededRandom;
  readonly pool: PackagePool;
  readonly os: { readonly ecosystem: DistroEcosystem; readonly release: string; readonly qualifiers: string };
  readonly used: Set<string>;
  genericSerial: number;
}

/**
 * Streams product versions: products of `versionsPerProduct` versions each, every version a
 * small step from the previous one (8 % of components upgraded, 1 % replaced), as real release
 * trains are, so rows repeat across versions the way a real portfolio's do.
 */
export function* generatePortfolio(
  options: GeneratePortfolioOptions,
): Generator<PortfolioProductVersion, void, undefined> {
  const seed = (options.seed ?? defaultBenchSeed) >>> 0;
  const perProduct = options.versionsPerProduct ?? 20;
  if (!Number.isInteger(perProduct) || perProduct < 1) throw new Error(`bad versionsPerProduct ${perProduct}`);
  checkCapacity(options.packagePool, options.componentsPerVersion);
  for (let product = 0, index = 0; index < options.productVersions; product++) {
    const ctx = productContext(options.packagePool, seed, product);
    let slots = Array.from({ length: options.componentsPerVersion }, () => newSlot(ctx));
    for (let step = 0; step < perProduct && index < options.productVersions; step++, index++) {
      if (step > 0) slots = slots.map((slot) => evolve(ctx, slot));
      yield {
        index,
        product: `product-${String(product).padStart(5, '0')}`,
        version: `${1 + Math.floor(step / 10)}.${step % 10}.0`,
        os: { ecosystem: ctx.os.ecosystem, release: ctx.os.release },
        components: slots.map((slot) => slot.component),
      };
    }
  }
}

/** The pool can hold `count` distinct components per product with room to spare. */
function checkCapacity(pool: PackagePool, count: number): void {
  if (!Number.isInteger(count) || count < 0) throw new Error(`bad componentsPerVersion ${count}`);
  // Each language ecosystem and the OS draw from one pool of packagesPerEcosystem; the
  // busiest (npm, 30 %) must not need more than half of its pool.
  const busiest = Math.max(...Object.values(slotMix)) / Object.values(slotMix).reduce((a, b) => a + b, 0);
  if (count * busiest > pool.packagesPerEcosystem / 2) {
    throw new Error(
      `${count} components per version need a pool of at least ${Math.ceil(2 * count * busiest)} packages per ecosystem, not ${pool.packagesPerEcosystem}`,
    );
  }
}

function productContext(pool: PackagePool, seed: number, product: number): ProductContext {
  const rng = seededRandom(hashProduct(seed, product));
  const ecosystem = rng.weighted(portfolioOsMix);
  const release: string = rng.weighted(distroReleases[ecosystem]);
  return {
    rng,
    pool,
    os: { ecosystem, release, qualifiers: osQualifiers(ecosystem, release, rng) },
    used: new Set(),
    genericSerial: 0,
  };
}

/** The purl `distro` qualifier as scanners write it (Alpine and RHEL with a point release). */
function osQualifiers(ecosystem: DistroEcosystem, release: string, rng: SeededRandom): string {
  switch (ecosystem) {
    case 'Debian':
      return `distro=debian-${release}`;
    case 'Ubuntu':
      return `distro=ubuntu-${release}`;
    case 'Alpine':
      return `distro=alpine-${release}.${rng.int(0, 6)}`;
    case 'AlmaLinux':
      return `distro=almalinux-${release}.${rng.int(0, 5)}`;
    case 'Red Hat':
      return `distro=rhel-${release}.${rng.int(0, 5)}`;
  }
}

function newSlot(ctx: ProductContext): Slot {
  const kind: SlotKind = ctx.rng.weighted(slotMix);
  if (kind === 'generic') return genericSlot(ctx);
  const ecosystem: AdvisoryEcosystem = kind === 'os' ? ctx.os.ecosystem : kind;
  const pkg = unusedPackage(ctx, ecosystem);
  return slotFor(ctx, pkg, versionCountOf(pkg) - 1 - lag(ctx.rng, versionCountOf(pkg)));
}

/** A Zipf draw not yet used by this product; after a few misses, the next free rank. */
function unusedPackage(ctx: ProductContext, ecosystem: AdvisoryEcosystem): PoolPackage {
  for (let attempt = 0; attempt < 20; attempt++) {
    const pkg = ctx.pool.popular(ecosystem, ctx.rng);
    if (!ctx.used.has(pkg.purl)) return claim(ctx, pkg);
  }
  const packages = ctx.pool.packages(ecosystem);
  for (
    let rank = ctx.rng.int(0, packages.length - 1), n = 0;
    n < packages.length;
    n++, rank = (rank + 1) % packages.length
  ) {
    if (!ctx.used.has(packages[rank]!.purl)) return claim(ctx, packages[rank]!);
  }
  throw new Error(`no unused ${ecosystem} package left in the pool`);
}

function claim(ctx: ProductContext, pkg: PoolPackage): PoolPackage {
  ctx.used.add(pkg.purl);
  return pkg;
}

function lag(rng: SeededRandom, versions: number): number {
  if (rng.chance(versionLag.current)) return 0;
  // 1 + a geometric count with mean meanLag - 1, capped at the oldest release.
  const p = 1 / versionLag.meanLag;
  const geometric = Math.floor(Math.log(1 - rng.next()) / Math.log(1 - p));
  return Math.min(versions - 1, 1 + geometric);
}

function evolve(ctx: ProductContext, slot: Slot): Slot {
  const roll = ctx.rng.next();
  if (roll < productEvolution.replace) {
    if (slot.pkg !== undefined) ctx.used.delete(slot.pkg.purl);
    return newSlotLike(ctx, slot);
  }
  if (roll < productEvolution.replace + productEvolution.upgrade && slot.pkg !== undefined) {
    const newest = versionCountOf(slot.pkg) - 1;
    if (slot.index < newest) return slotFor(ctx, slot.pkg, Math.min(newest, slot.index + ctx.rng.int(1, 3)));
  }
  return slot;
}

/** A replacement of the same kind (language ecosystem, OS or generic). */
function newSlotLike(ctx: ProductContext, slot: Slot): Slot {
  if (slot.pkg === undefined) return genericSlot(ctx);
  const pkg = unusedPackage(ctx, slot.pkg.ecosystem);
  return slotFor(ctx, pkg, versionCountOf(pkg) - 1 - lag(ctx.rng, versionCountOf(pkg)));
}

function genericSlot(ctx: ProductContext): Slot {
  const serial = ctx.genericSerial++;
  const name = `module-${String(serial).padStart(4, '0')}`;
  const version = `${ctx.rng.int(1, 9)}.${ctx.rng.int(0, 20)}.${ctx.rng.int(0, 9)}`;
  const purl = `pkg:generic/acme-medical/${name}@${version}`;
  return { key: purl, index: 0, component: { type: 'firmware', name, version, purl, group: 'acme-medical' } };
}

function slotFor(ctx: ProductContext, pkg: PoolPackage, index: number): Slot {
  const release = isDistroEcosystem(pkg.ecosystem) ? ctx.os.release : undefined;
  const version = componentVersion(pkg, index, release);
  return { key: pkg.purl, pkg, index, component: componentOf(ctx, pkg, version) };
}

/**
 * The component as a scanner writes it. Debian and Ubuntu binaries built from a `lib…` source
 * are named after their soname (`libacorn3`) and carry the `upstream` qualifier, as syft writes
 * it; rpm epochs go into the `epoch` qualifier.
 */
function componentOf(ctx: ProductContext, pkg: PoolPackage, version: string): PortfolioComponent {
  const encoded = encodePurlComponent(version);
  const group = pkg.group === undefined ? {} : { group: pkg.group };
  if (!isDistroEcosystem(pkg.ecosystem)) {
    return { type: 'library', name: pkg.componentName, version, purl: `${pkg.purl}@${encoded}`, ...group };
  }
  const { qualifiers } = ctx.os;
  switch (pkg.ecosystem) {
    case 'Debian':
    case 'Ubuntu': {
      if (pkg.name.startsWith('lib')) {
        const binary = `${pkg.name}${(pkg.rank % 5) + 1}`;
        const purl = `pkg:deb/${pkg.group ?? ''}/${binary}@${encoded}?arch=amd64&${qualifiers}&upstream=${pkg.name}`;
        return { type: 'library', name: binary, version, purl, ...group };
      }
      return {
        type: 'library',
        name: pkg.name,
        version,
        purl: `${pkg.purl}@${encoded}?arch=amd64&${qualifiers}`,
        ...group,
      };
    }
    case 'Alpine':
      return {
        type: 'library',
        name: pkg.name,
        version,
        purl: `${pkg.purl}@${encoded}?arch=x86_64&${qualifiers}`,
        ...group,
      };
    case 'AlmaLinux':
    case 'Red Hat': {
      // Half of an rpm product's rows are the -libs subpackage, which the errata list too.
      const name = pkg.rank % 2 === 0 ? pkg.name : `${pkg.name}-libs`;
      const epoch = pkg.line.epoch > 0 ? `&epoch=${pkg.line.epoch}` : '';
      const purl = `pkg:rpm/${pkg.group ?? ''}/${name}@${encoded}?arch=x86_64&${qualifiers}${epoch}`;
      return { type: 'library', name, version, purl, ...group };
    }
  }
}

function hashProduct(seed: number, product: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x85ebca6b) ^ product;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Scan SBOM
// ---------------------------------------------------------------------------------------------

export interface GenerateScanSbomOptions {
  readonly components: number;
  readonly seed?: number;
  /** Default: the pool of the benchmark corpus (500,000 advisories, default seed). */
  readonly packagePool?: PackagePool;
}

/** The corpus size the scan benchmark matches against, whose pool `generateScanSbom` uses by default. */
export const scanBenchmarkCorpus = { count: 500_000, seed: defaultBenchSeed } as const;

/**
 * A CycloneDX 1.6 JSON SBOM of one device product with `components` components from the
 * advisories' pool (the same draw as one portfolio product version), for scanning against a
 * generated corpus. The device is `metadata.component`; the dependency graph is flat.
 */
export function generateScanSbom(options: GenerateScanSbomOptions): GeneratedBom {
  const pool = options.packagePool ?? packagePoolFor(scanBenchmarkCorpus);
  const seed = (options.seed ?? defaultBenchSeed) >>> 0;
  const first = generatePortfolio({
    productVersions: 1,
    componentsPerVersion: options.components,
    seed,
    packagePool: pool,
  }).next();
  const productVersion = first.done === true ? undefined : first.value;
  const components: GeneratedComponent[] = (productVersion?.components ?? []).map((c) => ({
    type: c.type,
    'bom-ref': c.purl,
    ...(c.group === undefined ? {} : { group: c.group }),
    name: c.name,
    version: c.version,
    purl: c.purl,
  }));
  const subject: GeneratedComponent = {
    type: 'device',
    'bom-ref': 'device:acme-medical/patient-monitor@7.1.0',
    supplier: { name: 'Acme Medical Devices, Inc.' },
    name: 'Patient Monitor',
    version: '7.1.0',
    purl: 'pkg:generic/acme-medical/patient-monitor@7.1.0',
  };
  const rng = seededRandom(seed ^ 0x5ca0);
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuid(rng)}`,
    version: 1,
    metadata: {
      timestamp: '2026-05-31T12:00:00Z',
      tools: {
        components: [{ type: 'application', group: 'jointsec', name: 'bench-scan-sbom-generator', version: '1.0.0' }],
      },
      component: subject,
      properties: [
        {
          name: 'jointsec:bench:os',
          value: `${productVersion?.os.ecosystem ?? ''} ${productVersion?.os.release ?? ''}`.trim(),
        },
      ],
    },
    components,
    dependencies: [
      { ref: subject['bom-ref'], dependsOn: components.map((c) => c['bom-ref']) },
      ...components.map((c) => ({ ref: c['bom-ref'], dependsOn: [] })),
    ],
  };
}

function uuid(rng: SeededRandom): string {
  const hex = rng.hex(32);
  const variant = '89ab'[rng.int(0, 3)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
