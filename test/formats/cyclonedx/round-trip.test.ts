import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newComponent, type Sbom } from '../../../src/core/sbom.js';
import { cycloneDxReader, writeCycloneDxJson, writeCycloneDxXml } from '../../../src/formats/cyclonedx/index.js';
import { corpusPath, describeCorpus } from '../../support/corpus.js';
import { json16, xml16 } from './cyclonedx-fixture.js';

/** A model as another format (SPDX) could hand it over, with values CycloneDX 1.6 has no slot for. */
const model: Sbom = {
  format: 'spdx',
  specVersion: '2.3',
  encoding: 'json',
  metadata: {
    authors: ['Acme Medical PSIRT'],
    tools: ['Tool: spdx-gen-1.0'],
    timestamp: '2024-05-01T10:00:00Z',
    serialNumber: 'https://acme.example/spdx/pump-4.2',
    name: 'pump-4.2 SBOM',
  },
  subject: newComponent({
    ref: 'SPDXRef-pump',
    type: 'device',
    name: 'Infusion Pump',
    version: '4.2',
    supplier: 'Acme Medical',
  }),
  components: [
    newComponent({
      ref: 'SPDXRef-openssl',
      name: 'openssl',
      version: '3.0.8',
      group: 'openssl',
      purl: 'pkg:generic/openssl@3.0.8',
      cpe: 'cpe:2.3:a:openssl:openssl:3.0.8:*:*:*:*:*:*:*',
      hashes: [
        { alg: 'SHA-256', value: 'ab'.repeat(32) },
        { alg: 'ADLER32', value: '0badc0de' },
      ],
      license: '(Apache-2.0 OR MIT) AND LicenseRef-Acme',
      description: 'TLS <library> & "friends"\nsecond line',
      copyright: 'Copyright (c) OpenSSL',
      levelOfSupport: 'Actively maintained',
      endOfSupportDate: '2026-09-07',
      externalReferences: [
        { type: 'website', url: 'https://www.openssl.org' },
        { type: 'patent', url: 'https://patents.example.com/1' },
      ],
      properties: [{ name: 'spdx:filesAnalyzed', value: 'false' }],
    }),
    newComponent({ ref: 'SPDXRef-blob', type: 'SOURCE', name: 'blob' }),
  ],
  dependencies: [
    { from: 'SPDXRef-pump', to: 'SPDXRef-openssl' },
    { from: 'SPDXRef-openssl', to: 'SPDXRef-blob' },
  ],
};

describe('CycloneDX 1.6 writers', () => {
  for (const [encoding, write, kind] of [
    ['JSON', writeCycloneDxJson, json16],
    ['XML', writeCycloneDxXml, xml16],
  ] as const) {
    it(`${encoding}: validates against the 1.6 schema and reads back to the same model`, async () => {
      const text = write(model);
      expect(await cycloneDxReader.validate(text, kind)).toEqual([]);
      expect(cycloneDxReader.detect(text)).toEqual(kind);
      const { sbom, warnings } = cycloneDxReader.parse(text, kind);
      expect(warnings).toEqual([]);
      expect(sbom.components).toEqual(model.components);
      expect(sbom.subject).toEqual(model.subject);
      expect(sbom.dependencies).toEqual(model.dependencies);
      expect(sbom.metadata).toEqual(model.metadata);
    });
  }

  it('writes schema-invalid values as jointsec properties, not as invalid fields', () => {
    const bom = JSON.parse(writeCycloneDxJson(model)) as Record<string, unknown> & {
      components: { type: string; hashes?: unknown[]; properties?: unknown[] }[];
    };
    expect(bom.serialNumber).toBeUndefined();
    expect(bom.properties).toEqual([
      { name: 'jointsec:serialNumber', value: 'https://acme.example/spdx/pump-4.2' },
      { name: 'jointsec:documentName', value: 'pump-4.2 SBOM' },
    ]);
    expect(bom.components[1]?.type).toBe('library');
    expect(bom.components[1]?.properties).toEqual([{ name: 'jointsec:componentType', value: 'SOURCE' }]);
    expect(bom.components[0]?.hashes).toEqual([{ alg: 'SHA-256', content: 'ab'.repeat(32) }]);
  });
});

describeCorpus('round trip of real SBOMs', () => {
  for (const file of [
    'cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.xml',
    'guac-sbom-vex-testdata/quarkus-deps-cyclonedx.json',
  ]) {
    it(`${file}: parse → write JSON and XML → validate 1.6 → parse gives equal components`, async () => {
      const text = readFileSync(corpusPath(file), 'utf8');
      const kind = cycloneDxReader.detect(text);
      if (kind === undefined) throw new Error(`${file} was not detected`);
      const first = cycloneDxReader.parse(text, kind).sbom;
      expect(first.components.length).toBeGreaterThan(10);
      for (const [write, writtenKind] of [
        [writeCycloneDxJson, json16],
        [writeCycloneDxXml, xml16],
      ] as const) {
        const written = write(first);
        expect(await cycloneDxReader.validate(written, writtenKind)).toEqual([]);
        const again = cycloneDxReader.parse(written, writtenKind).sbom;
        expect(again.components).toEqual(first.components);
        expect(again.dependencies).toEqual(first.dependencies);
        expect(again.subject).toEqual(first.subject);
      }
    });
  }
});
