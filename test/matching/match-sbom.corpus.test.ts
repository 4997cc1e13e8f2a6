import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Sbom } from '../../src/core/sbom.js';
import { parseNvdValue } from '../../src/formats/nvd/index.js';
import { parseSbom, recognizeSbom } from '../../src/formats/sbom/sbom-formats.js';
import { buildAdvisoryIndex } from '../../src/matching/advisory-index.js';
import { matchSbom } from '../../src/matching/match-sbom.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';
import { handMadeOsv, loadNvd, loadOsv } from './load-advisories.js';

function readSbom(name: string): Sbom {
  const file = corpusPath('osv-scanner-sbom-testdata', name);
  return parseSbom(recognizeSbom({ bytes: readFileSync(file), fileName: name }), name).sbom;
}

const range = (fixed: string, introduced = '0') => [{ type: 'ECOSYSTEM', events: [{ introduced }, { fixed }] }];

/**
 * The corpus has no Alpine 3.17 or Debian 9 advisory for the packages of these SBOMs, so the
 * smallest hand-made OSV records stand in (ids `HAND-…`, shaped like Alpine secdb / Debian DLA
 * records: named by SOURCE package, one entry per release). Real corpus records are mixed in to
 * show they add nothing to these images.
 */
describeCorpus('matchSbom on the osv-scanner container SBOMs', () => {
  const real = [
    ...loadOsv(
      'osv-dev-testdata/worker-testdata/CVE-2022-27449.json',
      'dependency-track-osv-testdata/osv-DSA-5474-1.json',
    ),
    ...loadNvd('CVE-2018-1000500'),
  ];
  const handMade = [
    handMadeOsv({
      id: 'HAND-ALPINE-OPENSSL',
      affected: [
        { package: { ecosystem: 'Alpine:v3.17', name: 'openssl' }, ranges: range('3.0.8-r1') },
        // An older release with an older fix: must not decide for 3.17.
        { package: { ecosystem: 'Alpine:v3.16', name: 'openssl' }, ranges: range('3.0.8-r0') },
      ],
    }),
    handMadeOsv({
      id: 'HAND-ALPINE-ZLIB',
      affected: [{ package: { ecosystem: 'Alpine:v3.17', name: 'zlib' }, ranges: range('1.2.12-r2') }],
    }),
    handMadeOsv({
      id: 'HAND-DLA-UTIL-LINUX',
      affected: [{ package: { ecosystem: 'Debian:9', name: 'util-linux' }, ranges: range('2.29.2-1+deb9u2') }],
    }),
    handMadeOsv({
      id: 'HAND-DLA-GLIBC',
      affected: [
        // stretch ships 2.24-11+deb9u4: fixed there. buster's fix is a higher upstream version.
        { package: { ecosystem: 'Debian:9', name: 'glibc' }, ranges: range('2.24-11+deb9u4') },
        { package: { ecosystem: 'Debian:10', name: 'glibc' }, ranges: range('2.28-10+deb10u1') },
      ],
    }),
    handMadeOsv({
      id: 'HAND-GO-X-SYS',
      affected: [
        {
          package: { ecosystem: 'Go', name: 'golang.org/x/sys' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.0.0-20220412211240-33da011f77ad' }] }],
        },
      ],
    }),
    handMadeOsv({
      id: 'HAND-GO-GOSU',
      affected: [
        {
          package: { ecosystem: 'Go', name: 'github.com/tianon/gosu' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.17.0' }] }],
        },
      ],
    }),
  ];
  // Hand-made NVD record (fictitious id CVE-2099-0001; our NVD parser requires a CVE id): the postgres image's binary-cataloged `pkg:generic/postgresql@11.15` has a CPE.
  const postgresNvd = parseNvdValue({
    id: 'CVE-2099-0001',
    descriptions: [{ lang: 'en', value: 'hand-made' }],
    configurations: [
      {
        nodes: [
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [
              {
                vulnerable: true,
                criteria: 'cpe:2.3:a:postgresql:postgresql:*:*:*:*:*:*:*:*',
                versionStartIncluding: '11.0',
                versionEndExcluding: '11.16',
              },
            ],
          },
        ],
      },
    ],
  }).records;
  if (postgresNvd.length !== 1) throw new Error('the hand-made NVD record did not parse');
  const index = buildAdvisoryIndex([...real, ...handMade, ...postgresNvd]);

  it('Alpine 3.17: libcrypto3 and libssl3 (origin openssl 3.0.8-r0) and zlib 1.2.10-r0, nothing else', () => {
    const findings = matchSbom(readSbom('alpine.cdx.xml'), index);
    expect(findings.map((f) => `${f.component.name} ${f.component.version} ${f.vulnerabilityId} ${f.status}`)).toEqual([
      'libcrypto3 3.0.8-r0 HAND-ALPINE-OPENSSL affected',
      'libssl3 3.0.8-r0 HAND-ALPINE-OPENSSL affected',
      'zlib 1.2.10-r0 HAND-ALPINE-ZLIB affected',
    ]);
    expect(findings[0]?.evidence).toMatchObject({
      matched: { ecosystem: 'Alpine:v3.17', package: 'openssl', packageKey: 'apk:alpine:3.17:openssl' },
      confidence: 'high',
    });
    expect(findings[0]?.fixedVersions).toEqual(['3.0.8-r1']);
  });

  it('Debian stretch: every util-linux binary at the source version; glibc fixed in stretch stays clean; Go and CPE fallbacks', () => {
    const findings = matchSbom(readSbom('postgres-stretch.cdx.xml'), index);
    const lines = findings.map((f) => `${f.component.name} ${f.vulnerabilityId} ${f.status} ${f.evidence.confidence}`);
    expect(lines).toEqual([
      'bsdutils HAND-DLA-UTIL-LINUX affected high',
      // gosu was built from source: `(devel)` is no version, so it is unknown, not "not affected".
      'github.com/tianon/gosu HAND-GO-GOSU unknown-version high',
      'golang.org/x/sys HAND-GO-X-SYS affected high',
      'libblkid1 HAND-DLA-UTIL-LINUX affected high',
      'libfdisk1 HAND-DLA-UTIL-LINUX affected high',
      'libmount1 HAND-DLA-UTIL-LINUX affected high',
      'libsmartcols1 HAND-DLA-UTIL-LINUX affected high',
      'libuuid1 HAND-DLA-UTIL-LINUX affected high',
      'mount HAND-DLA-UTIL-LINUX affected high',
      'postgresql CVE-2099-0001 affected low',
      'util-linux HAND-DLA-UTIL-LINUX affected high',
    ]);
    // bsdutils is 1:2.29.2-1+deb9u1; its source util-linux is 2.29.2-1+deb9u1 (no epoch), which is what is compared.
    const bsdutils = findings.find((f) => f.component.name === 'bsdutils');
    expect(bsdutils?.evidence.version).toBe('2.29.2-1+deb9u1');
    expect(bsdutils?.evidence.notes.join(' ')).toMatch(/source package util-linux/);
  });

  it('sorts findings deterministically whatever the component order', () => {
    const sbom = readSbom('alpine.cdx.xml');
    const reversed = { ...sbom, components: [...sbom.components].reverse() };
    expect(matchSbom(reversed, index)).toEqual(matchSbom(sbom, index));
  });

  it('does not crash on malformed and empty purls; a package whose purl is broken cannot be keyed', () => {
    const findings = matchSbom(readSbom('bad-purls.cdx.xml'), index);
    // zlib 1.2.10-r0 carries `pkg:pypi/` there (no name): no identity to match, and no zlib CPE record.
    expect(findings.map((f) => `${f.component.name} ${f.vulnerabilityId}`)).toEqual([
      'libcrypto3 HAND-ALPINE-OPENSSL',
      'libssl3 HAND-ALPINE-OPENSSL',
    ]);
  });
});
