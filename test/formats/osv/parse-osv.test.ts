import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Vulnerability } from '../../../src/core/vulnerability.js';
import { deriveOsvPackagePurl, parseOsv, parseOsvEcosystem } from '../../../src/formats/osv/index.js';
import { corpusPath, describeCorpus } from '../../support/corpus.js';

const record = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'GHSA-aaaa-bbbb-cccc',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2024-0001', 'GHSA-aaaa-bbbb-cccc'],
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'Foo_Bar.baz' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.2.3' }] }],
      versions: ['1.0'],
    },
  ],
  ...overrides,
});

describe('OSV ecosystems and purls', () => {
  it.each([
    ['Debian:11', 'Debian', '11'],
    ['Alpine:v3.17', 'Alpine', 'v3.17'],
    ['Ubuntu:22.04:LTS', 'Ubuntu', '22.04:LTS'],
    ['Ubuntu:Pro:18.04:LTS', 'Ubuntu', 'Pro:18.04:LTS'],
    ['Red Hat:enterprise_linux:9::appstream', 'Red Hat', 'enterprise_linux:9::appstream'],
    ['AlmaLinux:8', 'AlmaLinux', '8'],
    ['Bitnami', 'Bitnami', undefined],
    ['crates.io', 'crates.io', undefined],
  ])('%s → %s + release %s', (text, known, release) => {
    const parsed = parseOsvEcosystem(text);
    expect(parsed.known).toBe(known);
    expect(parsed.release).toBe(release);
  });

  it('leaves an unknown ecosystem without `known`', () => {
    expect(parseOsvEcosystem('JavaScript')).toEqual({ base: 'JavaScript' });
  });

  it.each([
    ['PyPI', 'Foo_Bar.baz', 'pkg:pypi/foo-bar-baz'],
    ['Maven', 'org.apache.logging.log4j:log4j-core', 'pkg:maven/org.apache.logging.log4j/log4j-core'],
    ['Go', 'github.com/gin-gonic/gin', 'pkg:golang/github.com/gin-gonic/gin'],
    ['npm', '@angular/core', 'pkg:npm/%40angular/core'],
    ['crates.io', 'tokio', 'pkg:cargo/tokio'],
    ['Packagist', 'symfony/http-kernel', 'pkg:composer/symfony/http-kernel'],
    ['Debian:11', 'openssl', 'pkg:deb/debian/openssl?distro=debian-11'],
    ['Ubuntu:22.04:LTS', 'curl', 'pkg:deb/ubuntu/curl?distro=ubuntu-22.04'],
    ['Alpine:v3.17', 'zlib', 'pkg:apk/alpine/zlib?distro=alpine-3.17'],
    ['AlmaLinux:8', 'bind', 'pkg:rpm/almalinux/bind?distro=almalinux-8'],
    ['Bitnami', 'nginx', 'pkg:bitnami/nginx'],
  ])('%s %s → %s', (ecosystem, name, purl) => {
    expect(deriveOsvPackagePurl(parseOsvEcosystem(ecosystem), name)).toBe(purl);
  });

  it('derives no purl for Go stdlib, ecosystems without a purl type, or unknown ecosystems', () => {
    expect(deriveOsvPackagePurl(parseOsvEcosystem('Go'), 'stdlib')).toBeUndefined();
    expect(deriveOsvPackagePurl(parseOsvEcosystem('Linux'), 'kernel')).toBeUndefined();
    expect(deriveOsvPackagePurl(parseOsvEcosystem('JavaScript'), 'faker')).toBeUndefined();
    expect(deriveOsvPackagePurl(parseOsvEcosystem('Maven'), 'no-colon')).toBeUndefined();
  });
});

describe('parseOsv', () => {
  it('reads a record into the core model', () => {
    const { records, errors } = parseOsv(JSON.stringify(record()));
    expect(errors).toEqual([]);
    const [v] = records;
    expect(v).toMatchObject({
      id: 'GHSA-aaaa-bbbb-cccc',
      aliases: ['CVE-2024-0001'],
      source: 'osv',
      sourceUrl: 'https://osv.dev/vulnerability/GHSA-aaaa-bbbb-cccc',
      modified: '2024-01-01T00:00:00Z',
    });
    expect(v!.affected[0]).toEqual({
      ecosystem: 'PyPI',
      ecosystemQualified: 'PyPI',
      name: 'Foo_Bar.baz',
      purl: 'pkg:pypi/foo-bar-baz',
      purlDerived: true,
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [
            { kind: 'introduced', version: '0' },
            { kind: 'fixed', version: '1.2.3' },
          ],
        },
      ],
      versions: ['1.0'],
    });
    expect(Vulnerability.cveIds(v!)).toEqual(['CVE-2024-0001']);
  });

  it('keeps the good records of an array and reports the bad ones by pointer', () => {
    const text = JSON.stringify([record(), { summary: 'no id' }, 42, record({ id: 'PYSEC-2024-1' })]);
    const { records, errors } = parseOsv(text);
    expect(records.map((r) => r.id)).toEqual(['GHSA-aaaa-bbbb-cccc', 'PYSEC-2024-1']);
    const errorPaths = errors.filter((e) => e.severity === 'error').map((e) => e.path);
    expect(errorPaths).toEqual(['/1/id', '/2']);
  });

  it('reports malformed JSON with its line', () => {
    const { records, errors } = parseOsv('{\n  "id": "GHSA-x",\n  oops\n}');
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ severity: 'error', path: 'line 3, column 3' });
  });

  it('keeps a record with an unknown ecosystem and warns that it cannot be matched by purl', () => {
    const { records, errors } = parseOsv(
      JSON.stringify(
        record({ affected: [{ package: { ecosystem: 'JavaScript', name: 'faker.js' }, versions: ['6.6.6'] }] }),
      ),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.affected[0]).toMatchObject({ ecosystem: 'JavaScript', name: 'faker.js' });
    expect(records[0]!.affected[0]!.purl).toBeUndefined();
    const messages = errors.map((e) => `${e.severity} ${e.path}`);
    expect(messages).toContain('warning /affected/0/package/ecosystem');
    expect(messages).toContain('warning /affected/0/package');
  });

  it('warns about versions the ecosystem cannot parse instead of dropping them', () => {
    const { records, errors } = parseOsv(
      JSON.stringify(
        record({
          affected: [
            {
              package: { ecosystem: 'PyPI', name: 'foo' },
              ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'not a version!' }] }],
            },
          ],
        }),
      ),
    );
    expect(records[0]!.affected[0]!.ranges[0]!.events[1]).toEqual({ kind: 'fixed', version: 'not a version!' });
    expect(errors.find((e) => e.path === '/affected/0/ranges/0/events')).toMatchObject({
      severity: 'warning',
      recordId: 'GHSA-aaaa-bbbb-cccc',
    });
  });

  it('drops an unreadable event or range type with a warning and keeps the rest', () => {
    const { records, errors } = parseOsv(
      JSON.stringify(
        record({
          affected: [
            {
              package: { ecosystem: 'npm', name: 'x' },
              ranges: [
                { type: 'NPM', events: [{ introduced: '0' }] },
                { type: 'SEMVER', events: [{ introduced: '0', fixed: '1.0.0' }, { introduced: '1.1.0' }] },
              ],
            },
          ],
        }),
      ),
    );
    expect(records[0]!.affected[0]!.ranges).toEqual([
      { type: 'SEMVER', events: [{ kind: 'introduced', version: '1.1.0' }] },
    ]);
    const warned = errors.filter((e) => e.severity === 'warning').map((e) => e.path);
    expect(warned).toEqual(expect.arrayContaining(['/affected/0/ranges/0/type', '/affected/0/ranges/1/events/0']));
  });

  it('reads withdrawn, related, severity and CWE ids', () => {
    const { records } = parseOsv(
      JSON.stringify(
        record({
          withdrawn: '2024-02-01T00:00:00Z',
          related: ['CVE-2023-9'],
          severity: [
            { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
            { type: 'Ubuntu', score: 'medium' },
          ],
          database_specific: { cwe_ids: ['CWE-79', 'not-a-cwe'] },
        }),
      ),
    );
    const v = records[0]!;
    expect(v.withdrawn).toBe('2024-02-01T00:00:00Z');
    expect(Vulnerability.isWithdrawn(v)).toBe(true);
    expect(v.related).toEqual(['CVE-2023-9']);
    expect(v.cvss).toEqual([
      { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', source: 'GHSA' },
    ]);
    expect(v.severityRatings).toEqual([{ source: 'Ubuntu', rating: 'medium' }]);
    expect(v.cwes).toEqual(['CWE-79']);
  });

  it('uses the GIT repo as the identity of an entry without a package', () => {
    const repo = 'https://github.com/apache/logging-log4j2';
    const { records } = parseOsv(
      JSON.stringify(
        record({
          affected: [{ ranges: [{ type: 'GIT', repo, events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] }] }],
        }),
      ),
    );
    expect(records[0]!.affected[0]).toMatchObject({ ecosystem: 'GIT', name: repo });
  });
});

describeCorpus('known OSV corpus records', () => {
  const read = (path: string) => parseOsv(readFileSync(corpusPath('osv-advisories', path), 'utf8'));

  it('GHSA-27xj-rqx5-2255: a Maven range of jackson-databind', () => {
    const { records } = read('ghsa-from-osv-scalibr-testdata/records/GHSA-27xj-rqx5-2255.json');
    const v = records[0]!;
    expect(v.aliases).toEqual(['CVE-2020-11619']);
    expect(v.cwes).toEqual(['CWE-502']);
    expect(v.affected).toHaveLength(1);
    expect(v.affected[0]).toMatchObject({
      ecosystem: 'Maven',
      name: 'com.fasterxml.jackson.core:jackson-databind',
      purl: 'pkg:maven/com.fasterxml.jackson.core/jackson-databind',
      purlDerived: false,
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [
            { kind: 'introduced', version: '2.9.0' },
            { kind: 'fixed', version: '2.9.10.4' },
          ],
        },
      ],
    });
    expect(v.affected[0]!.versions).toHaveLength(21);
    expect(v.affected[0]!.versions.slice(0, 3)).toEqual(['2.9.0', '2.9.0.pr1', '2.9.0.pr2']);
  });

  it('DSA-5474-1: Debian releases become distro qualifiers on the source purl', () => {
    const { records } = read('dependency-track-osv-testdata/osv-DSA-5474-1.json');
    const [deb11, deb12] = records[0]!.affected;
    expect(deb11).toMatchObject({
      ecosystem: 'Debian',
      release: '11',
      purl: 'pkg:deb/debian/intel-microcode?arch=source&distro=debian-11',
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [
            { kind: 'introduced', version: '0' },
            { kind: 'fixed', version: '3.20230808.1~deb11u1' },
          ],
        },
      ],
    });
    expect(deb12).toMatchObject({ release: '12', purl: 'pkg:deb/debian/intel-microcode?arch=source&distro=debian-12' });
  });

  it('the invalid-CVSS record parses, keeping the CVSS vectors it can read', () => {
    const { records, errors } = read('dependency-track-osv-testdata/osv-vulnerability-invalid-cvss.json');
    expect(records).toHaveLength(1);
    expect(records[0]!.cvss.map((s) => s.version)).toEqual(['3.1', '3.0', '2.0', '4.0']);
    expect(errors.some((e) => e.severity === 'warning' && e.path === '/severity/0')).toBe(true);
  });
});

describe('Vulnerability identifiers', () => {
  it.each([
    ['CVE-2021-44228', 'cve'],
    ['GHSA-27xj-rqx5-2255', 'ghsa'],
    ['PYSEC-2019-155', 'pysec'],
    ['GO-2022-0969', 'go'],
    ['RUSTSEC-2021-0001', 'rustsec'],
    ['DSA-5474-1', 'other'],
    ['ALSA-2022:5834', 'other'],
  ] as const)('%s is %s', (id, kind) => {
    expect(Vulnerability.idKind(id)).toBe(kind);
  });
});
