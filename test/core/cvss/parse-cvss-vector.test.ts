import { describe, expect, it } from 'vitest';
import { parseCvssVector, type CvssVectorParse } from '../../../src/core/cvss/parse-cvss-vector.js';

const messageOf = (result: CvssVectorParse): string => {
  if (result.ok) throw new Error(`expected a refusal, got a ${result.version} vector`);
  return result.message;
};

const metricsOf = (vector: string): [string, string][] => {
  const result = parseCvssVector(vector);
  if (!result.ok) throw new Error(result.message);
  return [...result.metrics];
};

describe('parseCvssVector: versions', () => {
  it('reads a v3.1 base vector with its metrics in vector order', () => {
    const result = parseCvssVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    expect(result.ok && result.version).toBe('3.1');
    expect(metricsOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toEqual([
      ['AV', 'N'],
      ['AC', 'L'],
      ['PR', 'N'],
      ['UI', 'N'],
      ['S', 'U'],
      ['C', 'H'],
      ['I', 'H'],
      ['A', 'H'],
    ]);
  });

  it('tells v3.0 from v3.1 by the prefix', () => {
    const result = parseCvssVector('CVSS:3.0/AV:L/AC:H/PR:H/UI:R/S:C/C:N/I:L/A:L');
    expect(result.ok && result.version).toBe('3.0');
  });

  it('reads a v4.0 vector with threat, environmental and supplemental metrics', () => {
    const vector =
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/CR:H/IR:M/AR:L/MAV:A/MAC:H/MAT:P/MPR:L/MUI:A/MVC:L/MVI:N/MVA:X/MSC:H/MSI:S/MSA:S/S:P/AU:Y/R:I/V:C/RE:H/U:Amber';
    const result = parseCvssVector(vector);
    expect(result.ok && result.version).toBe('4.0');
    expect(metricsOf(vector)).toHaveLength(11 + 1 + 14 + 6);
    expect(new Map(metricsOf(vector)).get('U')).toBe('Amber');
  });

  it('reads v2 without prefix, and in parentheses', () => {
    const plain = parseCvssVector('AV:N/AC:L/Au:N/C:P/I:P/A:P');
    expect(plain.ok && plain.version).toBe('2.0');
    expect(metricsOf('(AV:N/AC:L/Au:N/C:P/I:P/A:P)')).toEqual(metricsOf('AV:N/AC:L/Au:N/C:P/I:P/A:P'));
  });

  it('reads v2 temporal and environmental metrics including ND', () => {
    expect(metricsOf('AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H')).toHaveLength(14);
    expect(metricsOf('AV:L/AC:H/Au:M/C:N/I:N/A:P/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND')).toHaveLength(14);
    expect(metricsOf('AV:A/AC:M/Au:S/C:C/I:P/A:N/E:POC/RL:TF/RC:UR/CDP:LM/TD:L')).toHaveLength(11);
  });

  it('reads v3 temporal and environmental metrics including X', () => {
    const vector =
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:W/RC:R/CR:X/IR:L/AR:M/MAV:P/MAC:H/MPR:X/MUI:R/MS:C/MC:N/MI:L/MA:X';
    expect(metricsOf(vector)).toHaveLength(22);
  });

  it('accepts metrics out of the preferred order, as the v3 specifications allow', () => {
    expect(metricsOf('CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X')[0]).toEqual(['S', 'U']);
    expect(parseCvssVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N').ok).toBe(true);
  });
});

describe('parseCvssVector: refusals name the problem', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', /missing mandatory base metric A$/],
    ['CVSS:3.1/AV:N', /missing mandatory base metrics AC, PR, UI, S, C, I, A$/],
    [
      'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      /CVSS 4\.0 vector: missing mandatory base metric AT$/,
    ],
    ['AV:N/AC:L/Au:N/C:P/I:P', /CVSS 2\.0 vector: missing mandatory base metric A$/],
  ])('missing base metric: %s', (vector, message) => {
    expect(messageOf(parseCvssVector(vector))).toMatch(message);
  });

  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y', 'CVSS 3.1 vector: unknown metric "XX"'],
    ['CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS 3.1 vector: unknown metric "AT"'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O', 'CVSS 4.0 vector: unknown metric "RL"'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/MAV:N', 'CVSS 2.0 vector: unknown metric "MAV"'],
    ['CVSS:3.1/av:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS 3.1 vector: unknown metric "av"'],
  ])('unknown metric: %s', (vector, message) => {
    expect(messageOf(parseCvssVector(vector))).toBe(message);
  });

  it('hints at the missing prefix when a v3 vector comes without it', () => {
    expect(messageOf(parseCvssVector('AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'))).toMatch(
      /^CVSS 2\.0 vector: unknown metric "PR" \(.*need their prefix\)$/,
    );
  });

  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:N', 'AV'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:A', 'E'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/A:C', 'A'],
  ])('duplicate metric: %s', (vector, metric) => {
    expect(messageOf(parseCvssVector(vector))).toMatch(`metric "${metric}" appears more than once`);
  });

  it.each([
    ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'AV', 'Q'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H', 'S', 'X'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:ND', 'E', 'ND'],
    ['CVSS:3.0/AV:N/AC:L/PR:U/UI:N/S:U/C:H/I:H/A:H', 'PR', 'U'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N', 'SI', 'S'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S', 'MSC', 'S'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red', 'U', 'red'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:F', 'E', 'F'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X', 'E', 'X'],
    ['AV:P/AC:L/Au:N/C:P/I:P/A:P', 'AV', 'P'],
  ])('invalid value: %s', (vector, metric, value) => {
    expect(messageOf(parseCvssVector(vector))).toMatch(`invalid value "${value}" for metric "${metric}" (allowed: `);
  });

  it('lists the allowed values', () => {
    expect(messageOf(parseCvssVector('CVSS:3.1/AV:N/AC:M/PR:N/UI:N/S:U/C:H/I:H/A:H'))).toBe(
      'CVSS 3.1 vector: invalid value "M" for metric "AC" (allowed: L, H)',
    );
  });

  it.each([
    ['', /^empty CVSS vector$/],
    ['CVSS:3.1/', /^CVSS 3\.1 vector has no metrics$/],
    ['CVSS:3.1', /^CVSS 3\.1 vector has no metrics$/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', /empty component at position 9$/],
    ['CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /empty component at position 2$/],
    ['CVSS:3.1/AV:N/AC/PR:N/UI:N/S:U/C:H/I:H/A:H', /component "AC" is not METRIC:VALUE$/],
    ['CVSS:3.1/AV:N/AC:L:H/PR:N/UI:N/S:U/C:H/I:H/A:H', /component "AC:L:H" is not METRIC:VALUE$/],
    ['CVSS:3.1/AV:/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /component "AV:" is not METRIC:VALUE$/],
    [' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /contains whitespace$/],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\n', /contains whitespace$/],
    [
      'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
      /^unsupported CVSS vector prefix "CVSS:2\.0".*CVSS v2 vectors carry no prefix/,
    ],
    ['CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /^unsupported CVSS vector prefix "CVSS:3\.2"/],
    ['(AV:N/AC:L/Au:N/C:P/I:P/A:P', /unbalanced parentheses$/],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P)', /unbalanced parentheses$/],
    ['()', /^CVSS 2\.0 vector has no metrics$/],
  ])('malformed: %j', (vector, message) => {
    expect(messageOf(parseCvssVector(vector))).toMatch(message);
  });

  it('cuts long input short in messages', () => {
    const message = messageOf(parseCvssVector(`CVSS:3.1/AV:N/${'Z'.repeat(5000)}:N`));
    expect(message.length).toBeLessThan(120);
    expect(message).toMatch(/^CVSS 3\.1 vector: unknown metric "Z{48}…"$/);
  });
});
