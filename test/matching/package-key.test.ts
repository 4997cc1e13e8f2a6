import { describe, expect, it } from 'vitest';
import { Purl } from '../../src/core/purl.js';
import { newComponent } from '../../src/core/sbom.js';
import type { AffectedPackage } from '../../src/core/vulnerability-affected-package.js';
import { componentTarget } from '../../src/matching/component-target.js';
import { packageKeyOfAffected, packageKeyOfPurl } from '../../src/matching/package-key.js';

const purlKey = (text: string): string | undefined => packageKeyOfPurl(Purl.parse(text))?.key;

function osvEntry(ecosystemQualified: string, name: string, purl?: string): AffectedPackage {
  const colon = ecosystemQualified.indexOf(':');
  return {
    ecosystem: colon === -1 ? ecosystemQualified : ecosystemQualified.slice(0, colon),
    ecosystemQualified,
    ...(colon === -1 ? {} : { release: ecosystemQualified.slice(colon + 1) }),
    name,
    ...(purl === undefined ? {} : { purl }),
    ranges: [],
    versions: [],
  };
}
const osvKey = (ecosystem: string, name: string, purl?: string): string | undefined =>
  packageKeyOfAffected(osvEntry(ecosystem, name, purl), (t) => Purl.tryParse(t))?.key;

describe('package keys: a purl and the OSV entry for the same package meet', () => {
  it.each([
    // PEP 503: case and runs of '-', '_', '.' fold.
    ['pkg:pypi/Zope.Interface@5.0', 'PyPI', 'zope_interface', 'pypi:zope-interface'],
    ['pkg:maven/com.google.guava/guava@31.1-jre', 'Maven', 'com.google.guava:guava', 'maven:com.google.guava:guava'],
    ['pkg:npm/%40angular/core@1.0.0', 'npm', '@angular/core', 'npm:@angular/core'],
    ['pkg:golang/github.com/go-chi/chi/v5@v5.0.0', 'Go', 'github.com/go-chi/chi/v5', 'golang:github.com/go-chi/chi/v5'],
    [
      'pkg:nuget/bouncycastle.cryptography@2.2.1',
      'NuGet',
      'BouncyCastle.Cryptography',
      'nuget:bouncycastle.cryptography',
    ],
    ['pkg:composer/Google/Protobuf@3.0.0', 'Packagist', 'google/protobuf', 'composer:google/protobuf'],
    ['pkg:cargo/smallvec@1.0.0', 'crates.io', 'smallvec', 'cargo:smallvec'],
    ['pkg:gem/google-protobuf@3.21.5', 'RubyGems', 'google-protobuf', 'gem:google-protobuf'],
    ['pkg:hex/Plug@1.0.0', 'Hex', 'plug', 'hex:plug'],
    [
      'pkg:swift/github.com/apple/swift-nio-http2@1.0.0',
      'SwiftURL',
      'github.com/apple/swift-nio-http2',
      'swift:github.com/apple/swift-nio-http2',
    ],
    ['pkg:deb/debian/openssl@1.1.1n-0+deb11u5?distro=debian-11', 'Debian:11', 'openssl', 'deb:debian:11:openssl'],
    ['pkg:deb/debian/openssl@1.1.1n?distro=bullseye', 'Debian:11', 'openssl', 'deb:debian:11:openssl'],
    ['pkg:deb/ubuntu/curl@7.81.0?distro=ubuntu-22.04', 'Ubuntu:22.04:LTS', 'curl', 'deb:ubuntu:22.04:curl'],
    ['pkg:apk/alpine/zlib@1.2.10-r0?distro=alpine-3.17.2', 'Alpine:v3.17', 'zlib', 'apk:alpine:3.17:zlib'],
    [
      'pkg:rpm/almalinux/shadow-utils@4.9-8.el9?distro=almalinux-9.2',
      'AlmaLinux:9',
      'shadow-utils',
      'rpm:almalinux:9:shadow-utils',
    ],
    ['pkg:rpm/rocky/openssl@3.0.7?distro=rocky-9', 'Rocky Linux:9', 'openssl', 'rpm:rocky-linux:9:openssl'],
    [
      'pkg:rpm/redhat/openssl@3.0.7?distro=rhel-9.2',
      'Red Hat:enterprise_linux:9::appstream',
      'openssl',
      'rpm:redhat:9:openssl',
    ],
    [
      'pkg:rpm/suse/libpng16@1.6?distro=sles-15-sp4',
      'SUSE:Linux Enterprise Server 15 SP4',
      'libpng16',
      'rpm:suse:sles-15.4:libpng16',
    ],
  ])('%s ≡ %s %s → %s', (purl, ecosystem, name, key) => {
    expect(purlKey(purl)).toBe(key);
    expect(osvKey(ecosystem, name)).toBe(key);
  });

  it('keeps case where the registry does (Maven, Go) and separates distinct releases and streams', () => {
    expect(purlKey('pkg:maven/com.Example/Lib@1')).toBe('maven:com.Example:Lib');
    expect(purlKey('pkg:golang/github.com/Masterminds/semver@v1.5.0')).toBe('golang:github.com/Masterminds/semver');
    expect(osvKey('Debian:12', 'openssl')).toBe('deb:debian:12:openssl');
    expect(osvKey('Red Hat:rhel_e4s:9.2::appstream', 'openssl')).toBe('rpm:redhat:rhel_e4s-9.2:openssl');
    expect(purlKey('pkg:rpm/almalinux/Xorg-Server@1?distro=almalinux-9')).toBe('rpm:almalinux:9:Xorg-Server');
  });

  it('keys a distro entry without a release as every release (*), and a purl without distro as release unknown', () => {
    expect(osvKey('Debian', 'openssl')).toBe('deb:debian:*:openssl');
    expect(packageKeyOfPurl(Purl.parse('pkg:deb/debian/openssl@1.1'))?.distro).toEqual({
      vendor: 'debian',
      baseKey: 'deb:debian:openssl',
    });
    expect(osvKey('Wolfi', 'openssl')).toBe(purlKey('pkg:apk/wolfi/openssl@3.0'));
  });

  it('prefers the OSV ecosystem and name over a wrong source purl, and uses the purl for unmapped ecosystems', () => {
    // CVE-2022-27449 in the corpus carries `pkg:alpine/mariadb` (no such purl type for Alpine).
    expect(osvKey('Alpine:v3.16', 'mariadb', 'pkg:alpine/mariadb')).toBe('apk:alpine:3.16:mariadb');
    expect(osvKey('JavaScript', 'lodash', 'pkg:npm/lodash')).toBe('npm:lodash');
    expect(osvKey('Linux', 'Kernel')).toBeUndefined();
  });

  it('keys none for purl types without advisories by package', () => {
    expect(purlKey('pkg:generic/postgresql@11.15')).toBeUndefined();
  });
});

describe('component targets: source packages, source versions, epochs, manual identity', () => {
  it('keys a Debian binary by its source package and compares the source version from upstream=name@version', () => {
    const target = componentTarget(
      newComponent({
        ref: 'b',
        name: 'bsdutils',
        purl: 'pkg:deb/debian/bsdutils@1:2.29.2-1+deb9u1?arch=amd64&upstream=util-linux%402.29.2-1+deb9u1&distro=debian-9',
      }),
    );
    expect(target.key?.key).toBe('deb:debian:9:util-linux');
    expect(target.version).toBe('2.29.2-1+deb9u1');
  });

  it('keys an Alpine subpackage by its origin and keeps its version when upstream has none', () => {
    const target = componentTarget(
      newComponent({
        ref: 'c',
        name: 'libcrypto3',
        purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r0?upstream=openssl&distro=alpine-3.17.2',
      }),
    );
    expect(target.key?.key).toBe('apk:alpine:3.17:openssl');
    expect(target.version).toBe('3.0.8-r0');
  });

  it('keeps RPM binary names and writes the epoch qualifier into the version', () => {
    const target = componentTarget(
      newComponent({
        ref: 'r',
        name: 'shadow-utils',
        purl: 'pkg:rpm/almalinux/shadow-utils@4.9-8.el9?epoch=2&upstream=shadow-utils-4.9-8.el9.src.rpm&distro=almalinux-9',
      }),
    );
    expect(target.key?.key).toBe('rpm:almalinux:9:shadow-utils');
    expect(target.version).toBe('2:4.9-8.el9');
  });

  it('lets a manual identity replace the SBOM purl and CPE', () => {
    const component = newComponent({ ref: 'x', name: 'libfoo', version: '1.0', purl: 'pkg:generic/libfoo@1.0' });
    const target = componentTarget(component, new Map([['x', { purl: 'pkg:pypi/Foo_Bar@1.0', note: 'analyst A' }]]));
    expect(target).toMatchObject({ origin: 'manual', note: 'analyst A', key: { key: 'pypi:foo-bar' }, version: '1.0' });
  });

  it('ignores an invalid purl with a note instead of failing', () => {
    const target = componentTarget(newComponent({ ref: 'y', name: 'x', purl: 'pkg:pypi/' }));
    expect(target.key).toBeUndefined();
    expect(target.notes.join()).toMatch(/not valid/);
  });
});
