import { describe, expect, it } from 'vitest';
import { newComponent, type Sbom } from '../../../src/core/sbom.js';
import { writeSpdxJson } from '../../../src/formats/spdx/index.js';
import { importDoc, spdxDoc } from './spdx-fixture.js';

const annotation = (comment: string) => ({
  annotationDate: '2024-05-01T10:00:00Z',
  annotationType: 'OTHER',
  annotator: 'Person: QA',
  comment,
});

function withPackage(fields: Record<string, unknown>) {
  return spdxDoc({
    packages: [{ SPDXID: 'SPDXRef-lib', name: 'lib', downloadLocation: 'NOASSERTION', ...fields }],
    relationships: [],
  });
}

describe('FDA level of support and end-of-support date (premarket guidance V.A.4)', () => {
  it('reads validUntilDate as the end-of-support date', () => {
    const [lib] = importDoc(withPackage({ validUntilDate: '2031-06-30T00:00:00Z' })).sbom.components;
    expect(lib?.endOfSupportDate).toBe('2031-06-30T00:00:00Z');
  });

  it('reads the level of support from an fda:levelOfSupport annotation', () => {
    const [lib] = importDoc(
      withPackage({ annotations: [annotation('reviewed'), annotation('fda:levelOfSupport=no longer maintained')] }),
    ).sbom.components;
    expect(lib?.levelOfSupport).toBe('no longer maintained');
  });

  it('accepts the same line inside the package comment, the annotation winning', () => {
    const comment = 'Vendor notes.\nfda:levelOfSupport=abandoned\n';
    expect(importDoc(withPackage({ comment })).sbom.components[0]?.levelOfSupport).toBe('abandoned');
    const both = importDoc(
      withPackage({ comment, annotations: [annotation('fda:levelOfSupport=actively maintained')] }),
    );
    expect(both.sbom.components[0]?.levelOfSupport).toBe('actively maintained');
  });

  it('leaves both absent when the document says nothing', () => {
    const [lib] = importDoc(withPackage({ comment: 'levelOfSupport is unknown' })).sbom.components;
    expect(lib?.levelOfSupport).toBeUndefined();
    expect(lib?.endOfSupportDate).toBeUndefined();
  });

  it('writes validUntilDate (date-only dates padded to SPDX date-time) and the annotation', () => {
    const sbom: Sbom = {
      format: 'cyclonedx',
      specVersion: '1.6',
      encoding: 'json',
      metadata: { authors: ['Acme Medical'], tools: [], timestamp: '2024-05-01T10:00:00.123Z' },
      components: [
        newComponent({
          ref: 'SPDXRef-lib',
          name: 'lib',
          levelOfSupport: 'actively maintained',
          endOfSupportDate: '2031-06-30',
        }),
      ],
      dependencies: [],
    };
    const written = JSON.parse(writeSpdxJson(sbom)) as {
      creationInfo: Record<string, unknown>;
      packages: Record<string, unknown>[];
    };
    expect(written.creationInfo).toEqual({ created: '2024-05-01T10:00:00Z', creators: ['Organization: Acme Medical'] });
    expect(written.packages[0]?.['validUntilDate']).toBe('2031-06-30T00:00:00Z');
    expect(written.packages[0]?.['annotations']).toEqual([
      {
        annotationDate: '2024-05-01T10:00:00Z',
        annotationType: 'OTHER',
        annotator: 'Tool: jointsec',
        comment: 'fda:levelOfSupport=actively maintained',
      },
    ]);
  });
});
