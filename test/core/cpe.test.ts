import { describe, expect, it } from 'vitest';
import { Cpe } from '../../src/core/cpe.js';
import { errorOf } from '../support/error-of.js';

describe('Cpe.normalize: CPE 2.2 URI → 2.3 formatted string', () => {
  // Expected values written by hand from NISTIR 7695 §6.1.3 and the NVD dictionary mapping.
  it.each([
    [
      'cpe:/a:microsoft:internet_explorer:8.0.6001:beta',
      'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*',
    ],
    // Packed edition; the empty update before it is NA, as in the NVD dictionary.
    [
      'cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~',
      'cpe:2.3:a:hp:insight_diagnostics:7.4.0.1570:-:*:*:online:win2003:x64:*',
    ],
    ['cpe:/o:microsoft:windows_xp::sp2', 'cpe:2.3:o:microsoft:windows_xp:-:sp2:*:*:*:*:*:*'],
    [
      'cpe:/a:hp:openview_network_manager:7.51:-:~~~linux~~',
      'cpe:2.3:a:hp:openview_network_manager:7.51:-:*:*:*:linux:*:*',
    ],
    // Trailing components omitted or empty are ANY.
    ['cpe:/o:linux:linux_kernel', 'cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*'],
    ['cpe:/a:ms:ie:8:beta:', 'cpe:2.3:a:ms:ie:8:beta:*:*:*:*:*:*'],
    ['cpe:/a:ms:ie:8:beta:en-us', 'cpe:2.3:a:ms:ie:8:beta:en-us:*:*:*:*:*'],
    // Percent-decoding: decoded punctuation is quoted in the 2.3 binding.
    ['cpe:/a:gnu:g%2b%2b:4.0', 'cpe:2.3:a:gnu:g\\+\\+:4.0:*:*:*:*:*:*:*'],
    ['cpe:/a:foo%5cbar:big%24money', 'cpe:2.3:a:foo\\\\bar:big\\$money:*:*:*:*:*:*:*:*'],
    ['cpe:/a:foo~bar:big%7emoney_2010', 'cpe:2.3:a:foo\\~bar:big\\~money_2010:*:*:*:*:*:*:*:*'],
    ['cpe:/a:acme:tool:8.%2a', 'cpe:2.3:a:acme:tool:8.\\*:*:*:*:*:*:*:*'],
    // %01 and %02 are the wildcards ? and *, unquoted.
    ['cpe:/a:%01%01soft:explorer%02', 'cpe:2.3:a:??soft:explorer*:*:*:*:*:*:*:*:*'],
    // URIs are case-insensitive: §6.1.3.2 lower-cases them.
    ['CPE:/A:Microsoft:Internet_Explorer:8.0', 'cpe:2.3:a:microsoft:internet_explorer:8.0:*:*:*:*:*:*:*'],
  ])('%s', (uri, expected) => {
    expect(Cpe.normalize(uri)).toBe(expected);
  });

  it('unbinds the packed edition into the extended attributes', () => {
    expect(Cpe.parse('cpe:/a:hp:insight_diagnostics:7.4.0.1570::~~online~win2003~x64~')).toEqual({
      part: 'a',
      vendor: 'hp',
      product: 'insight_diagnostics',
      version: '7.4.0.1570',
      update: '-',
      edition: '*',
      language: '*',
      swEdition: 'online',
      targetSw: 'win2003',
      targetHw: 'x64',
      other: '*',
    });
  });
});

describe('Cpe.parse: CPE 2.3 formatted string', () => {
  it('reads the eleven attributes', () => {
    expect(Cpe.parse('cpe:2.3:o:microsoft:windows_10:1607:*:*:en-us:*:*:x64:*')).toEqual({
      part: 'o',
      vendor: 'microsoft',
      product: 'windows_10',
      version: '1607',
      update: '*',
      edition: '*',
      language: 'en-us',
      swEdition: '*',
      targetSw: '*',
      targetHw: 'x64',
      other: '*',
    });
  });

  it('keeps quoted colons and backslashes inside a value', () => {
    const cpe = Cpe.parse('cpe:2.3:a:foo\\\\bar:big\\:money:2010:*:*:*:special:ipod_touch:80gb:*');
    expect(cpe.vendor).toBe('foo\\\\bar');
    expect(cpe.product).toBe('big\\:money');
    expect(cpe.version).toBe('2010');
    expect(cpe.targetHw).toBe('80gb');
  });

  it('drops needless quotes of . - _ and lower-cases when normalizing', () => {
    expect(Cpe.normalize('cpe:2.3:a:Apache:Log4J\\_Core:2\\.14\\-1:*:*:*:*:*:*:*')).toBe(
      'cpe:2.3:a:apache:log4j_core:2.14-1:*:*:*:*:*:*:*',
    );
  });

  it('accepts leading and trailing wildcards', () => {
    expect(Cpe.parse('cpe:2.3:a:*soft:??plorer:8.*:*:*:*:*:*:*:*').vendor).toBe('*soft');
  });

  it('formats a Cpe back to the same string', () => {
    const text = 'cpe:2.3:a:gnu:g\\+\\+:4.0:-:*:*:*:*:*:*';
    expect(Cpe.format(Cpe.parse(text))).toBe(text);
  });
});

describe('malformed CPEs', () => {
  it.each([
    ['not a CPE', 'pkg:npm/lodash@4.17.21', "expected a 'cpe:2.3:'"],
    ['too few attributes', 'cpe:2.3:a:vendor:product:1.0', 'has 4 attributes'],
    ['too many attributes', 'cpe:2.3:a:v:p:1:*:*:*:*:*:*:*:*', 'has 12 attributes'],
    ['an unknown part', 'cpe:2.3:x:vendor:product:1.0:*:*:*:*:*:*:*', 'CPE part'],
    ['an embedded wildcard', 'cpe:2.3:a:vendor:pro*duct:1.0:*:*:*:*:*:*:*', 'CPE product'],
    ['an unquoted special character', 'cpe:2.3:a:vendor:product!:1.0:*:*:*:*:*:*:*', 'must be quoted'],
    ['whitespace', 'cpe:2.3:a:vendor:my product:1.0:*:*:*:*:*:*:*', 'CPE product'],
    ['a lone trailing backslash', 'cpe:2.3:a:v:p:1:*:*:*:*:*:*:x\\', 'lone backslash'],
    ['an empty value', 'cpe:2.3:a:vendor::1.0:*:*:*:*:*:*:*', 'is empty'],
    ['a bad language tag', 'cpe:2.3:a:v:p:1:*:*:english:*:*:*:*', 'CPE language'],
    ['a URI with too many components', 'cpe:/a:v:p:1:u:e:en:extra', 'at most 7'],
    ['a URI with a broken packed edition', 'cpe:/a:v:p:1::~a~b', 'packed edition'],
    ['a URI with a malformed percent-encoding', 'cpe:/a:v:p%zz', 'malformed percent-encoding'],
    ['a URI with an embedded wildcard', 'cpe:/a:v:p%01x', 'wildcard'],
    ['a URI with a bad part', 'cpe:/q:v:p', 'CPE part'],
  ])('refuses %s', (_what, text, reason) => {
    const error = errorOf(() => Cpe.parse(text));
    expect(error.code).toBe('invalid-cpe');
    expect(error.message).toContain(reason);
    expect(Cpe.tryParse(text)).toBeUndefined();
  });

  it('refuses to format an invalid value', () => {
    const cpe = Cpe.parse('cpe:2.3:a:v:p:1:*:*:*:*:*:*:*');
    expect(errorOf(() => Cpe.format({ ...cpe, product: 'a b' })).code).toBe('invalid-cpe');
  });
});
