import { describe, expect, it } from 'vitest';
import { cycloneDxReader } from '../../../src/formats/cyclonedx/index.js';
import { cdxJson, cdxXml, json16, refusal, xml16 } from './cyclonedx-fixture.js';

const lib = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'library',
  name,
  'bom-ref': name,
  ...extra,
});

describe('malformed CycloneDX input', () => {
  it('names line and column of malformed JSON', () => {
    const error = refusal(() =>
      cycloneDxReader.parse('{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  oops\n}', json16),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('line 4, column 3');
  });

  it('names line and column of malformed XML', () => {
    const error = refusal(() =>
      cycloneDxReader.parse(cdxXml('<components>\n<component type="library"><name>x</component>'), xml16),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toMatch(/^line 4, column \d+$/);
    expect(error.message).toContain('malformed XML');
  });

  it('reports malformed XML as a validate() diagnostic with its line', async () => {
    const diagnostics = await cycloneDxReader.validate(
      '<bom xmlns="http://cyclonedx.org/schema/bom/1.6">\n<a></b></bom>',
      xml16,
    );
    expect(diagnostics[0]?.path).toMatch(/^line 2/);
  });

  it('refuses binary garbage and a JSON array', () => {
    expect(refusal(() => cycloneDxReader.parse('\u0000\u0001PK\u0003', json16)).code).toBe('invalid-input');
    expect(refusal(() => cycloneDxReader.parse('[1,2]', json16)).location?.path).toBe('/');
  });

  it.each([
    ['components is not an array', { components: { a: 1 } }, '/components'],
    ['a component is not an object', { components: ['x'] }, '/components/0'],
    ['name is a number', { components: [lib('a', { name: 42 })] }, '/components/0/name'],
    ['purl is a number', { components: [lib('a', { purl: 7 })] }, '/components/0/purl'],
    [
      'a nested version is an object',
      { components: [lib('a', { components: [lib('b', { version: {} })] })] },
      '/components/0/components/0/version',
    ],
    ['hashes is a string', { components: [lib('a', { hashes: 'SHA-256' })] }, '/components/0/hashes'],
    ['metadata.timestamp is a number', { metadata: { timestamp: 1 } }, '/metadata/timestamp'],
    [
      'dependsOn holds a number',
      { components: [lib('a')], dependencies: [{ ref: 'a', dependsOn: [1] }] },
      '/dependencies/0/dependsOn/0',
    ],
  ])('refuses wrong types: %s', (_, members, path) => {
    const error = refusal(() => cycloneDxReader.parse(cdxJson(members), json16));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe(path);
    expect(error.message).toMatch(/expected (a|an) /);
  });

  it('refuses two different components sharing a bom-ref, naming both places', () => {
    const text = cdxJson({ components: [lib('a'), lib('b', { components: [lib('a', { version: '2' })] })] });
    const error = refusal(() => cycloneDxReader.parse(text, json16));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/components/1/components/0/bom-ref');
    expect(error.message).toContain('duplicate bom-ref "a"');
    expect(error.message).toContain('/components/0');
  });

  it('refuses a duplicate bom-ref between the subject and a component, in XML', () => {
    const text = cdxXml(
      '<metadata><component type="application" bom-ref="x"><name>app</name></component></metadata>\n' +
        '<components><component type="library" bom-ref="x"><name>lib</name></component></components>',
    );
    const error = refusal(() => cycloneDxReader.parse(text, xml16));
    expect(error.location?.path).toBe('/bom/components/component[1]/@bom-ref');
  });

  it('refuses a dangling dependency ref and a dangling dependsOn target', () => {
    const from = refusal(() =>
      cycloneDxReader.parse(cdxJson({ components: [lib('a')], dependencies: [{ ref: 'ghost' }] }), json16),
    );
    expect(from.code).toBe('invalid-input');
    expect(from.location?.path).toBe('/dependencies/0/ref');
    expect(from.message).toContain('"ghost"');
    const text = cdxXml(
      '<components><component type="library" bom-ref="a"><name>a</name></component></components>\n' +
        '<dependencies><dependency ref="a"><dependency ref="nowhere"/></dependency></dependencies>',
    );
    expect(refusal(() => cycloneDxReader.parse(text, xml16)).location?.path).toBe(
      '/bom/dependencies/dependency[1]/dependency[1]',
    );
  });

  it('refuses unsupported and unknown versions with unsupported-version', () => {
    expect(refusal(() => cycloneDxReader.detect(cdxJson({}, '1.1'))).code).toBe('unsupported-version');
    expect(refusal(() => cycloneDxReader.detect(cdxJson({}, '2.0'))).message).toContain('"2.0"');
    expect(refusal(() => cycloneDxReader.detect(cdxXml('', '0.9'))).code).toBe('unsupported-version');
    expect(refusal(() => cycloneDxReader.parse(cdxXml('', '2.0'), xml16)).code).toBe('unsupported-version');
    expect(refusal(() => cycloneDxReader.parse(cdxJson({}, '1.9'), json16)).code).toBe('unsupported-version');
  });

  it('reads the XML-only CycloneDX 1.0 and 1.1, and refuses them as JSON', () => {
    for (const version of ['1.0', '1.1']) {
      const xml = cdxXml(
        '<components><component type="library"><name>zlib</name><version>1.2.13</version></component></components>',
        version,
      );
      expect(cycloneDxReader.detect(xml)).toEqual({ format: 'cyclonedx', encoding: 'xml', specVersion: version });
      expect(
        cycloneDxReader
          .parse(xml, { format: 'cyclonedx', encoding: 'xml', specVersion: version })
          .sbom.components.map((c) => c.name),
      ).toEqual(['zlib']);
      expect(refusal(() => cycloneDxReader.detect(cdxJson({}, version))).message).toContain('no JSON encoding');
    }
  });

  it('refuses a wrong bomFormat and a non-string specVersion', () => {
    const bomFormat = refusal(() => cycloneDxReader.detect(JSON.stringify({ bomFormat: 'CDX', specVersion: '1' })));
    expect([bomFormat.code, bomFormat.location?.path]).toEqual(['invalid-input', '/bomFormat']);
    const spec = refusal(() => cycloneDxReader.detect(JSON.stringify({ bomFormat: 'CycloneDX', specVersion: 1.4 })));
    expect([spec.code, spec.location?.path]).toEqual(['invalid-input', '/specVersion']);
  });

  it('refuses malformed JSON that claims to be CycloneDX already at detection', () => {
    const error = refusal(() => cycloneDxReader.detect('{"bomFormat": "CycloneDX", "specVersion": "1.6",'));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toMatch(/^line 1, column \d+$/);
  });

  it('refuses an XML root that is not a CycloneDX bom', () => {
    const error = refusal(() => cycloneDxReader.parse('<sbom xmlns="urn:other"/>', xml16));
    expect(error.message).toContain('<sbom>');
  });
});
