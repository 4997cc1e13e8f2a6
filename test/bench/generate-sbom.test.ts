import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { describe, expect, it } from 'vitest';
import { generateSbom, generateSbomText } from '../../bench/generate-sbom.js';

/** The CycloneDX library's own 1.6 schema validator, independent of src/formats; compiled once. */
const validator = new Validation.JsonStrictValidator(Spec.Version.v1dot6);

async function schemaErrors(text: string): Promise<unknown> {
  return validator.validate(text);
}

describe('generateSbom', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateSbomText({ components: 300, seed: 7 });
    expect(generateSbomText({ components: 300, seed: 7 })).toBe(a);
    expect(generateSbomText({ components: 300, seed: 8 })).not.toBe(a);
  });

  it.each([1, 50, 2_000])('produces %i components with unique bom-refs and purls', (n) => {
    const bom = generateSbom({ components: n, seed: 1 });
    expect(bom.components).toHaveLength(n);
    const refs = [bom.metadata.component['bom-ref'], ...bom.components.map((c) => c['bom-ref'])];
    expect(new Set(refs).size).toBe(n + 1);
    expect(new Set(bom.components.map((c) => c.purl)).size).toBe(n);
  });

  it('writes a dependency graph whose refs all resolve, without duplicates or cycles', () => {
    const bom = generateSbom({ components: 2_000, seed: 3 });
    const position = new Map(bom.components.map((c, i) => [c['bom-ref'], i]));
    const subjectRef = bom.metadata.component['bom-ref'];
    expect(bom.dependencies.map((d) => d.ref).sort()).toEqual([subjectRef, ...position.keys()].sort());
    for (const { ref, dependsOn } of bom.dependencies) {
      expect(dependsOn.length, ref).toBeLessThanOrEqual(ref === subjectRef ? Infinity : 5);
      expect(new Set(dependsOn).size, ref).toBe(dependsOn.length);
      for (const target of dependsOn) {
        expect(position.has(target), `${ref} -> ${target}`).toBe(true);
        // Edges only point forward in the component list, so the graph is acyclic.
        if (ref !== subjectRef)
          expect(position.get(target)!, `${ref} -> ${target}`).toBeGreaterThan(position.get(ref)!);
      }
    }
    const edges = bom.dependencies.reduce((sum, d) => sum + d.dependsOn.length, 0);
    expect(edges).toBeGreaterThan(2_000);
  });

  it('mixes ecosystems and carries suppliers, hashes, licenses and the FDA properties on part of the components', () => {
    const { components } = generateSbom({ components: 2_000, seed: 5 });
    const types = new Set(components.map((c) => /^pkg:([a-z]+)\//.exec(c.purl)?.[1]));
    expect([...types].sort()).toEqual([
      'apk',
      'cargo',
      'deb',
      'gem',
      'generic',
      'golang',
      'maven',
      'npm',
      'nuget',
      'pypi',
      'rpm',
    ]);
    expect(components.some((c) => c.purl.startsWith('pkg:npm/%40'))).toBe(true);
    expect(components.some((c) => /^pkg:rpm\/.*[?&]epoch=\d/.test(c.purl))).toBe(true);
    expect(components.some((c) => /^pkg:deb\/.*[?&]distro=/.test(c.purl))).toBe(true);
    const share = (test: (c: (typeof components)[number]) => boolean): number =>
      components.filter(test).length / components.length;
    expect(share((c) => c.supplier !== undefined)).toBeGreaterThan(0.75);
    expect(
      share((c) => c.hashes?.some((h) => h.alg === 'SHA-256' && /^[0-9a-f]{64}$/.test(h.content)) ?? false),
    ).toBeGreaterThan(0.8);
    expect(share((c) => c.licenses?.some((l) => 'expression' in l) ?? false)).toBeGreaterThan(0.02);
    const fda = share((c) => c.properties?.some((p) => p.name === 'fda:levelOfSupport') ?? false);
    const eos = share((c) => c.properties?.some((p) => p.name === 'cdx:lifecycle:milestone:endOfSupport') ?? false);
    expect(fda).toBeGreaterThan(0.3);
    expect(fda).toBeLessThan(0.9);
    expect(eos).toBeGreaterThan(0.2);
    expect(eos).toBeLessThan(0.9);
  });

  it.each([0, 1, 3_000])('validates against the CycloneDX 1.6 JSON schema with %i components', async (n) => {
    expect(await schemaErrors(generateSbomText({ components: n, seed: 11 }))).toBeNull();
  });

  it('the schema check can fail: a broken document is reported', async () => {
    const bom = generateSbom({ components: 3, seed: 11 });
    const broken = { ...bom, components: bom.components.map((c) => ({ ...c, type: 'gadget' })) };
    expect(await schemaErrors(JSON.stringify(broken))).not.toBeNull();
  });
});
