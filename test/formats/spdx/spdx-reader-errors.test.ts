import { describe, expect, it } from 'vitest';
import { spdxReader } from '../../../src/formats/spdx/index.js';
import { errorOf as refusal } from '../../support/error-of.js';
import { importDoc, importText, json23, spdxDoc } from './spdx-fixture.js';

describe('SPDX detection', () => {
  it('recognizes SPDX 2.2 and 2.3 JSON and ignores other JSON', () => {
    expect(spdxReader.detect(JSON.stringify(spdxDoc({ spdxVersion: 'SPDX-2.2' })))).toEqual({
      ...json23,
      specVersion: '2.2',
    });
    expect(spdxReader.detect('{"bomFormat":"CycloneDX"}')).toBeUndefined();
    expect(spdxReader.detect('<bom/>')).toBeUndefined();
    expect(spdxReader.detect('Hello: world')).toBeUndefined();
  });

  it.each([
    [
      'SPDX 2.1 JSON',
      JSON.stringify(spdxDoc({ spdxVersion: 'SPDX-2.1' })),
      'unsupported-version',
      /SPDX-2.1.*not supported/,
    ],
    ['SPDX 2.0 tag-value', 'SPDXVersion: SPDX-2.0\nDataLicense: CC0-1.0\n', 'unsupported-version', /SPDX-2.0/],
    [
      'SPDX 3.0 JSON-LD',
      '{"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]}',
      'unsupported-version',
      /^SPDX 3\.0 is not supported yet/,
    ],
    [
      'spdxVersion as a number',
      JSON.stringify(spdxDoc({ spdxVersion: 2 })),
      'invalid-input',
      /spdxVersion must be a string.*number/,
    ],
  ])('refuses %s', (_name, text, code, message) => {
    const error = refusal(() => spdxReader.detect(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('SPDX parse errors name the location', () => {
  it('malformed JSON: line and column', async () => {
    const text = '{\n  "spdxVersion": "SPDX-2.3",\n  "name": oops\n}';
    const error = refusal(() => importText(text));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('line 3, column 11');
    expect(await spdxReader.validate(text, json23)).toEqual([
      expect.objectContaining({ severity: 'error', path: 'line 3, column 11' }),
    ]);
  });

  it.each([
    ['packages is an object', { packages: {} }, '/packages', /expected an array, got object/],
    [
      'package name is a number',
      { packages: [{ SPDXID: 'SPDXRef-x', name: 7, downloadLocation: 'NONE' }] },
      '/packages/0/name',
      /expected a string, got number/,
    ],
    [
      'creators is a string',
      { creationInfo: { created: '2024-01-01T00:00:00Z', creators: 'Tool: x' } },
      '/creationInfo/creators',
      /expected an array/,
    ],
    [
      'a creator is a number',
      { creationInfo: { created: '2024-01-01T00:00:00Z', creators: [5] } },
      '/creationInfo/creators/0',
      /creator must be a string/,
    ],
    [
      'relationships entry is a string',
      { relationships: ['SPDXRef-a DEPENDS_ON SPDXRef-b'] },
      '/relationships/0',
      /expected an object, got string/,
    ],
  ])('wrong type: %s', (_name, overrides, path, message) => {
    const error = refusal(() => importDoc(spdxDoc(overrides)));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('duplicate SPDXID across a package and a file', () => {
    const doc = spdxDoc({
      files: [
        {
          SPDXID: 'SPDXRef-zlib',
          fileName: './z',
          checksums: [{ algorithm: 'SHA1', checksumValue: '85ed0817af83a24ad8da68c2b5094de69833983c' }],
        },
      ],
    });
    const error = refusal(() => importDoc(doc));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/files/0/SPDXID');
    expect(error.message).toContain('duplicate SPDXID "SPDXRef-zlib"');
  });
});

describe('SPDX identifiers', () => {
  it('keeps a malformed purl or CPE as a property with a warning', () => {
    const doc = spdxDoc();
    (doc['packages'] as Record<string, unknown>[])[1]!['externalRefs'] = [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:///' },
      { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:x' },
    ];
    const { sbom, warnings } = importDoc(doc);
    const zlib = sbom.components[0];
    expect(zlib?.purl).toBeUndefined();
    expect(zlib?.cpe).toBeUndefined();
    expect(zlib?.properties).toEqual([
      { name: 'jointsec:invalidPurl', value: 'pkg:///' },
      { name: 'jointsec:invalidCpe', value: 'cpe:2.3:x' },
    ]);
    expect(warnings.map((w) => w.path)).toEqual([
      '/packages/1/externalRefs/0/referenceLocator',
      '/packages/1/externalRefs/1/referenceLocator',
    ]);
  });

  it('canonicalizes purls, converts CPE 2.2 URIs and maps checksum algorithms', () => {
    const doc = spdxDoc();
    Object.assign((doc['packages'] as Record<string, unknown>[])[1]!, {
      externalRefs: [
        { referenceCategory: 'PACKAGE_MANAGER', referenceType: 'purl', referenceLocator: 'pkg:NPM/%40scope/pkg@1.0' },
        { referenceCategory: 'SECURITY', referenceType: 'cpe22Type', referenceLocator: 'cpe:/a:zlib:zlib:1.3.1' },
      ],
      checksums: [
        { algorithm: 'SHA1', checksumValue: 'aa' },
        { algorithm: 'SHA3-256', checksumValue: 'bb' },
        { algorithm: 'MD5', checksumValue: 'cc' },
      ],
      supplier: 'NOASSERTION',
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'Zlib',
    });
    const zlib = importDoc(doc).sbom.components[0];
    expect(zlib?.purl).toBe('pkg:npm/%40scope/pkg@1.0');
    expect(zlib?.cpe).toBe('cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*');
    expect(zlib?.hashes).toEqual([
      { alg: 'SHA-1', value: 'aa' },
      { alg: 'SHA3-256', value: 'bb' },
      { alg: 'MD5', value: 'cc' },
    ]);
    expect(zlib?.supplier).toBeUndefined();
    expect(zlib?.license).toBe('Zlib');
  });
});
