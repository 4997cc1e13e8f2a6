import { describe, expect, it } from 'vitest';
import { Purl, purlWithoutVersion } from '../../src/core/purl.js';
import { errorOf } from '../support/error-of.js';

describe('Purl.parse', () => {
  it('decodes every component', () => {
    expect(
      Purl.parse('pkg:npm/%40angular/animation@12.3.1?vcs_url=git%2Bhttps:%2F%2Fexample.com%2Fa.git#lib/core'),
    ).toEqual({
      type: 'npm',
      namespace: '@angular',
      name: 'animation',
      version: '12.3.1',
      qualifiers: { vcs_url: 'git+https://example.com/a.git' },
      subpath: 'lib/core',
    });
  });

  it('returns qualifiers with lower-case keys in sorted order, without empty values', () => {
    const purl = Purl.parse('pkg:deb/debian/curl@7.50.3-1?Distro=jessie&arch=i386&empty=');
    expect(Object.entries(purl.qualifiers)).toEqual([
      ['arch', 'i386'],
      ['distro', 'jessie'],
    ]);
  });

  it('keeps a literal + and decodes UTF-8 triplets', () => {
    const purl = Purl.parse('pkg:generic/caf%C3%A9@1.0+build');
    expect(purl.name).toBe('café');
    expect(purl.version).toBe('1.0+build');
  });

  it('applies type-specific normalisation', () => {
    expect(Purl.parse('pkg:PyPI/Django_Rest@3.0RC1').name).toBe('django-rest');
    expect(Purl.parse('pkg:PyPI/Django_Rest@3.0RC1').version).toBe('3.0rc1');
    expect(Purl.parse('pkg:github/Package-URL/Purl-Spec').namespace).toBe('package-url');
    expect(Purl.parse('pkg:maven/HTTPClient/HTTPClient@0.3-3').name).toBe('HTTPClient');
  });

  it('splits the git namespace (host) from a name that is a path', () => {
    const purl = Purl.parse('pkg:git/codeberg.org/forgejo/forgejo@a72d2c07');
    expect([purl.namespace, purl.name]).toEqual(['codeberg.org', 'forgejo/forgejo']);
    expect(Purl.format(purl)).toBe('pkg:git/codeberg.org/forgejo/forgejo@a72d2c07');
  });

  it('reads an unencoded npm scope without taking it for a version', () => {
    expect(Purl.parse('pkg:npm/@babel/core').namespace).toBe('@babel');
    expect(Purl.parse('pkg:npm/@babel/core').version).toBeUndefined();
  });

  it.each([
    ['no scheme', 'npm/lodash@4.17.21', "scheme must be 'pkg:'"],
    ['another scheme', 'maven:org.apache/commons', "scheme must be 'pkg:'"],
    ['no name', 'pkg:maven/@1.3.4', 'name is required'],
    ['only a type', 'pkg:hackage', 'a type and a name are required'],
    ['a type starting with a digit', 'pkg:3nginx/nginx', "type '3nginx'"],
    ['a percent-encoded qualifier key', 'pkg:npm/a@1?in%20production=true', "qualifier key 'in%20production'"],
    ['a qualifier without =', 'pkg:npm/a@1?debug', "qualifier 'debug' is not a key=value pair"],
    ['a duplicate qualifier key', 'pkg:npm/a@1?arch=x&Arch=y', 'more than once'],
    ['a malformed percent-encoding', 'pkg:npm/a%ZZ', 'malformed percent-encoding in name'],
    ['an encoded slash in a namespace segment', 'pkg:maven/org%2Fapache/io', "namespace segment 'org%2Fapache'"],
    ['a namespace the type prohibits', 'pkg:pypi/acme/django', "does not allow a namespace ('acme')"],
    ['a missing namespace the type requires', 'pkg:maven/commons-io@2.0', 'requires a namespace'],
    ['a missing required qualifier', 'pkg:julia/Dates@1.9.0', 'requires the qualifier(s) uuid'],
  ])('refuses %s, naming the problem', (_what, text, reason) => {
    const error = errorOf(() => Purl.parse(text));
    expect(error.code).toBe('invalid-purl');
    expect(error.message).toContain(text);
    expect(error.message).toContain(reason);
    expect(Purl.tryParse(text)).toBeUndefined();
  });

  it('in strict mode refuses what it otherwise normalises', () => {
    expect(errorOf(() => Purl.parse('pkg:gem/jruby@1.1?Platform=java', { strict: true })).message).toContain(
      'must be lower-case',
    );
    expect(errorOf(() => Purl.parse('pkg:golang/a/b#x/%2E%2E/y', { strict: true })).message).toContain("segment '..'");
    expect(Purl.canonicalize('pkg:golang/a/b#x/%2E%2E/y')).toBe('pkg:golang/a/b#x/y');
  });
});

describe('Purl.format and canonicalize', () => {
  it.each([
    // Percent-encoding: everything outside A-Z a-z 0-9 . - _ ~ : is encoded, ':' never.
    ['pkg:deb/debian/attr@1:2.4.47-2+b1?arch=amd64', 'pkg:deb/debian/attr@1:2.4.47-2%2Bb1?arch=amd64'],
    [
      'pkg:generic/openssl@1.1.0g?download_url=https://openssl.org/a b.tar.gz',
      'pkg:generic/openssl@1.1.0g?download_url=https:%2F%2Fopenssl.org%2Fa%20b.tar.gz',
    ],
    ['pkg:generic/ssl?checksum=SHA256:AB12,sha1:CD', 'pkg:generic/ssl?checksum=sha256:ab12%2Csha1:cd'],
    // Slashes after the scheme, around the namespace and the subpath are not significant.
    ['pkg:///maven//org.apache.commons//io/#/src//main/', 'pkg:maven/org.apache.commons/io#src/main'],
    ['PKG:NPM/foobar@12.3.1', 'pkg:npm/foobar@12.3.1'],
    ['pkg:generic/name~tilde_under.dot-dash', 'pkg:generic/name~tilde_under.dot-dash'],
  ])('%s → %s', (input, canonical) => {
    expect(Purl.canonicalize(input)).toBe(canonical);
    expect(Purl.canonicalize(canonical)).toBe(canonical);
  });

  it('builds a canonical string from components', () => {
    expect(
      Purl.format(
        Purl.from({
          type: 'Maven',
          namespace: 'org.apache.xmlgraphics',
          name: 'batik-anim',
          version: '1.9.1',
          qualifiers: { type: 'pom', classifier: '', repository_url: 'repo.spring.io/release' },
        }),
      ),
    ).toBe('pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?repository_url=repo.spring.io%2Frelease&type=pom');
  });

  it('refuses components without a type or a name', () => {
    expect(errorOf(() => Purl.from({ name: 'x' })).message).toBe('purl type is required');
    expect(errorOf(() => Purl.from({ type: 'npm', name: '' })).message).toBe('purl name is required');
  });

  it('compares purls by canonical form', () => {
    expect(Purl.equals(Purl.parse('pkg:PYPI/Django_Package@1.0'), Purl.parse('pkg:pypi/django-package@1.0'))).toBe(
      true,
    );
    expect(Purl.equals(Purl.parse('pkg:npm/a@1'), Purl.parse('pkg:npm/a@2'))).toBe(false);
  });
});

describe('purlWithoutVersion', () => {
  it('drops the version and keeps identifying qualifiers and the subpath', () => {
    expect(purlWithoutVersion('pkg:maven/org.apache/commons-io@2.11.0?classifier=sources&type=jar#lib')).toBe(
      'pkg:maven/org.apache/commons-io?classifier=sources&type=jar#lib',
    );
  });

  it('drops qualifiers that change with every version', () => {
    expect(
      purlWithoutVersion(
        'pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie&checksum=sha1:ab&download_url=https://x/curl_7.50.3.deb',
      ),
    ).toBe('pkg:deb/debian/curl?arch=i386');
  });

  it('gives two versions of a package the same key', () => {
    expect(purlWithoutVersion('pkg:npm/%40angular/core@16.0.0')).toBe(
      purlWithoutVersion('pkg:npm/@angular/core@17.1.2'),
    );
  });

  it('refuses an invalid purl', () => {
    expect(errorOf(() => purlWithoutVersion('npm/lodash')).code).toBe('invalid-purl');
  });
});
