import { describe, expect, it } from 'vitest';
import { containsVersion, formatVers, parseVers } from '../../../src/core/range/vers.js';
import { versionSchemeForVers } from '../../../src/core/range/vers-schemes.js';
import { errorOf } from '../../support/error-of.js';

const contained = (range: string, version: string): string => containsVersion(parseVers(range), version).status;

describe('parseVers', () => {
  it('reads the spec example vers:npm/1.2.3|>=2.0.0|<5.0.0', () => {
    expect(parseVers('vers:npm/1.2.3|>=2.0.0|<5.0.0')).toEqual({
      scheme: 'npm',
      constraints: [
        { comparator: '=', version: '1.2.3' },
        { comparator: '>=', version: '2.0.0' },
        { comparator: '<', version: '5.0.0' },
      ],
    });
  });

  it('sorts constraints by the scheme order, not as text', () => {
    expect(formatVers(parseVers('vers:npm/<5.0.0|1.2.3|>=2.0.0'))).toBe('vers:npm/1.2.3|>=2.0.0|<5.0.0');
    // The spec example, shuffled: Maven order puts the 1.x branch before 7.x before 8.x.
    expect(
      formatVers(parseVers('vers:maven/>=8.0.0-M1|<=8.0.1|>=7.1.0|<=7.1.2|>=7.0.0-M1|<=7.0.7|>=1.0.0-beta1|<=1.7.5')),
    ).toBe('vers:maven/>=1.0.0-beta1|<=1.7.5|>=7.0.0-M1|<=7.0.7|>=7.1.0|<=7.1.2|>=8.0.0-M1|<=8.0.1');
    expect(formatVers(parseVers('vers:npm/>=10.0.0|<9.0.0'))).toBe('vers:npm/<9.0.0|>=10.0.0');
  });

  it('keeps the enumerated PyPI example in PEP 440 order and its original spellings', () => {
    const text = 'vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1';
    expect(formatVers(parseVers(text))).toBe(text);
    expect(formatVers(parseVers('vers:pypi/2.0pre1|1.0|0.0.3|0.0.0|0.0.2|0.0.1'))).toBe(text);
  });

  it('removes spaces and empty constraints, as the spec parsing rules say', () => {
    expect(formatVers(parseVers('vers:gem/>=2.2.0|!= 2.2.1|<2.3.0'))).toBe('vers:gem/>=2.2.0|!=2.2.1|<2.3.0');
    expect(formatVers(parseVers('vers:npm/|>=1.0.0||<2.0.0|'))).toBe('vers:npm/>=1.0.0|<2.0.0');
    expect(formatVers(parseVers(' vers : npm / < 1.2.3 | >= 2.0 .0'))).toBe('vers:npm/<1.2.3|>=2.0.0');
  });

  it('drops a repeated identical constraint, also when the versions are equal only by the scheme', () => {
    expect(formatVers(parseVers('vers:npm/1.0.0|1.0.0'))).toBe('vers:npm/1.0.0');
    expect(parseVers('vers:pypi/1.0|1.0.0').constraints).toHaveLength(1);
  });

  it('decodes percent-encoded versions and quotes comparator characters when formatting', () => {
    expect(parseVers('vers:npm/1.0.0%2Bbuild.1').constraints).toEqual([{ comparator: '=', version: '1.0.0+build.1' }]);
    expect(formatVers({ scheme: 'npm', constraints: [{ comparator: '>=', version: 'a|b' }] })).toBe('vers:npm/>=a%7Cb');
  });

  it('reads the star ranges', () => {
    expect(parseVers('vers:deb/*')).toEqual({ scheme: 'deb', constraints: '*' });
    expect(formatVers(parseVers('vers:none/*'))).toBe('vers:none/*');
    expect(parseVers('vers:all/*').constraints).toBe('*');
  });

  it.each([
    ['npm/1.0.0', 'invalid-input', /missing the 'vers:' URI scheme/],
    ['VERS:npm/1.0.0', 'invalid-input', /must be lowercase 'vers'/],
    ['vers:NPM/1.0.0', 'invalid-input', /'NPM' must be lowercase/],
    ['vers:npm', 'invalid-input', /missing '\/'/],
    ['vers:/1.0.0', 'invalid-input', /versioning scheme is empty/],
    ['vers:tomee/1.0.0', 'invalid-input', /unknown versioning scheme 'tomee'/],
    ['vers:npm/', 'invalid-input', /no version constraints/],
    ['vers:npm/||', 'invalid-input', /no version constraints/],
    ['vers:npm/*|1.0.0', 'invalid-input', /'\*' must be the only constraint/],
    ['vers:all/1.0.0', 'invalid-input', /only valid range/],
    ['vers:npm/>=', 'invalid-input', /has no version/],
    ['vers:npm/1.0.0|>=1.0.0', 'invalid-input', /occurs twice/],
    ['vers:npm/>=1.0.0|>=2.0.0', 'invalid-input', /must alternate/],
    ['vers:npm/<1.0.0|<=2.0.0', 'invalid-input', /must alternate/],
    ['vers:npm/1.0.0|<2.0.0', 'invalid-input', /already covers/],
    ['vers:npm/>=1.0.0|1.5.0|<2.0.0', 'invalid-input', /inside the range opened by '>=1.0.0'/],
    ['vers:npm/1.0%2G0', 'invalid-input', /invalid percent-encoding/],
    ['vers:npm/>=1.0.0|<=2.0.0=', 'invalid-input', /comparator character/],
    ['vers:npm/>=1.0.0|<banana', 'invalid-version', /banana/],
    ['vers:deb/>=1.0.0-1|<1:', 'invalid-version', /1:/],
  ] as const)('refuses %s (%s)', (text, code, message) => {
    const error = errorOf(() => parseVers(text));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(JSON.stringify(text));
  });

  it('names the character where the offending constraint starts', () => {
    // "vers:npm/" is 9 characters, ">=1.0.0|" 8 more: the second constraint starts at character 18.
    expect(errorOf(() => parseVers('vers:npm/>=1.0.0|>=2.0.0')).message).toContain('at character 18');
    expect(errorOf(() => parseVers('vers:npm/>=1.0.0|<banana')).message).toContain('at character 18');
    // Positions count the original text, spaces included.
    expect(errorOf(() => parseVers('vers:npm/ >=1.0.0 | <banana')).message).toContain('at character 21');
  });
});

describe('versionSchemeForVers', () => {
  it.each([
    ['npm', 'npm'],
    ['pypi', 'PyPI'],
    ['maven', 'Maven'],
    ['deb', 'dpkg'],
    ['rpm', 'rpm'],
    ['apk', 'apk'],
    ['alpine', 'apk'],
    ['gem', 'RubyGems'],
    ['golang', 'Go'],
    ['nuget', 'NuGet'],
    ['cargo', 'crates.io'],
    ['composer', 'Packagist'],
    ['semver', 'SemVer'],
    ['generic', 'generic'],
  ])('orders vers:%s/… with the %s scheme', (vers, scheme) => {
    expect(versionSchemeForVers(vers)?.name).toBe(scheme);
  });

  it('knows no scheme for unknown or upper-case names', () => {
    expect(versionSchemeForVers('tomee')).toBeUndefined();
    expect(versionSchemeForVers('NPM')).toBeUndefined();
    expect(versionSchemeForVers('constructor')).toBeUndefined();
  });
});

describe('containsVersion', () => {
  it('follows the spec example vers:npm/1.2.3|>=2.0.0|<5.0.0', () => {
    const range = 'vers:npm/1.2.3|>=2.0.0|<5.0.0';
    expect(contained(range, '1.2.3')).toBe('affected');
    expect(contained(range, '1.2.4')).toBe('not-affected');
    expect(contained(range, '1.0.0')).toBe('not-affected');
    expect(contained(range, '2.0.0')).toBe('affected');
    expect(contained(range, '4.9.9')).toBe('affected');
    expect(contained(range, '5.0.0-rc.1')).toBe('affected');
    expect(contained(range, '5.0.0')).toBe('not-affected');
    expect(contained(range, '6.0.0')).toBe('not-affected');
  });

  it('explains the decision with the constraint that decided', () => {
    expect(containsVersion(parseVers('vers:npm/1.2.3|>=2.0.0|<5.0.0'), '3.1.0')).toEqual({
      status: 'affected',
      range: 'vers:npm/1.2.3|>=2.0.0|<5.0.0',
      event: '>=2.0.0|<5.0.0',
      scheme: 'npm',
      reason: "3.1.0 satisfies '>=2.0.0|<5.0.0' in vers:npm/1.2.3|>=2.0.0|<5.0.0",
    });
    expect(containsVersion(parseVers('vers:npm/1.2.3|>=2.0.0|<5.0.0'), '1.2.3').reason).toBe(
      "1.2.3 equals 1.2.3 ('1.2.3' in vers:npm/1.2.3|>=2.0.0|<5.0.0)",
    );
  });

  it('uses PEP 440 equality for the enumerated PyPI example', () => {
    const range = 'vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1';
    expect(contained(range, '1.0')).toBe('affected');
    expect(contained(range, '1.0.0')).toBe('affected'); // PEP 440: trailing zeros are insignificant
    expect(contained(range, '2.0rc1')).toBe('affected'); // PEP 440: "pre" is spelled "rc" in normal form
    expect(contained(range, '2.0')).toBe('not-affected');
    expect(contained(range, '0.0.4')).toBe('not-affected');
  });

  it('orders Debian revisions and epochs in vers:deb/>=1.0.0-1|<1.0.0-3', () => {
    const range = 'vers:deb/>=1.0.0-1|<1.0.0-3';
    expect(contained(range, '1.0.0-1')).toBe('affected');
    expect(contained(range, '1.0.0-2')).toBe('affected');
    expect(contained(range, '1.0.0-2+deb11u1')).toBe('affected');
    expect(contained(range, '1.0.0-3')).toBe('not-affected');
    expect(contained(range, '1.0.0')).toBe('not-affected'); // no revision sorts before -1
    expect(contained(range, '1:0.1-1')).toBe('not-affected'); // epoch 1 is after every epoch-0 version
  });

  it('covers every branch of the TomEE Maven example', () => {
    const range = 'vers:maven/>=1.0.0-beta1|<=1.7.5|>=7.0.0-M1|<=7.0.7|>=7.1.0|<=7.1.2|>=8.0.0-M1|<=8.0.1';
    const expected: Record<string, string> = {
      '1.0.0-alpha1': 'not-affected',
      '1.0.0-beta1': 'affected',
      '1.0.0': 'affected',
      '1.7.5': 'affected',
      '1.7.6': 'not-affected',
      '6.0.0': 'not-affected',
      '7.0.0-M2': 'affected',
      '7.0.7': 'affected',
      '7.0.8': 'not-affected',
      '7.1.1': 'affected',
      '7.1.3': 'not-affected',
      '8.0.0-M3': 'affected',
      '8.0.1': 'affected',
      '8.0.2': 'not-affected',
      '10.0.0': 'not-affected',
    };
    for (const [version, status] of Object.entries(expected)) {
      expect([version, contained(range, version)]).toEqual([version, status]);
    }
  });

  it('applies exclusions and single open bounds', () => {
    const gem = 'vers:gem/>=2.2.0|!=2.2.1|<2.3.0';
    expect(contained(gem, '2.2.0')).toBe('affected');
    expect(contained(gem, '2.2.1')).toBe('not-affected');
    expect(contained(gem, '2.2.2')).toBe('affected');
    expect(contained(gem, '2.3.0')).toBe('not-affected');
    expect(contained('vers:npm/<2.0.0', '1.9.9')).toBe('affected');
    expect(contained('vers:npm/<2.0.0', '2.0.0')).toBe('not-affected');
    expect(contained('vers:npm/<=2.0.0', '2.0.0')).toBe('affected');
    expect(contained('vers:npm/>2.0.0', '2.0.0')).toBe('not-affected');
    expect(contained('vers:npm/>2.0.0', '2.0.1')).toBe('affected');
    expect(contained('vers:npm/<1.0.0|>=2.0.0', '0.5.0')).toBe('affected');
    expect(contained('vers:npm/<1.0.0|>=2.0.0', '1.5.0')).toBe('not-affected');
    expect(contained('vers:npm/<1.0.0|>=2.0.0', '3.0.0')).toBe('affected');
    expect(contained('vers:npm/!=1.0.0', '1.0.0')).toBe('not-affected');
    expect(contained('vers:npm/!=1.0.0', '1.0.1')).toBe('not-affected');
  });

  it('contains everything for a star and nothing for vers:none/*', () => {
    expect(contained('vers:deb/*', '1:2.3-4')).toBe('affected');
    expect(contained('vers:all/*', 'anything')).toBe('affected');
    expect(contained('vers:none/*', '1.0.0')).toBe('not-affected');
  });

  it('reports an unreadable version as unknown-version, never as outside the range', () => {
    const verdict = containsVersion(parseVers('vers:npm/>=1.0.0|<2.0.0'), 'latest');
    expect(verdict.status).toBe('unknown-version');
    expect(verdict.reason).toContain('"latest"');
  });
});
