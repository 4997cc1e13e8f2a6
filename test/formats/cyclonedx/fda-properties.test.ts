import { describe, expect, it } from 'vitest';
import { newComponent, type Sbom } from '../../../src/core/sbom.js';
import { cycloneDxReader, writeCycloneDxJson, writeCycloneDxXml } from '../../../src/formats/cyclonedx/index.js';
import { cdxJson, json16 } from './cyclonedx-fixture.js';

describe('FDA per-component fields (premarket guidance V.A.4)', () => {
  it('lifts fda:levelOfSupport and cdx:lifecycle:milestone:endOfSupport out of properties', () => {
    const text = cdxJson({
      components: [
        {
          type: 'library',
          name: 'openssl',
          properties: [
            { name: 'fda:levelOfSupport', value: 'Actively maintained' },
            { name: 'other', value: 'kept' },
            { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2026-09-11' },
          ],
        },
      ],
    });
    const component = cycloneDxReader.parse(text, json16).sbom.components[0];
    expect(component?.levelOfSupport).toBe('Actively maintained');
    expect(component?.endOfSupportDate).toBe('2026-09-11');
    expect(component?.properties).toEqual([{ name: 'other', value: 'kept' }]);
  });

  const sbom: Sbom = {
    format: 'spdx',
    specVersion: '2.3',
    encoding: 'json',
    metadata: { authors: [], tools: [] },
    components: [
      newComponent({ ref: 'c1', name: 'zlib', levelOfSupport: 'No longer maintained', endOfSupportDate: '2025-01-31' }),
    ],
    dependencies: [],
  };

  it('writes them back as the two properties in JSON', () => {
    const written = JSON.parse(writeCycloneDxJson(sbom)) as { components: { properties: unknown[] }[] };
    expect(written.components[0]?.properties).toEqual([
      { name: 'fda:levelOfSupport', value: 'No longer maintained' },
      { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2025-01-31' },
    ]);
  });

  it('writes them back as the two properties in XML', () => {
    const xml = writeCycloneDxXml(sbom);
    expect(xml).toContain('<property name="fda:levelOfSupport">No longer maintained</property>');
    expect(xml).toContain('<property name="cdx:lifecycle:milestone:endOfSupport">2025-01-31</property>');
  });
});
