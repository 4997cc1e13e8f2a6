import { ecosystemMix, generatePackage, type PackageIdentity } from './ecosystem-packages.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** A CycloneDX 1.6 component as the generator writes it (wire field names). */
export interface GeneratedComponent {
  readonly type: string;
  readonly 'bom-ref': string;
  readonly supplier?: { readonly name: string; readonly url?: readonly string[] };
  readonly group?: string;
  readonly name: string;
  readonly version: string;
  readonly hashes?: readonly { readonly alg: string; readonly content: string }[];
  readonly licenses?: readonly ({ readonly license: { readonly id: string } } | { readonly expression: string })[];
  readonly purl: string;
  readonly cpe?: string;
  readonly externalReferences?: readonly { readonly type: string; readonly url: string }[];
  readonly properties?: readonly { readonly name: string; readonly value: string }[];
}

/** A generated CycloneDX 1.6 JSON BOM. */
export interface GeneratedBom {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: '1.6';
  readonly serialNumber: string;
  readonly version: 1;
  readonly metadata: { readonly component: GeneratedComponent } & Record<string, unknown>;
  readonly components: readonly GeneratedComponent[];
  readonly dependencies: readonly { readonly ref: string; readonly dependsOn: readonly string[] }[];
}

export interface GenerateSbomOptions {
  readonly components: number;
  /** Same seed, same document, byte for byte. */
  readonly seed?: number;
}

/** The seed `npm run bench` uses, so published figures can be reproduced. */
export const defaultBenchSeed = 0x5b0a;

/** License choices weighted like a typical open-source mix; expressions are SPDX 2.3 Annex D. */
const licenseMix = {
  MIT: 34,
  'Apache-2.0': 20,
  'BSD-3-Clause': 8,
  ISC: 6,
  'BSD-2-Clause': 4,
  'GPL-2.0-only': 4,
  'LGPL-2.1-or-later': 3,
  'MPL-2.0': 3,
  'GPL-3.0-or-later': 2,
  Zlib: 1,
  'MIT OR Apache-2.0': 5,
  'GPL-2.0-or-later WITH Classpath-exception-2.0': 1,
  '(MIT AND BSD-3-Clause)': 1,
  'LicenseRef-Proprietary': 2,
  none: 6,
} as const;

/** FDA premarket guidance V.A.4 level of support, in the words manufacturers tend to use. */
const supportLevels = [
  'Actively maintained',
  'Actively maintained',
  'Limited support',
  'No longer maintained',
  'Abandoned',
];

/**
 * Generates a realistic CycloneDX 1.6 SBOM for a medical device with `components` components:
 * purls across ecosystems, suppliers, SHA-256 hashes, licenses, the FDA support properties on
 * part of them, and an acyclic dependency graph whose refs all resolve.
 */
export function generateSbom(options: GenerateSbomOptions): GeneratedBom {
  const rng = seededRandom(options.seed ?? defaultBenchSeed);
  const components = uniquePackages(rng, options.components).map((pkg) => toComponent(rng, pkg));
  const subject: GeneratedComponent = {
    type: 'device',
    'bom-ref': 'device:acme-medical/infusion-pump-controller@5.2.0',
    supplier: { name: 'Acme Medical Devices, Inc.', url: ['https://acme-medical.example'] },
    name: 'Infusion Pump Controller',
    version: '5.2.0',
    purl: 'pkg:generic/acme-medical/infusion-pump-controller@5.2.0',
  };
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuid(rng)}`,
    version: 1,
    metadata: {
      timestamp: '2025-06-02T09:30:00Z',
      lifecycles: [{ phase: 'build' }],
      tools: {
        components: [{ type: 'application', group: 'jointsec', name: 'bench-sbom-generator', version: '1.0.0' }],
      },
      authors: [{ name: 'Product Security Team', email: 'psirt@acme-medical.example' }],
      manufacturer: { name: 'Acme Medical Devices, Inc.' },
      component: subject,
    },
    components,
    dependencies: dependencyGraph(rng, subject, components),
  };
}

/** The generated SBOM as pretty-printed JSON, as SBOM tools usually write it. */
export function generateSbomText(options: GenerateSbomOptions): string {
  return `${JSON.stringify(generateSbom(options), null, 2)}\n`;
}

function uniquePackages(rng: SeededRandom, count: number): PackageIdentity[] {
  const seen = new Set<string>();
  const packages: PackageIdentity[] = [];
  while (packages.length < count) {
    const pkg = generatePackage(rng, rng.weighted(ecosystemMix));
    // A repeated purl would be unified on import and skew the component count.
    if (seen.has(pkg.purl)) continue;
    seen.add(pkg.purl);
    packages.push(pkg);
  }
  return packages;
}

function toComponent(rng: SeededRandom, pkg: PackageIdentity): GeneratedComponent {
  const license = rng.weighted(licenseMix);
  const properties = [
    ...(rng.chance(0.6) ? [{ name: 'fda:levelOfSupport', value: rng.pick(supportLevels) }] : []),
    ...(rng.chance(0.4) ? [{ name: 'cdx:lifecycle:milestone:endOfSupport', value: date(rng) }] : []),
  ];
  return {
    type: pkg.type,
    // cdxgen uses the purl as bom-ref; syft appends a package-id. Both styles occur in the wild.
    'bom-ref': rng.chance(0.3) ? `${pkg.purl}${pkg.purl.includes('?') ? '&' : '?'}package-id=${rng.hex(16)}` : pkg.purl,
    ...(rng.chance(0.85) ? { supplier: { name: pkg.supplier } } : {}),
    ...(pkg.group === undefined ? {} : { group: pkg.group }),
    name: pkg.name,
    version: pkg.version,
    ...(rng.chance(0.9) ? { hashes: hashes(rng) } : {}),
    ...(license === 'none'
      ? {}
      : { licenses: [isExpression(license) ? { expression: license } : { license: { id: license } }] }),
    purl: pkg.purl,
    ...(pkg.cpe === undefined ? {} : { cpe: pkg.cpe }),
    ...(rng.chance(0.3)
      ? { externalReferences: [{ type: 'vcs', url: `https://github.com/${slug(pkg.supplier)}/${slug(pkg.name)}` }] }
      : {}),
    ...(properties.length > 0 ? { properties } : {}),
  };
}

/** CycloneDX 1.6 `license.id` must be a listed SPDX id; compound and LicenseRef- values are expressions. */
function isExpression(license: string): boolean {
  return license.includes(' ') || license.startsWith('LicenseRef-');
}

function hashes(rng: SeededRandom): { alg: string; content: string }[] {
  const sha256 = { alg: 'SHA-256', content: rng.hex(64) };
  return rng.chance(0.1) ? [sha256, { alg: 'SHA-1', content: rng.hex(40) }] : [sha256];
}

/**
 * Each component depends on 0–5 components that come after it, so the graph is acyclic; a
 * third of the edges go to a small set of widely shared low-level packages, like real hubs.
 */
function dependencyGraph(
  rng: SeededRandom,
  subject: GeneratedComponent,
  components: readonly GeneratedComponent[],
): { ref: string; dependsOn: string[] }[] {
  const n = components.length;
  const hubStart = Math.max(0, n - Math.max(1, Math.ceil(n * 0.02)));
  const topLevel = components.slice(0, Math.max(1, Math.ceil(n * 0.02)));
  const graph = [{ ref: subject['bom-ref'], dependsOn: topLevel.map((c) => c['bom-ref']) }];
  components.forEach((component, i) => {
    const wanted = Math.min(n - 1 - i, rng.pick([0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5]));
    const targets = new Set<number>();
    while (targets.size < wanted) {
      const hub = i < hubStart && rng.chance(0.33);
      const target = hub
        ? rng.int(hubStart, n - 1)
        : Math.min(n - 1, i + 1 + Math.floor(-Math.log(1 - rng.next()) * 40));
      if (target > i) targets.add(target);
    }
    graph.push({ ref: component['bom-ref'], dependsOn: [...targets].map((t) => components[t]!['bom-ref']) });
  });
  return graph;
}

function uuid(rng: SeededRandom): string {
  const hex = rng.hex(32);
  const variant = '89ab'[rng.int(0, 3)]!;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function date(rng: SeededRandom): string {
  return `${rng.int(2024, 2032)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
