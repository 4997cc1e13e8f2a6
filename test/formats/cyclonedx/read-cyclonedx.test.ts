import { describe, expect, it } from 'vitest';
import { cycloneDxReader } from '../../../src/formats/cyclonedx/index.js';
import { cdxJson, cdxXml, json16, xml16 } from './cyclonedx-fixture.js';

const parseJson = (members: Record<string, unknown>, specVersion = '1.6') =>
  cycloneDxReader.parse(cdxJson(members, specVersion), { ...json16, specVersion });

describe('reading CycloneDX', () => {
  it('reads metadata: authors, legacy tools, timestamp, serial number, subject name', () => {
    const { sbom } = parseJson(
      {
        serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
        metadata: {
          timestamp: '2024-05-01T10:00:00Z',
          authors: [{ name: 'Jane Doe' }, { email: 'sec@example.com' }],
          tools: [{ vendor: 'anchore', name: 'syft', version: '0.58.0' }],
          component: { type: 'device', name: 'Infusion Pump', version: '4.2' },
        },
      },
      '1.4',
    );
    expect(sbom.metadata).toEqual({
      authors: ['Jane Doe', 'sec@example.com'],
      tools: ['anchore syft 0.58.0'],
      timestamp: '2024-05-01T10:00:00Z',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      name: 'Infusion Pump',
    });
    expect(sbom.subject?.type).toBe('device');
    expect(sbom.specVersion).toBe('1.4');
  });

  it('reads 1.5+ tools.components and tools.services', () => {
    const { sbom } = parseJson({
      metadata: {
        tools: {
          components: [{ type: 'application', group: '@cyclonedx', name: 'cdxgen', version: '10.0.0' }],
          services: [{ provider: { name: 'Acme' }, name: 'scan-api', version: '2' }],
        },
      },
    });
    expect(sbom.metadata.tools).toEqual(['@cyclonedx cdxgen 10.0.0', 'Acme scan-api 2']);
  });

  it('flattens nested components, including those under metadata.component, and keeps every field', () => {
    const { sbom, warnings } = parseJson({
      metadata: {
        component: { type: 'firmware', name: 'fw', 'bom-ref': 'fw', components: [{ type: 'library', name: 'in-fw' }] },
      },
      components: [
        {
          type: 'library',
          'bom-ref': 'lib',
          group: 'org.apache',
          name: 'commons',
          version: '1.0',
          supplier: { name: 'Apache' },
          purl: 'pkg:Maven/org.apache/commons@1.0?b=2&a=1',
          cpe: 'cpe:/a:apache:struts:2.0',
          hashes: [{ alg: 'SHA-256', content: 'ab'.repeat(32) }],
          licenses: [{ license: { id: 'Apache-2.0' } }],
          description: 'lib',
          copyright: '(c) Apache',
          externalReferences: [{ type: 'website', url: 'https://commons.apache.org' }],
          properties: [{ name: 'x', value: 'y' }],
          components: [{ type: 'file', name: 'deep' }],
        },
      ],
    });
    expect(warnings).toEqual([]);
    expect(sbom.components.map((c) => c.name)).toEqual(['in-fw', 'commons', 'deep']);
    expect(sbom.components[1]).toEqual({
      ref: 'lib',
      type: 'library',
      name: 'commons',
      group: 'org.apache',
      version: '1.0',
      supplier: 'Apache',
      purl: 'pkg:maven/org.apache/commons@1.0?a=1&b=2',
      cpe: 'cpe:2.3:a:apache:struts:2.0:*:*:*:*:*:*:*',
      hashes: [{ alg: 'SHA-256', value: 'ab'.repeat(32) }],
      license: 'Apache-2.0',
      description: 'lib',
      copyright: '(c) Apache',
      externalReferences: [{ type: 'website', url: 'https://commons.apache.org' }],
      properties: [{ name: 'x', value: 'y' }],
    });
  });

  it('generates deterministic refs for components without bom-ref', () => {
    const members = { components: [{ type: 'library', name: 'a', components: [{ type: 'library', name: 'b' }] }] };
    const refs = parseJson(members).sbom.components.map((c) => c.ref);
    expect(refs).toEqual(['jointsec:components/0', 'jointsec:components/0/components/0']);
    expect(parseJson(members).sbom.components.map((c) => c.ref)).toEqual(refs);
  });

  it('folds licenses into one SPDX expression', () => {
    const licenses = (list: unknown[]) =>
      parseJson({ components: [{ type: 'library', name: 'x', licenses: list }] }).sbom.components[0]?.license;
    expect(licenses([{ license: { id: 'MIT' } }, { license: { id: 'Apache-2.0' } }])).toBe('MIT AND Apache-2.0');
    expect(licenses([{ license: { name: 'Acme Proprietary License v2' } }])).toBe(
      'LicenseRef-Acme-Proprietary-License-v2',
    );
    expect(licenses([{ expression: 'MIT OR GPL-2.0-only' }])).toBe('MIT OR GPL-2.0-only');
    expect(licenses([{ expression: 'MIT OR GPL-2.0-only' }, { license: { id: 'BSD-3-Clause' } }])).toBe(
      '(MIT OR GPL-2.0-only) AND BSD-3-Clause',
    );
    expect(
      licenses([
        { license: { id: 'MIT', acknowledgement: 'declared' } },
        { license: { id: 'Apache-2.0', acknowledgement: 'concluded' } },
      ]),
    ).toBe('Apache-2.0');
    expect(licenses([])).toBeUndefined();
  });

  it('takes the 1.6 manufacturer as supplier when there is no supplier', () => {
    const { sbom } = parseJson({ components: [{ type: 'device', name: 'd', manufacturer: { name: 'Acme Medical' } }] });
    expect(sbom.components[0]?.supplier).toBe('Acme Medical');
  });

  it('warns on a malformed CPE and keeps the value as jointsec:invalidCpe', () => {
    const { sbom, warnings } = parseJson({ components: [{ type: 'library', name: 'x', cpe: 'cpe:nonsense' }] });
    expect(sbom.components[0]?.cpe).toBeUndefined();
    expect(sbom.components[0]?.properties).toEqual([{ name: 'jointsec:invalidCpe', value: 'cpe:nonsense' }]);
    expect(warnings.map((w) => [w.severity, w.path])).toEqual([['warning', '/components/0/cpe']]);
  });

  it('reads dependencies; edges to services are valid but outside the component graph', () => {
    const { sbom } = parseJson({
      components: [
        { type: 'library', name: 'a', 'bom-ref': 'a' },
        { type: 'library', name: 'b', 'bom-ref': 'b' },
      ],
      services: [{ name: 'svc', 'bom-ref': 's' }],
      dependencies: [{ ref: 'a', dependsOn: ['b', 's', 'b'] }, { ref: 'b' }, { ref: 's', dependsOn: ['a'] }],
    });
    expect(sbom.dependencies).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('reads dependsOn objects (producer drift) with a warning', () => {
    const { sbom, warnings } = parseJson({
      components: [
        { type: 'library', name: 'a', 'bom-ref': 'a' },
        { type: 'library', name: 'b', 'bom-ref': 'b' },
      ],
      dependencies: [{ ref: 'a', dependsOn: [{ ref: 'b' }] }],
    });
    expect(sbom.dependencies).toEqual([{ from: 'a', to: 'b' }]);
    expect(warnings[0]?.path).toBe('/dependencies/0/dependsOn/0');
  });

  it('reads the same model from XML', () => {
    const text = cdxXml(`
  <metadata>
    <timestamp>2024-05-01T10:00:00Z</timestamp>
    <tools><tool><vendor>acme</vendor><name>gen</name><version>1</version></tool></tools>
    <authors><author><name>Jane</name></author></authors>
    <component type="application" bom-ref="app"><name>App</name></component>
  </metadata>
  <components>
    <component type="library" bom-ref="lib">
      <supplier><name>Acme</name></supplier>
      <name>lib</name>
      <version>2.0</version>
      <hashes><hash alg="SHA-1">${'cd'.repeat(20)}</hash></hashes>
      <licenses><license><id>MIT</id></license><license><name>Other</name></license></licenses>
      <purl>pkg:npm/lib@2.0</purl>
      <externalReferences><reference type="vcs"><url>https://git.example.com/lib</url></reference></externalReferences>
      <properties><property name="fda:levelOfSupport">Actively maintained</property></properties>
    </component>
  </components>
  <dependencies><dependency ref="app"><dependency ref="lib"/></dependency><dependency ref="lib"/></dependencies>`);
    const { sbom, warnings } = cycloneDxReader.parse(text, xml16);
    expect(warnings).toEqual([]);
    expect(sbom.encoding).toBe('xml');
    expect(sbom.metadata).toEqual({
      authors: ['Jane'],
      tools: ['acme gen 1'],
      timestamp: '2024-05-01T10:00:00Z',
      name: 'App',
    });
    expect(sbom.components[0]).toEqual({
      ref: 'lib',
      type: 'library',
      name: 'lib',
      version: '2.0',
      supplier: 'Acme',
      purl: 'pkg:npm/lib@2.0',
      hashes: [{ alg: 'SHA-1', value: 'cd'.repeat(20) }],
      license: 'MIT AND LicenseRef-Other',
      levelOfSupport: 'Actively maintained',
      externalReferences: [{ type: 'vcs', url: 'https://git.example.com/lib' }],
      properties: [],
    });
    expect(sbom.dependencies).toEqual([{ from: 'app', to: 'lib' }]);
  });

  it('reads a VEX-only BOM (no components) without error', () => {
    const { sbom } = parseJson({ vulnerabilities: [{ id: 'CVE-2021-44228' }] });
    expect(sbom.components).toEqual([]);
    expect(sbom.subject).toBeUndefined();
  });
});
