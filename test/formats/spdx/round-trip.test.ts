import { readFileSync } from 'node:fs';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import type { Component, Sbom } from '../../../src/core/sbom.js';
import { spdxReader, writeSpdxJson } from '../../../src/formats/spdx/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../../support/corpus.js';
import { importDoc, importText, spdxDoc } from './spdx-fixture.js';

/** Property order follows SPDX field order, which the writer may not reproduce; compare them as sets. */
const comparable = (c: Component | undefined) =>
  c && {
    ...c,
    properties: [...c.properties].sort((a, b) => `${a.name}=${a.value}`.localeCompare(`${b.name}=${b.value}`)),
  };

function expectSameContent(back: Sbom, original: Sbom): void {
  expect(comparable(back.subject)).toEqual(comparable(original.subject));
  expect(back.components.map(comparable)).toEqual(original.components.map(comparable));
  expect(back.dependencies).toEqual(original.dependencies);
  expect(back.metadata.authors).toEqual(original.metadata.authors);
  expect(back.metadata.tools).toEqual(original.metadata.tools);
  expect(back.metadata.serialNumber).toEqual(original.metadata.serialNumber);
}

describe('SPDX round trip (parse → writeSpdxJson → parse)', () => {
  it('keeps identifiers, hashes, FDA fields, properties, edges and the subject', () => {
    const doc = spdxDoc();
    Object.assign((doc['packages'] as Record<string, unknown>[])[1]!, {
      supplier: 'Organization: zlib project',
      originator: 'Person: Jean-loup Gailly',
      checksums: [
        { algorithm: 'SHA256', checksumValue: '9a93b2b7dfdac77ceba5a558a580e74667dd6fede4585b91eefb60f03b72df23' },
        { algorithm: 'ADLER32', checksumValue: '0a1b2c3d' },
      ],
      externalRefs: [
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:generic/zlib@1.3.1' },
        {
          referenceCategory: 'SECURITY',
          referenceType: 'cpe23Type',
          referenceLocator: 'cpe:2.3:a:zlib:zlib:1.3.1:*:*:*:*:*:*:*',
        },
        {
          referenceCategory: 'SECURITY',
          referenceType: 'advisory',
          referenceLocator: 'https://nvd.nist.gov/vuln/detail/CVE-2023-45853',
        },
        {
          referenceCategory: 'PERSISTENT-ID',
          referenceType: 'swh',
          referenceLocator: 'swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2',
        },
      ],
      homepage: 'https://zlib.net',
      licenseConcluded: 'Zlib',
      copyrightText: 'Copyright (C) 1995-2024 Jean-loup Gailly and Mark Adler',
      description: 'compression library',
      primaryPackagePurpose: 'SOURCE',
      releaseDate: '2024-01-22T00:00:00Z',
      validUntilDate: '2034-01-22T00:00:00Z',
      annotations: [
        {
          annotationDate: '2024-05-01T10:00:00Z',
          annotationType: 'OTHER',
          annotator: 'Organization: Acme Medical',
          comment: 'fda:levelOfSupport=actively maintained',
        },
      ],
    });
    const original = importDoc(doc).sbom;
    const back = importText(writeSpdxJson(original)).sbom;
    expectSameContent(back, original);
    expect(back.components[0]?.levelOfSupport).toBe('actively maintained');
    expect(back.subject?.ref).toBe('SPDXRef-pump');
  });

  it('carries model properties without an SPDX field as annotations', () => {
    const sbom: Sbom = {
      format: 'cyclonedx',
      specVersion: '1.6',
      encoding: 'json',
      metadata: { authors: [], tools: [] },
      components: [
        {
          ref: 'pkg:npm/left-pad@1.3.0',
          type: 'library',
          name: 'left-pad',
          version: '1.3.0',
          hashes: [],
          externalReferences: [{ type: 'vcs', url: 'https://github.com/left-pad/left-pad' }],
          properties: [{ name: 'cdx:lifecycle:milestone:endOfLife', value: '2030-01-01' }],
        },
      ],
      dependencies: [],
    };
    const written = JSON.parse(writeSpdxJson(sbom)) as { packages: Record<string, unknown>[] };
    expect(written.packages[0]?.['SPDXID']).toBe('SPDXRef-Package-pkg-npm-left-pad-1.3.0');
    const back = importText(JSON.stringify(written)).sbom.components[0];
    expect(back?.properties).toEqual([{ name: 'cdx:lifecycle:milestone:endOfLife', value: '2030-01-01' }]);
    expect(back?.externalReferences).toEqual([{ type: 'vcs', url: 'https://github.com/left-pad/left-pad' }]);
  });

  it('writes the same document twice for the same model (deterministic namespace)', () => {
    const sbom = {
      ...importDoc(spdxDoc()).sbom,
      metadata: { authors: [], tools: [], timestamp: '2024-05-01T10:00:00Z' },
    };
    const first = JSON.parse(writeSpdxJson(sbom)) as Record<string, unknown>;
    expect(writeSpdxJson(sbom)).toBe(JSON.stringify(first, null, 2) + '\n');
    expect(first['documentNamespace']).toMatch(/^https:\/\/jointsec\.invalid\/spdxdocs\/pump-firmware-[0-9a-f]{32}$/);
    const other = { ...sbom, components: [] };
    expect((JSON.parse(writeSpdxJson(other)) as Record<string, unknown>)['documentNamespace']).not.toBe(
      first['documentNamespace'],
    );
  });
});

describeCorpus('written SPDX 2.3 against the official schema, over the corpus', () => {
  const official = new Ajv2019({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(corpusPath('spdx/spec-2.3/schemas/spdx-schema.json'), 'utf8')) as object,
  );
  const docs = [
    ...corpusFiles(
      'spdx',
      (n) => (n.endsWith('.json') || n.endsWith('.spdx')) && !n.includes('spdx3') && n !== 'spdx-schema.json',
    ),
    ...['alpine-spdx.json', 'oci-spdx.json', 'go-spdx-multi-arch_1.json', 'small-spdx.json'].map((n) =>
      corpusPath('guac-sbom-vex-testdata', n),
    ),
  ].filter((f) => !f.includes('/spdx3.0/'));

  it.each(docs.map((f) => [f.slice(f.indexOf('corpus/') + 7), f]))('%s', async (_name, file) => {
    const original = importText(readFileSync(file, 'utf8')).sbom;
    const written = writeSpdxJson(original);
    const doc = JSON.parse(written) as unknown;
    expect(official(doc) ? [] : official.errors).toEqual([]);
    expect(
      (await spdxReader.validate(written, { format: 'spdx', encoding: 'json', specVersion: '2.3' })).filter(
        (d) => d.severity === 'error',
      ),
    ).toEqual([]);
    const back = importText(written).sbom;
    if (/SPDXRef-[^"]*\//.test(readFileSync(file, 'utf8'))) {
      // SPDXIDs with "/" are not valid SPDX identifiers; the writer renames them, so compare all but the ref.
      const noRef = (c: Component | undefined) => c && { ...comparable(c), ref: '' };
      expect(back.components.map(noRef)).toEqual(original.components.map(noRef));
    } else expectSameContent(back, original);
  });
});
