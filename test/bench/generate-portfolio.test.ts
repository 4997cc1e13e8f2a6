import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import {
  advisoryEcosystems,
  generateOsvAdvisories,
  packagePoolFor,
  type PackagePool,
} from '../../bench/generate-osv.js';
import {
  generatePortfolio,
  generateScanSbom,
  targetVulnerableShare,
  type PortfolioProductVersion,
} from '../../bench/generate-portfolio.js';
import { Purl } from '../../src/core/purl.js';
import type { Component } from '../../src/core/sbom.js';
import { parseOsvValue } from '../../src/formats/osv/index.js';
import { buildAdvisoryIndex, matchComponent } from '../../src/matching/index.js';

const corpus = { count: 10_000, seed: 21 } as const;
const pool = packagePoolFor(corpus);

function take<T>(iterable: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of iterable) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
}

function portfolio(productVersions: number, componentsPerVersion: number, seed = 4, packagePool: PackagePool = pool) {
  return [...generatePortfolio({ productVersions, componentsPerVersion, seed, packagePool })];
}

/** Every pool package by its versionless purl, to check components come from the advisories' pool. */
const poolPurls = new Set(advisoryEcosystems.flatMap((e) => pool.packages(e).map((p) => p.purl)));

function versionlessPurl(purl: string): string {
  const parsed = Purl.parse(purl);
  // Distribution binaries built from another source package name it in `upstream`.
  const name = parsed.qualifiers['upstream'] ?? parsed.name.replace(/-libs$/, '');
  return Purl.format({ ...parsed, name, version: null, qualifiers: {} });
}

describe('generatePortfolio', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(portfolio(25, 100, 4));
    expect(JSON.stringify(portfolio(25, 100, 4))).toBe(a);
    expect(JSON.stringify(portfolio(25, 100, 5))).not.toBe(a);
  });

  it('yields productVersions versions of componentsPerVersion rows, products of 20 versions', () => {
    const versions = portfolio(45, 120);
    expect(versions.map((v) => v.index)).toEqual([...Array(45).keys()]);
    expect(versions.map((v) => v.product).filter((p, i, all) => all.indexOf(p) === i)).toHaveLength(3);
    expect(versions.filter((v) => v.product === versions[0]!.product)).toHaveLength(20);
    expect(new Set(versions.map((v) => `${v.product}@${v.version}`)).size).toBe(45);
    for (const version of versions) {
      expect(version.components).toHaveLength(120);
      expect(new Set(version.components.map((c) => c.purl)).size).toBe(120);
    }
  });

  it('writes canonical purls of the advisories’ pool packages, OS packages of the product’s one distribution', () => {
    for (const version of portfolio(60, 150, 9)) {
      const distros = new Set<string>();
      for (const component of version.components) {
        expect(Purl.format(Purl.parse(component.purl)), component.purl).toBe(component.purl);
        const parsed = Purl.parse(component.purl);
        expect(parsed.version, component.purl).toBe(component.version);
        if (parsed.type === 'generic') {
          expect(component.type).toBe('firmware');
          continue;
        }
        expect(poolPurls.has(versionlessPurl(component.purl)), component.purl).toBe(true);
        if (['deb', 'apk', 'rpm'].includes(parsed.type))
          distros.add(`${parsed.type}/${parsed.namespace}/${parsed.qualifiers['distro']}`);
      }
      expect(distros.size, version.product).toBe(1);
      expect([...distros][0]).toMatch(
        version.os.ecosystem === 'Debian'
          ? /^deb\/debian\/debian-\d+$/
          : version.os.ecosystem === 'Ubuntu'
            ? /^deb\/ubuntu\/ubuntu-\d\d\.04$/
            : version.os.ecosystem === 'Alpine'
              ? /^apk\/alpine\/alpine-3\.\d+\.\d$/
              : version.os.ecosystem === 'AlmaLinux'
                ? /^rpm\/almalinux\/almalinux-\d\.\d$/
                : /^rpm\/redhat\/rhel-\d\.\d$/,
      );
    }
  });

  it('changes a product a little from one version to the next, as release trains do', () => {
    const versions = portfolio(20, 300);
    for (let i = 1; i < versions.length; i++) {
      const before = new Set(versions[i - 1]!.components.map((c) => c.purl));
      const same = versions[i]!.components.filter((c) => before.has(c.purl)).length;
      expect(same / 300).toBeGreaterThan(0.8);
      expect(same).toBeLessThan(300);
    }
  });

  it('is lazy: the first versions of a billion-version portfolio arrive at once', () => {
    const started = performance.now();
    const first = take(
      generatePortfolio({ productVersions: 1_000_000_000, componentsPerVersion: 50, packagePool: pool }),
      2,
    );
    expect(first).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses more components per version than the pool can give without repeats', () => {
    expect(() =>
      take(generatePortfolio({ productVersions: 1, componentsPerVersion: 5_000, packagePool: pool }), 1),
    ).toThrow(/need a pool of at least/);
  });

  it(`has ${targetVulnerableShare.min * 100}–${targetVulnerableShare.max * 100} % of component rows affected by the corpus of the same pool`, () => {
    const parsed = parseOsvValue([...generateOsvAdvisories(corpus)]);
    expect(parsed.errors).toEqual([]);
    const index = buildAdvisoryIndex(parsed.records);
    // Thirty products of one version each; a purl's findings do not depend on its row, so each
    // distinct purl is matched once (the matcher, not the generator, is what is slow here).
    const rows = [
      ...generatePortfolio({
        productVersions: 30,
        componentsPerVersion: 400,
        seed: 13,
        packagePool: pool,
        versionsPerProduct: 1,
      }),
    ].flatMap((version: PortfolioProductVersion) => version.components);
    const verdicts = new Map<string, { affected: boolean; unknown: boolean }>();
    let affected = 0;
    let unknown = 0;
    for (const [i, row] of rows.entries()) {
      let verdict = verdicts.get(row.purl);
      if (verdict === undefined) {
        const component: Component = {
          ref: `row-${i}`,
          type: row.type,
          name: row.name,
          version: row.version,
          purl: row.purl,
          hashes: [],
          externalReferences: [],
          properties: [],
        };
        const findings = matchComponent(component, index);
        if (row.purl.startsWith('pkg:generic/')) expect(findings).toEqual([]);
        verdict = {
          affected: findings.some((f) => f.status === 'affected'),
          unknown: findings.some((f) => f.status !== 'affected'),
        };
        verdicts.set(row.purl, verdict);
      }
      if (verdict.affected) affected++;
      if (verdict.unknown) unknown++;
    }
    const share = affected / rows.length;
    expect(share).toBeGreaterThanOrEqual(targetVulnerableShare.min);
    expect(share).toBeLessThanOrEqual(targetVulnerableShare.max);
    // Every version the generator writes can be ordered: no row is left undecided.
    expect(unknown).toBe(0);
  });
});

describe('generateScanSbom', () => {
  const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

  it('is a schema-valid CycloneDX 1.6 SBOM of N pool components with unique refs', async () => {
    const bom = generateScanSbom({ components: 400, seed: 3, packagePool: pool });
    expect(await validator.validate(JSON.stringify(bom))).toBeNull();
    expect(bom.components).toHaveLength(400);
    expect(new Set(bom.components.map((c) => c['bom-ref'])).size).toBe(400);
    for (const component of bom.components) {
      if (component.purl.startsWith('pkg:generic/')) continue;
      expect(poolPurls.has(versionlessPurl(component.purl)), component.purl).toBe(true);
    }
    expect(bom.dependencies[0]!.dependsOn).toHaveLength(400);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = JSON.stringify(generateScanSbom({ components: 200, seed: 1, packagePool: pool }));
    expect(JSON.stringify(generateScanSbom({ components: 200, seed: 1, packagePool: pool }))).toBe(a);
    expect(JSON.stringify(generateScanSbom({ components: 200, seed: 2, packagePool: pool }))).not.toBe(a);
  });

  it('the schema check can fail: a broken document is reported', async () => {
    const bom = generateScanSbom({ components: 5, seed: 3, packagePool: pool });
    const broken = { ...bom, components: bom.components.map((c) => ({ ...c, type: 'gadget' })) };
    expect(await validator.validate(JSON.stringify(broken))).not.toBeNull();
  });
});
