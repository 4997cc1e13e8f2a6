import { expect, it } from 'vitest';
import { newComponent, type Component } from '../../src/core/sbom.js';
import { buildAdvisoryIndex } from '../../src/matching/advisory-index.js';
import { matchComponent } from '../../src/matching/match-component.js';
import { matchSbom } from '../../src/matching/match-sbom.js';
import { describeCorpus } from '../support/corpus.js';
import { loadNvd } from './load-advisories.js';

const cpeOf = (vendorProductVersion: string, part = 'a'): string =>
  `cpe:2.3:${part}:${vendorProductVersion}:*:*:*:*:*:*:*`;

/**
 * CPE fallback against REAL NVD API 2.0 records:
 * - CVE-2018-1000500: busybox:busybox versionEndExcluding 1.32.0;
 * - CVE-2016-1585: canonical:apparmor < 2.13.10 (and two later ranges);
 * - CVE-2017-6507: apparmor:apparmor ≤ 2.11; CVE-2014-1424: ubuntu:apparmor ≤ 2.8.94-0ubuntu1.4
 *   (same product name, other vendors);
 * - CVE-2020-13595: AND of espressif:esp-idf 4.0.0..4.2 (vulnerable) and h:espressif:esp32:- (platform).
 */
describeCorpus('CPE fallback against real NVD configurations', () => {
  const records = loadNvd('CVE-2018-1000500', 'CVE-2016-1585', 'CVE-2017-6507', 'CVE-2014-1424', 'CVE-2020-13595');
  const index = buildAdvisoryIndex(records, { cpeAliases: { 'alpine:busybox': 'busybox:busybox' } });
  const component = (fields: Partial<Component>): Component => newComponent({ ref: 'c', name: 'c', ...fields });

  it('matches vendor and product, with low confidence, the criterion and the fixed bound as evidence', () => {
    const [finding, ...rest] = matchComponent(
      component({ name: 'busybox', cpe: cpeOf('busybox:busybox:1.31.1') }),
      index,
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      vulnerabilityId: 'CVE-2018-1000500',
      status: 'affected',
      fixedVersions: ['1.32.0'],
      evidence: {
        source: 'nvd',
        method: 'cpe',
        confidence: 'low',
        matched: {
          kind: 'cpe-configuration',
          configurationIndex: 0,
          criteria: 'cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*',
        },
        event: 'versionEndExcluding 1.32.0',
        version: '1.31.1',
      },
    });
    // The busybox CPE of the corpus Alpine SBOM (1.35.0) is past the fix.
    expect(matchComponent(component({ cpe: cpeOf('busybox:busybox:1.35.0') }), index)).toEqual([]);
  });

  it('never matches on the product alone: same product, another vendor, no finding', () => {
    const found = matchComponent(component({ cpe: cpeOf('canonical:apparmor:2.11') }), index).map(
      (f) => f.vulnerabilityId,
    );
    // canonical:apparmor 2.11 < 2.13.10 → CVE-2016-1585; apparmor:apparmor (CVE-2017-6507) and ubuntu:apparmor (CVE-2014-1424) are other vendors.
    expect(found).toEqual(['CVE-2016-1585']);
    expect(matchComponent(component({ cpe: cpeOf('othervendor:busybox:1.31.1') }), index)).toEqual([]);
    expect(matchComponent(component({ cpe: cpeOf('*:busybox:1.31.1') }), index)).toEqual([]);
  });

  it('applies the alias table and says so in the evidence', () => {
    const [finding] = matchComponent(component({ cpe: cpeOf('alpine:busybox:1.31.1') }), index);
    expect(finding?.evidence.matched).toMatchObject({ alias: { from: 'alpine:busybox', to: 'busybox:busybox' } });
  });

  it('is only a fallback: a component with a purl of a keyed ecosystem is not CPE-matched', () => {
    const withPurl = component({
      cpe: cpeOf('busybox:busybox:1.31.1'),
      purl: 'pkg:apk/alpine/busybox@1.31.1-r0?distro=alpine-3.11',
    });
    expect(matchComponent(withPurl, index)).toEqual([]);
    // A generic purl keys no ecosystem, so the CPE is used.
    const generic = component({ cpe: cpeOf('busybox:busybox:1.31.1'), purl: 'pkg:generic/busybox@1.31.1' });
    expect(matchComponent(generic, index).map((f) => f.vulnerabilityId)).toEqual(['CVE-2018-1000500']);
  });

  it('keeps a version-less CPE component as unknown-version', () => {
    const [finding] = matchComponent(component({ cpe: cpeOf('busybox:busybox:*') }), index);
    expect(finding).toMatchObject({ vulnerabilityId: 'CVE-2018-1000500', status: 'unknown-version' });
  });

  it('uses an analyst mapping instead of the SBOM identity', () => {
    const unnamed = component({ ref: 'fw-1', name: 'bb' });
    expect(matchComponent(unnamed, index)).toEqual([]);
    const mapped = matchComponent(unnamed, index, {
      identity: new Map([['fw-1', { cpe: cpeOf('busybox:busybox:1.30.0'), note: 'mapped by J. Doe' }]]),
    });
    expect(mapped[0]?.evidence.identity).toEqual({
      origin: 'manual',
      cpe: cpeOf('busybox:busybox:1.30.0'),
      note: 'mapped by J. Doe',
    });
  });

  it('an AND configuration needs its platform among the product components', () => {
    const idf = component({ ref: 'idf', name: 'esp-idf', cpe: cpeOf('espressif:esp-idf:4.1') });
    expect(matchComponent(idf, index)).toEqual([]);
    const chip = component({
      ref: 'chip',
      name: 'esp32',
      type: 'device',
      cpe: 'cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*',
    });
    const findings = matchSbom(
      {
        format: 'cyclonedx',
        specVersion: '1.6',
        encoding: 'json',
        metadata: { authors: [], tools: [] },
        components: [chip, idf],
        dependencies: [],
      },
      index,
    );
    // Only the vulnerable criterion's component is a finding; the chip is the platform.
    expect(findings.map((f) => `${f.component.ref} ${f.vulnerabilityId} ${f.status}`)).toEqual([
      'idf CVE-2020-13595 affected',
    ]);
  });
});
