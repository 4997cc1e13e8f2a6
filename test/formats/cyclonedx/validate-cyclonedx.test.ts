import { describe, expect, it } from 'vitest';
import { cycloneDxReader } from '../../../src/formats/cyclonedx/index.js';
import { cdxJson, cdxXml, json16, xml16 } from './cyclonedx-fixture.js';

function bigBom(count: number): string {
  const ecosystems = ['npm', 'pypi', 'maven/org.example', 'golang/example.com', 'deb/debian'];
  const components = Array.from({ length: count }, (_, i) => ({
    type: 'library',
    'bom-ref': `c${i}`,
    name: `pkg-${i}`,
    version: `1.${i % 100}.${i % 7}`,
    purl: `pkg:${ecosystems[i % ecosystems.length]}/pkg-${i}@1.${i % 100}.${i % 7}`,
    hashes: [{ alg: 'SHA-256', content: (i % 16).toString(16).repeat(64) }],
    licenses: [{ license: { id: i % 2 === 0 ? 'MIT' : 'Apache-2.0' } }],
    properties: [{ name: 'fda:levelOfSupport', value: 'Actively maintained' }],
  }));
  const dependencies = components.map((_, i) => ({ ref: `c${i}`, dependsOn: i + 1 < count ? [`c${i + 1}`] : [] }));
  return cdxJson({ metadata: { timestamp: '2024-05-01T10:00:00Z' }, components, dependencies });
}

describe('CycloneDX schema validation', () => {
  it('reports JSON schema violations with JSON pointers', async () => {
    const text = cdxJson({
      components: [{ type: 'gadget', name: 'x', hashes: [{ alg: 'SHA-256', content: 'nothex' }] }],
    });
    const paths = (await cycloneDxReader.validate(text, json16)).map((d) => d.path);
    expect(paths).toContain('/components/0/type');
    expect(paths).toContain('/components/0/hashes/0/content');
  });

  it('reports XSD violations with line numbers', async () => {
    const text = cdxXml('<components>\n<component type="gadget"><name>x</name></component>\n</components>');
    const diagnostics = await cycloneDxReader.validate(text, xml16);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.path).toBe('line 4');
    expect(diagnostics[0]?.message).toContain('gadget');
  });

  it('accepts a valid XML document', async () => {
    const text = cdxXml('<components>\n<component type="library"><name>x</name></component>\n</components>');
    expect(await cycloneDxReader.validate(text, xml16)).toEqual([]);
  });

  it('finds duplicate components (uniqueItems) without quadratic cost, even with reordered keys', async () => {
    const a = { type: 'library', name: 'a', version: '1' };
    const text = cdxJson({
      components: [a, { type: 'library', name: 'b' }, { version: '1', name: 'a', type: 'library' }],
    });
    expect(await cycloneDxReader.validate(text, json16)).toEqual([
      {
        severity: 'error',
        path: '/components',
        message: 'must NOT have duplicate items (items ## 0 and 2 are identical)',
      },
    ]);
  });

  it('reports malformed JSON as a diagnostic with its position', async () => {
    expect((await cycloneDxReader.validate('{"bomFormat":', json16))[0]?.path).toMatch(/^line 1, column \d+$/);
  });

  it('validates a 10k-component BOM (duplicate checks stay linear; timed in npm run bench)', async () => {
    expect(await cycloneDxReader.validate(bigBom(10_000), json16)).toEqual([]);
  });

  it('parses the same 10k-component BOM', () => {
    const { sbom, warnings } = cycloneDxReader.parse(bigBom(10_000), json16);
    expect(sbom.components).toHaveLength(10_000);
    expect(sbom.dependencies).toHaveLength(9_999);
    expect(sbom.components[9_999]?.levelOfSupport).toBe('Actively maintained');
    expect(warnings).toEqual([]);
  });
});

describe('CycloneDX detection', () => {
  it('recognizes JSON by bomFormat and XML by namespace, across 1.2–1.7', () => {
    for (const version of ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7']) {
      expect(cycloneDxReader.detect(cdxJson({}, version))).toEqual({
        format: 'cyclonedx',
        encoding: 'json',
        specVersion: version,
      });
      expect(cycloneDxReader.detect(cdxXml('', version))).toEqual({
        format: 'cyclonedx',
        encoding: 'xml',
        specVersion: version,
      });
    }
  });

  it('reads a prefixed root and skips comments and the XML declaration', () => {
    const text =
      '<?xml version="1.0"?>\n<!-- <bom> -->\n<c:bom xmlns:c="http://cyclonedx.org/schema/bom/1.5" version="1"/>';
    expect(cycloneDxReader.detect(text)).toEqual({ format: 'cyclonedx', encoding: 'xml', specVersion: '1.5' });
  });

  it('returns undefined for other formats', () => {
    expect(
      cycloneDxReader.detect(JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT' })),
    ).toBeUndefined();
    expect(cycloneDxReader.detect('SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0')).toBeUndefined();
    expect(cycloneDxReader.detect('<spdx xmlns="urn:spdx"/>')).toBeUndefined();
    expect(cycloneDxReader.detect('<bom xmlns="urn:not-cyclonedx"/>')).toBeUndefined();
    expect(cycloneDxReader.detect('not json {')).toBeUndefined();
    expect(cycloneDxReader.detect('{"bom": true}')).toBeUndefined();
  });

  it('treats a $schema on cyclonedx.org without bomFormat as an attempt at CycloneDX', () => {
    const text = JSON.stringify({ $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json', specVersion: '1.6' });
    expect(() => cycloneDxReader.detect(text)).toThrow(/bomFormat/);
  });
});
