import { expect, it } from 'vitest';
import { newComponent, type Component } from '../../src/core/sbom.js';
import { buildAdvisoryIndex } from '../../src/matching/advisory-index.js';
import type { Finding } from '../../src/matching/finding.js';
import { matchComponent } from '../../src/matching/match-component.js';
import { describeCorpus } from '../support/corpus.js';
import { loadOsv } from './load-advisories.js';

/**
 * True positives and true negatives per ecosystem, against REAL records of the corpus. Every
 * expectation was worked out by reading the record (quoted in the comment), not by running us.
 */
describeCorpus('matchComponent against real OSV records', () => {
  const index = buildAdvisoryIndex(
    loadOsv(
      'pypa-advisory-database/apache-airflow/PYSEC-2022-11.yaml',
      'ghsa-from-osv-scalibr-testdata/records/GHSA-7g45-4rm6-3mm3.json',
      'ghsa-from-osv-scalibr-testdata/records/GHSA-hh82-3pmq-7frp.json',
      'ghsa-from-osv-scalibr-testdata/records/GHSA-v435-xc8x-wvr9.json',
      'ghsa-from-osv-scalibr-testdata/records/GHSA-h4h5-3hr4-j3g2.json',
      'golang-vulndb/GO-2020-0012.json',
      'golang-vulndb/GO-2022-0969.json',
      'almalinux-osv-database/almalinux9/ALSA-2023:6632.json',
      'dependency-track-osv-testdata/osv-DSA-5474-1.json',
      'osv-dev-testdata/worker-testdata/CVE-2022-27449.json',
    ),
  );
  const match = (purl: string, version?: string): Finding[] =>
    matchComponent(newComponent({ ref: purl, name: purl, purl, ...(version === undefined ? {} : { version }) }), index);
  const ids = (purl: string): string[] => match(purl).map((f) => `${f.vulnerabilityId} ${f.status}`);

  // PYSEC-2022-11 apache-airflow: introduced 1.10.0, fixed 2.0.0b1, introduced 2.0.0, fixed 2.2.0.
  it('PyPI pre-release: 2.2.0rc1 lies inside [2.0.0, 2.2.0); 2.0.0b2 lies between fixed 2.0.0b1 and introduced 2.0.0', () => {
    const [finding, ...rest] = match('pkg:pypi/apache-airflow@2.2.0rc1');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      vulnerabilityId: 'PYSEC-2022-11',
      aliases: ['CVE-2021-45230', 'GHSA-4jh2-3c85-q67h'],
      status: 'affected',
      fixedVersions: ['2.2.0'],
      evidence: {
        source: 'osv',
        method: 'package-key',
        confidence: 'high',
        matched: {
          kind: 'osv-affected',
          affectedIndex: 0,
          ecosystem: 'PyPI',
          package: 'apache-airflow',
          packageKey: 'pypi:apache-airflow',
        },
        version: '2.2.0rc1',
        scheme: 'PyPI',
      },
    });
    // PEP 503: Apache_Airflow is apache-airflow.
    expect(ids('pkg:pypi/Apache_Airflow@2.0.0b2')).toEqual([]);
    expect(ids('pkg:pypi/apache-airflow@2.2.0')).toEqual([]);
    expect(ids('pkg:pypi/apache.airflow@1.10.0')).toEqual(['PYSEC-2022-11 affected']);
  });

  // GHSA-7g45-4rm6-3mm3 guava: introduced 1.0, fixed 32.0.0-android.
  it('Maven qualifier: 31.1-jre is affected, 32.0.0-jre sorts after 32.0.0-android and is not', () => {
    expect(ids('pkg:maven/com.google.guava/guava@31.1-jre')).toEqual(['GHSA-7g45-4rm6-3mm3 affected']);
    expect(match('pkg:maven/com.google.guava/guava@31.1-jre')[0]?.fixedVersions).toEqual(['32.0.0-android']);
    expect(ids('pkg:maven/com.google.guava/guava@32.0.0-jre')).toEqual([]);
    // Maven coordinates are case-sensitive: another artifact id is another package.
    expect(ids('pkg:maven/com.google.guava/Guava@31.1-jre')).toEqual([]);
  });

  // GHSA-hh82-3pmq-7frp netty-codec-http: introduced 4.1.83.Final, fixed 4.1.86.Final.
  it('Maven .Final qualifiers: 4.1.85.Final in range, 4.1.82.Final below introduced, 4.1.86.Final fixed', () => {
    expect(ids('pkg:maven/io.netty/netty-codec-http@4.1.85.Final')).toEqual(['GHSA-hh82-3pmq-7frp affected']);
    expect(ids('pkg:maven/io.netty/netty-codec-http@4.1.82.Final')).toEqual([]);
    expect(ids('pkg:maven/io.netty/netty-codec-http@4.1.86.Final')).toEqual([]);
  });

  // GO-2020-0012 golang.org/x/crypto: fixed 0.0.0-20200220183623-bac4c82f6975 (SEMVER).
  it('Go pseudo-versions order by their timestamp; (devel) is an unknown version', () => {
    expect(ids('pkg:golang/golang.org/x/crypto@v0.0.0-20200128174031-69ecbb4d6d5d')).toEqual(['GO-2020-0012 affected']);
    expect(ids('pkg:golang/golang.org/x/crypto@v0.0.0-20200220183623-bac4c82f6975')).toEqual([]);
    expect(ids('pkg:golang/golang.org/x/crypto@v0.0.0-20210817142637-7d9622a276b7')).toEqual([]);
    // GO-2022-0969 golang.org/x/net: fixed 0.0.0-20220906165146-f3363e06e74c.
    expect(ids('pkg:golang/golang.org/x/net@v0.0.0-20220722155237-a158d28d115b')).toEqual(['GO-2022-0969 affected']);
    const [devel] = match('pkg:golang/golang.org/x/crypto@(devel)');
    expect(devel).toMatchObject({ vulnerabilityId: 'GO-2020-0012', status: 'unknown-version' });
    expect(devel?.evidence.reason).toMatch(/devel/);
  });

  // ALSA-2023:6632 shadow-utils, AlmaLinux:9: fixed 2:4.9-8.el9.
  it('RPM epoch: the epoch qualifier counts; without it the epoch is 0 and the package is older than the fix', () => {
    expect(ids('pkg:rpm/almalinux/shadow-utils@4.9-6.el9?epoch=2&distro=almalinux-9')).toEqual([
      'ALSA-2023:6632 affected',
    ]);
    expect(ids('pkg:rpm/almalinux/shadow-utils@4.9-8.el9?epoch=2&distro=almalinux-9.3')).toEqual([]);
    expect(ids('pkg:rpm/almalinux/shadow-utils@2:4.9-10.el9?distro=almalinux-9')).toEqual([]);
    expect(ids('pkg:rpm/almalinux/shadow-utils@4.9-10.el9?distro=almalinux-9')).toEqual(['ALSA-2023:6632 affected']);
    // The record names AlmaLinux 9 only.
    expect(ids('pkg:rpm/almalinux/shadow-utils@4.9-6.el8?epoch=2&distro=almalinux-8')).toEqual([]);
    const [finding] = match('pkg:rpm/almalinux/shadow-utils@4.9-6.el9?epoch=2&distro=almalinux-9');
    expect(finding?.evidence).toMatchObject({ version: '2:4.9-6.el9', scheme: 'rpm', event: 'introduced 0' });
    expect(finding?.evidence.range).toMatch(/fixed 2:4\.9-8\.el9/);
    expect(finding?.fixedVersions).toEqual(['2:4.9-8.el9']);
  });

  // DSA-5474-1 intel-microcode: Debian:11 fixed 3.20230808.1~deb11u1, Debian:12 fixed 3.20230808.1~deb12u1.
  it('Debian backport: the bullseye fix closes the bullseye package even though the bookworm entry would not', () => {
    // ~deb11u1 < ~deb12u1, so a release-blind matcher would apply the Debian:12 entry and flag it.
    expect(ids('pkg:deb/debian/intel-microcode@3.20230808.1~deb11u1?arch=amd64&distro=debian-11')).toEqual([]);
    expect(ids('pkg:deb/debian/intel-microcode@3.20230512.1~deb12u1?distro=debian-12')).toEqual([
      'DSA-5474-1 affected',
    ]);
    expect(ids('pkg:deb/debian/intel-microcode@3.20230512.1~deb12u1?distro=debian-9')).toEqual([]);
    // Without a release the two entries disagree, so the answer is unknown, never "not affected".
    const [unknown] = match('pkg:deb/debian/intel-microcode@3.20230808.1~deb11u1');
    expect(unknown).toMatchObject({ vulnerabilityId: 'DSA-5474-1', status: 'unknown-version' });
    expect(unknown?.evidence.notes.join()).toMatch(/release is unknown.*affected in 12; not shown affected in 11/);
  });

  // CVE-2022-27449 mariadb: Alpine v3.14 fixed 10.5.16-r0, v3.16 fixed 10.6.8-r0, no v3.17 entry.
  it('Alpine backport: the same version is fixed in 3.14 and affected in 3.16; 3.17 is not named', () => {
    expect(ids('pkg:apk/alpine/mariadb@10.5.16-r0?distro=alpine-3.14.8')).toEqual([]);
    expect(ids('pkg:apk/alpine/mariadb@10.5.16-r0?distro=alpine-3.16.2')).toEqual(['CVE-2022-27449 affected']);
    expect(ids('pkg:apk/alpine/mariadb@10.5.16-r0?distro=alpine-3.17.2')).toEqual([]);
  });

  // GHSA-v435-xc8x-wvr9 BouncyCastle.Cryptography: fixed 2.3.1.
  it('NuGet ids are case-insensitive', () => {
    expect(ids('pkg:nuget/bouncycastle.cryptography@2.2.1')).toEqual(['GHSA-v435-xc8x-wvr9 affected']);
    expect(ids('pkg:nuget/BouncyCastle.Cryptography@2.3.1')).toEqual([]);
  });

  // GHSA-h4h5-3hr4-j3g2 google-protobuf (RubyGems): ranges …, introduced 3.21.0.rc.1 fixed 3.21.7; introduced 0 fixed 3.16.3.
  it('RubyGems: the fixed version reported is the one of the range that decided', () => {
    const [finding] = match('pkg:gem/google-protobuf@3.21.5');
    expect(finding).toMatchObject({
      vulnerabilityId: 'GHSA-h4h5-3hr4-j3g2',
      status: 'affected',
      fixedVersions: ['3.21.7'],
    });
    expect(ids('pkg:gem/google-protobuf@3.16.3')).toEqual([]);
  });

  it('a component without a version is kept as unknown-version, with the reason', () => {
    const component: Component = newComponent({ ref: 'nv', name: 'guava', purl: 'pkg:maven/com.google.guava/guava' });
    const [finding] = matchComponent(component, index);
    expect(finding).toMatchObject({ vulnerabilityId: 'GHSA-7g45-4rm6-3mm3', status: 'unknown-version' });
    expect(finding?.evidence.reason).toMatch(/no version/);
  });
});
