import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { osvEcosystems } from '../../../src/core/version/ecosystem.js';
import { compareVersions } from '../../../src/core/version/version-comparison.js';
import type { VersionScheme } from '../../../src/core/version/version-scheme.js';
import {
  purlTypeVersionSchemes,
  versionSchemeForEcosystem,
  versionSchemeForPurlType,
  versionSchemes,
} from '../../../src/core/version/version-schemes.js';

const schemeOf = (ecosystem: keyof typeof versionSchemes): VersionScheme => versionSchemes[ecosystem];

/** Cases that decide real medical-device findings: `a op b` under the ecosystem's scheme. */
const cases: readonly {
  ecosystem: keyof typeof versionSchemes;
  a: string;
  op: '<' | '=' | '>';
  b: string;
  why: string;
}[] = [
  { ecosystem: 'Debian', a: '1.1.1n-0+deb11u4', op: '<', b: '1.1.1n-0+deb11u5', why: 'Debian security backport' },
  { ecosystem: 'Debian', a: '1.0', op: '<', b: '1.0-1', why: 'missing revision sorts first' },
  { ecosystem: 'Debian', a: '1.0', op: '=', b: '1.0-0', why: 'missing revision equals revision 0' },
  { ecosystem: 'Ubuntu', a: '1.2.3', op: '<', b: '1.2.3-0ubuntu1', why: 'Ubuntu revision' },
  { ecosystem: 'Debian', a: '1.0~rc1', op: '<', b: '1.0', why: '~ sorts before the end' },
  { ecosystem: 'Debian', a: '1:0.9', op: '>', b: '2.0', why: 'epoch wins' },
  { ecosystem: 'Debian', a: '3.0.11-1~deb12u1', op: '<', b: '3.0.11-1', why: 'stable update before unstable' },
  { ecosystem: 'Maven', a: '2.0.0-RC1', op: '<', b: '2.0.0', why: 'release candidate before release' },
  { ecosystem: 'Maven', a: '1.0.0.Final', op: '=', b: '1.0.0', why: 'Final is the release' },
  { ecosystem: 'Maven', a: '1.0.0.Beta1', op: '=', b: '1.0.0-beta-1', why: 'MNG-7644 dot qualifier' },
  { ecosystem: 'Maven', a: '2.0.0-SNAPSHOT', op: '<', b: '2.0.0', why: 'snapshot before release' },
  { ecosystem: 'Maven', a: '1.0-sp1', op: '>', b: '1.0', why: 'service pack after release' },
  { ecosystem: 'Maven', a: '4.1.99.Final', op: '<', b: '4.1.100.Final', why: 'numeric, not lexical' },
  { ecosystem: 'PyPI', a: '2.0.0rc1', op: '<', b: '2.0.0', why: 'pre-release' },
  { ecosystem: 'PyPI', a: '1.0.post1', op: '>', b: '1.0', why: 'post-release' },
  { ecosystem: 'PyPI', a: '1.0.dev0', op: '<', b: '1.0a0', why: 'dev before alpha' },
  { ecosystem: 'PyPI', a: '1!0.1', op: '>', b: '2.0', why: 'epoch' },
  { ecosystem: 'PyPI', a: '1.0+local', op: '>', b: '1.0', why: 'local version' },
  { ecosystem: 'Go', a: 'v0.0.0-20210101000000-abcdef123456', op: '<', b: 'v0.1.0', why: 'pseudo-version' },
  {
    ecosystem: 'Go',
    a: 'v1.2.4-0.20210101000000-abcdef123456',
    op: '<',
    b: 'v1.2.4',
    why: 'pseudo-version before its release',
  },
  {
    ecosystem: 'Go',
    a: 'v1.2.4-0.20210101000000-abcdef123456',
    op: '>',
    b: 'v1.2.3',
    why: 'pseudo-version after its base',
  },
  { ecosystem: 'Go', a: 'v2.0.0+incompatible', op: '=', b: 'v2.0.0', why: '+incompatible is build metadata' },
  { ecosystem: 'Red Hat', a: '1:1.0', op: '>', b: '2.0', why: 'RPM epoch' },
  { ecosystem: 'Red Hat', a: '0:3.10.0-229.el7', op: '<', b: '0:3.10.0-229.1.2.el7', why: 'kernel update' },
  { ecosystem: 'Rocky Linux', a: '1.0~rc1', op: '<', b: '1.0', why: '~ pre-release' },
  { ecosystem: 'SUSE', a: '1.0^git1', op: '>', b: '1.0', why: '^ snapshot after release' },
  { ecosystem: 'Alpine', a: '1.2.3_rc1-r0', op: '<', b: '1.2.3-r0', why: 'apk pre-release suffix' },
  { ecosystem: 'Alpine', a: '3.1.4-r5', op: '<', b: '3.1.4-r10', why: 'apk revision' },
  { ecosystem: 'Alpine', a: '1.2.3_p1', op: '>', b: '1.2.3', why: 'apk patch suffix' },
  { ecosystem: 'npm', a: '1.2.3-beta.2', op: '<', b: '1.2.3-beta.11', why: 'numeric pre-release identifiers' },
  { ecosystem: 'npm', a: 'v1.2.3', op: '=', b: '1.2.3', why: 'npm accepts a leading v' },
  { ecosystem: 'crates.io', a: '0.9.0', op: '<', b: '0.10.0', why: 'numeric components' },
  { ecosystem: 'NuGet', a: '1.0.0.1', op: '>', b: '1.0.0', why: 'four-part versions' },
  { ecosystem: 'NuGet', a: '1.0.0-BETA', op: '=', b: '1.0.0-beta', why: 'case-insensitive pre-release' },
  { ecosystem: 'Packagist', a: 'v2.0.0-RC1', op: '<', b: '2.0.0', why: 'stability suffix, v prefix' },
  { ecosystem: 'Packagist', a: '1.0.0-dev', op: '<', b: '1.0.0-alpha1', why: 'dev before alpha' },
  { ecosystem: 'Packagist', a: '1.0.0.1', op: '>', b: '1.0.0', why: 'four parts' },
  { ecosystem: 'RubyGems', a: '1.0.a', op: '<', b: '1.0', why: 'letter segment is a pre-release' },
  { ecosystem: 'RubyGems', a: '1.0.0', op: '=', b: '1', why: 'trailing zeros' },
  { ecosystem: 'Hex', a: '1.0.0-rc.1', op: '<', b: '1.0.0', why: 'pre-release' },
  { ecosystem: 'Pub', a: '1.0.0', op: '<', b: '1.0.0+1', why: 'Pub orders build metadata' },
  { ecosystem: 'CRAN', a: '1.0-1', op: '<', b: '1.0-10', why: 'dash component' },
  { ecosystem: 'Hackage', a: '0.1.0', op: '<', b: '0.1.0.0', why: 'longer list after prefix' },
  { ecosystem: 'Android', a: '1.2', op: '=', b: '1.2.0', why: 'generic: trailing zeros' },
];

describe('version schemes: cases that matter for medical-device matching', () => {
  for (const c of cases) {
    it(`${c.ecosystem}: ${c.a} ${c.op} ${c.b} (${c.why})`, () => {
      const want = c.op === '<' ? -1 : c.op === '=' ? 0 : 1;
      const scheme = schemeOf(c.ecosystem);
      expect(scheme.compare(c.a, c.b)).toBe(want);
      expect(scheme.compare(c.b, c.a)).toBe(-want === 0 ? 0 : -want);
      expect(scheme.compare(scheme.parse(c.a), scheme.parse(c.b))).toBe(want);
    });
  }
});

const distinctSchemes = [...new Set(Object.values(versionSchemes))];
const invalidSamples: Readonly<Record<string, string>> = {
  npm: '1.0',
  'crates.io': 'abc',
  Go: 'latest',
  Hex: 'x1',
  SemVer: 'main',
  NuGet: 'next',
  Pub: 'beta',
  PyPI: '!!!',
  RubyGems: '1beta',
  Packagist: '1.0#2',
  dpkg: 'a1.0',
  CRAN: '1.0a',
  Hackage: '1.0-tag',
  generic: '1.0-beta',
};

describe('every version scheme honours the contract', () => {
  for (const scheme of distinctSchemes) {
    describe(scheme.name, () => {
      it('refuses empty and whitespace-containing strings with invalid-version naming scheme and value', () => {
        for (const bad of ['', ' 1.0', '1.0 ', '1 .0']) {
          expect(scheme.isValid(bad)).toBe(false);
          expect(() => scheme.parse(bad)).toThrow(AppError);
        }
        try {
          scheme.compare('1.0.0', '1 .0');
          expect.unreachable('compare must refuse an invalid version');
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe('invalid-version');
          expect((error as AppError).message).toContain(scheme.name);
          expect((error as AppError).message).toContain('"1 .0"');
        }
      });

      it('never orders an unparseable version: compareVersions returns unknown-version', () => {
        const bad = invalidSamples[scheme.name] ?? '1 .0';
        const result = compareVersions(scheme, '1.0.0', bad);
        expect(result).toMatchObject({ kind: 'unknown-version', scheme: scheme.name, version: bad });
        expect(compareVersions(scheme, '1.0.0', '1.0.0')).toEqual({ kind: 'ordered', order: 0 });
      });

      it('is reflexive and antisymmetric on sample versions', () => {
        const samples = ['1.0.0', '1.2.3', '2.0.0', '10.0.0'].filter((v) => scheme.isValid(v));
        expect(samples.length).toBeGreaterThan(0);
        for (const a of samples) {
          expect(scheme.compare(a, a)).toBe(0);
          for (const b of samples) expect(scheme.compare(a, b)).toBe(-scheme.compare(b, a) || 0);
        }
        if (scheme.isValid('1.2.3') && scheme.isValid('10.0.0')) expect(scheme.compare('1.2.3', '10.0.0')).toBe(-1);
      });

      it('refuses a ParsedVersion of another scheme', () => {
        const other = distinctSchemes.find((s) => s.name !== scheme.name && s.isValid('1.0.0'));
        if (other === undefined || !scheme.isValid('1.0.0')) throw new Error('no sample scheme');
        expect(() => scheme.compare(other.parse('1.0.0'), '1.0.0')).toThrow(AppError);
      });
    });
  }
});

describe('version scheme registry', () => {
  it('maps every OSV ecosystem to a scheme', () => {
    for (const ecosystem of osvEcosystems) expect(versionSchemes[ecosystem], ecosystem).toBeDefined();
    expect(Object.keys(versionSchemes).sort()).toEqual([...osvEcosystems].sort());
  });

  it('resolves OSV ecosystem strings with suffixes', () => {
    expect(versionSchemeForEcosystem('Debian:11')?.name).toBe('dpkg');
    expect(versionSchemeForEcosystem('Ubuntu:Pro:18.04:LTS')?.name).toBe('dpkg');
    expect(versionSchemeForEcosystem('Alpine:v3.18')?.name).toBe('apk');
    expect(versionSchemeForEcosystem('Red Hat:rhel_aus:8.4::appstream')?.name).toBe('rpm');
    expect(versionSchemeForEcosystem('Maven:https://maven.google.com')?.name).toBe('Maven');
    expect(versionSchemeForEcosystem('Root:Alpine:3.18')?.name).toBe('apk');
    expect(versionSchemeForEcosystem('Root:PyPI')?.name).toBe('PyPI');
    expect(versionSchemeForEcosystem('Nonsense')).toBeUndefined();
    expect(versionSchemeForEcosystem('debian')).toBeUndefined();
  });

  it('maps purl types to schemes', () => {
    const expected: Readonly<Record<string, string>> = {
      npm: 'npm',
      pypi: 'PyPI',
      maven: 'Maven',
      golang: 'Go',
      cargo: 'crates.io',
      gem: 'RubyGems',
      nuget: 'NuGet',
      composer: 'Packagist',
      hex: 'Hex',
      pub: 'Pub',
      deb: 'dpkg',
      apk: 'apk',
      rpm: 'rpm',
      cran: 'CRAN',
      hackage: 'Hackage',
      generic: 'generic',
    };
    for (const [type, name] of Object.entries(expected)) expect(versionSchemeForPurlType(type)?.name, type).toBe(name);
    expect(versionSchemeForPurlType('DEB')?.name).toBe('dpkg');
    expect(versionSchemeForPurlType('unknown-type')).toBeUndefined();
    expect(Object.keys(purlTypeVersionSchemes)).toEqual(expect.arrayContaining(Object.keys(expected)));
  });
});
