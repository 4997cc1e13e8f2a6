import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { evaluateOsvAffected, type OsvAffectedInput } from '../../../src/core/range/osv-affected.js';
import type { RangeStatus } from '../../../src/core/range/range-verdict.js';
import { corpusPath, describeCorpus } from '../../support/corpus.js';

interface OsvRecord {
  readonly id: string;
  readonly affected: readonly (OsvAffectedInput & { readonly package: { readonly name: string } })[];
}

/**
 * Real OSV records from ../shared/corpus/osv-advisories. Every expected status was worked out by
 * reading the record's events (and `versions`) by hand with the ecosystem's ordering rules; the
 * comment on each line says why.
 */
const cases: readonly {
  readonly file: string;
  readonly entry: number;
  readonly name: string;
  readonly expected: Readonly<Record<string, RangeStatus>>;
}[] = [
  {
    // Debian:11 intel-microcode: introduced 0, fixed 3.20230808.1~deb11u1.
    file: 'dependency-track-osv-testdata/osv-DSA-5474-1.json',
    entry: 0,
    name: 'intel-microcode',
    expected: {
      '3.20230512.1~deb11u1': 'affected', // older upstream date
      '3.20230808.1~deb11u1': 'not-affected', // the fixed backport itself
      '3.20230808.1': 'not-affected', // "~" sorts before the end, so the plain version is newer
    },
  },
  {
    // Debian:12 intel-microcode: fixed 3.20230808.1~deb12u1.
    file: 'dependency-track-osv-testdata/osv-DSA-5474-1.json',
    entry: 1,
    name: 'intel-microcode',
    expected: { '3.20230512.1~deb12u1': 'affected', '3.20230808.1~deb12u1': 'not-affected' },
  },
  {
    // Debian:7 nginx: fixed 1.2.1-2.2+wheezy3 (a security backport).
    file: 'osv-dev-testdata/worker-testdata/DSA-3029-1.json',
    entry: 0,
    name: 'nginx',
    expected: {
      '1.2.1-2.2+wheezy2': 'affected',
      '1.2.1-2.2': 'affected', // "+wheezy3" makes the fixed revision longer, hence later
      '1.2.1-2.2+wheezy3': 'not-affected',
      '1.2.1-2.2+wheezy4': 'not-affected',
    },
  },
  {
    // AlmaLinux:10 buildah: fixed 2:1.43.1-1.el10_2 (epoch 2).
    file: 'almalinux-osv-database/almalinux10/ALSA-2026:19032.json',
    entry: 0,
    name: 'buildah',
    expected: {
      '2:1.43.0-1.el10': 'affected',
      '1.99.0-1.el10': 'affected', // no epoch is epoch 0, below epoch 2 whatever the version
      '2:1.43.1-1.el10_2': 'not-affected',
      '2:1.43.1-2.el10': 'not-affected', // release 2 > release 1
    },
  },
  {
    // AlmaLinux:9 nodejs module build: fixed 1:20.20.2-1.module_el9.7.0+226+88d36870.
    file: 'almalinux-osv-database/almalinux9/ALSA-2026:7896.json',
    entry: 0,
    name: 'nodejs',
    expected: {
      '1:20.20.1-1.module_el9.6.0+100+abcdef12': 'affected',
      '20.99.0-1.el9': 'affected', // epoch 0 < 1
      '1:20.20.2-1.module_el9.7.0+226+88d36870': 'not-affected',
      '1:22.0.0-1.module_el9.7.0+300+aaaaaaaa': 'not-affected',
    },
  },
  {
    // Go stdlib: [0, 1.16.14) and [1.17.0-0, 1.17.7), SEMVER.
    file: 'golang-vulndb/GO-2021-0317.json',
    entry: 0,
    name: 'stdlib',
    expected: {
      '1.16.13': 'affected',
      'v1.16.13': 'affected', // Go's "v" prefix
      '1.16.14': 'not-affected',
      '1.17.0-rc.1': 'affected', // "rc" > "0": after the 1.17.0-0 introduction
      '1.17.6': 'affected',
      '1.17.7': 'not-affected',
      '1.18.0': 'not-affected',
    },
  },
  {
    // crates.io markdown: introduced 0.0.0-0, fixed 1.0.0-alpha.1.
    file: 'rustsec-advisory-db-osv/RUSTSEC-2022-0044.json',
    entry: 0,
    name: 'markdown',
    expected: {
      '0.3.0': 'affected',
      '1.0.0-alpha.0': 'affected', // alpha.0 < alpha.1
      '1.0.0-alpha.1': 'not-affected',
      '1.0.0': 'not-affected',
    },
  },
  {
    // Bitnami wordpress: one [x.y.0, fix) pair per branch from 3.7 to 5.4.
    file: 'bitnami-vulndb/wordpress/BIT-wordpress-2020-11029.json',
    entry: 0,
    name: 'wordpress',
    expected: {
      '3.6.0': 'not-affected', // before the first introduced 3.7.0
      '4.9.13': 'affected',
      '4.9.14': 'not-affected',
      '5.3.2': 'affected',
      '5.3.3': 'not-affected',
      '5.5.0': 'not-affected', // after the last fix, no later introduction
    },
  },
  {
    // Maven io.netty:netty-codec-http: introduced 0, fixed 4.1.77.Final.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-269q-hmxg-m83q.json',
    entry: 0,
    name: 'io.netty:netty-codec-http',
    expected: {
      '4.0.0.CR1': 'affected',
      '4.1.8.Final': 'affected', // 8 < 77 numerically
      '4.1.76.Final': 'affected',
      '4.1.77.Final': 'not-affected',
      '4.1.77': 'not-affected', // ".Final" is the release itself
      '4.1.100.Final': 'not-affected',
    },
  },
  {
    // Maven com.google.protobuf:protobuf-java: introduced 3.21.0-rc-1, fixed 3.21.7.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-h4h5-3hr4-j3g2.json',
    entry: 0,
    name: 'com.google.protobuf:protobuf-java',
    expected: {
      '3.20.3': 'not-affected',
      '3.21.0-alpha-1': 'not-affected', // alpha < rc
      '3.21.0-rc-2': 'affected',
      '3.21.6': 'affected',
      '3.21.7': 'not-affected',
    },
  },
  {
    // RubyGems google-protobuf: introduced 3.21.0.rc.1, fixed 3.21.7.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-h4h5-3hr4-j3g2.json',
    entry: 2,
    name: 'google-protobuf',
    expected: {
      '3.21.0.rc.0': 'not-affected', // rc.0 < rc.1
      '3.21.0.rc.2': 'affected',
      '3.21.6': 'affected',
      '3.21.7': 'not-affected',
    },
  },
  {
    // NuGet Google.Protobuf: introduced 0, fixed 3.15.0.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-77rm-9x9h-xj3g.json',
    entry: 0,
    name: 'Google.Protobuf',
    expected: { '3.14.5': 'affected', '3.15.0-rc1': 'affected', '3.15.0': 'not-affected' },
  },
  {
    // Packagist google/protobuf: introduced 0, fixed 3.15.0.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-77rm-9x9h-xj3g.json',
    entry: 1,
    name: 'google/protobuf',
    expected: { 'v3.13.0.1': 'affected', 'v3.15.0RC2': 'affected', 'v3.15.0': 'not-affected' },
  },
  {
    // Go github.com/protocolbuffers/protobuf: SEMVER introduced 0, fixed 3.15.0, no versions list.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-77rm-9x9h-xj3g.json',
    entry: 3,
    name: 'github.com/protocolbuffers/protobuf',
    expected: { 'v3.14.0': 'affected', 'v3.15.0': 'not-affected' },
  },
  {
    // PyPI protobuf: introduced 0, fixed 3.15.0.
    file: 'ghsa-from-osv-scalibr-testdata/records/GHSA-77rm-9x9h-xj3g.json',
    entry: 4,
    name: 'protobuf',
    expected: {
      '3.0.0b1.post1': 'affected',
      '3.14.5': 'affected', // not listed, but inside the range
      '3.15.0rc1': 'affected', // a pre-release of the fix
      '3.15.0': 'not-affected',
      '3.15.0.post1': 'not-affected',
    },
  },
  {
    // npm malicious package: SEMVER introduced 0 with no fix, versions [103.99.99].
    file: 'dependency-track-osv-testdata/osv-vulnerability-exact-version.json',
    entry: 0,
    name: 'yandex-yt-yson-bindings',
    expected: { '103.99.99': 'affected', '1.0.0': 'affected' },
  },
  {
    // OSS-Fuzz radare2: a GIT range only, plus versions ["5.4.0-git", "release-5.0.0"].
    file: 'dependency-track-osv-testdata/osv-git-commit-hash-ranges.json',
    entry: 0,
    name: 'radare2',
    expected: {
      '5.4.0-git': 'affected', // listed
      'release-5.0.0': 'affected', // listed
      '5.5.0': 'not-affected', // not listed; the GIT range needs a commit
      'release-6.0.0': 'unknown-version', // not listed, and the generic scheme cannot read it
    },
  },
  {
    // Maven, ECOSYSTEM [1, 2) and [3, 4), plus SEMVER [0, 1).
    file: 'dependency-track-osv-testdata/osv-vulnerability-with-ranges.json',
    entry: 2,
    name: 'org.springframework.security.oauth:spring-security-oauth',
    expected: { '0.5': 'affected', '1.5': 'affected', '2.5': 'not-affected', '3.5': 'affected', '4.5': 'not-affected' },
  },
  {
    // Maven, unsorted-looking events fixed 2, introduced 3, introduced 4, fixed 5.
    file: 'dependency-track-osv-testdata/osv-vulnerability-with-ranges.json',
    entry: 3,
    name: 'org.springframework.security.oauth:spring-security-oauth',
    expected: { '2.5': 'not-affected', '3.5': 'affected', '4.5': 'affected', '5': 'not-affected' },
  },
  {
    // Maven, introduced 10, limit 13.
    file: 'dependency-track-osv-testdata/osv-vulnerability-with-ranges.json',
    entry: 5,
    name: 'org.springframework.security.oauth:spring-security-oauth',
    expected: { '9': 'not-affected', '10': 'affected', '12.9': 'affected', '13': 'not-affected' },
  },
];

describeCorpus('OSV evaluation of real advisories (osv-advisories corpus)', () => {
  for (const { file, entry, name, expected } of cases) {
    it(`${file} affected[${entry}] ${name}`, () => {
      const record = JSON.parse(readFileSync(corpusPath('osv-advisories', file), 'utf8')) as OsvRecord;
      const affected = record.affected[entry];
      expect(affected?.package.name).toBe(name);
      if (affected === undefined) return;
      const actual = Object.fromEntries(
        Object.keys(expected).map((version) => [version, evaluateOsvAffected(affected, version).status]),
      );
      expect(actual).toEqual(expected);
    });
  }
});
