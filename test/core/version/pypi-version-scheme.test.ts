import { describe, expect, it } from 'vitest';
import { pypiVersionScheme } from '../../../src/core/version/pypi-version-scheme.js';

describe('PyPI versions', () => {
  it('flags pre-PEP 440 versions as legacy and sorts them before every PEP 440 version', () => {
    expect(pypiVersionScheme.parse('0.1-bulbasaur').value).toMatchObject({ legacy: true });
    expect(pypiVersionScheme.parse('1.0rc1').value).toMatchObject({ legacy: false });
    expect(pypiVersionScheme.compare('2019.12-xyz', '0.0.1')).toBe(-1);
  });

  it('compares release numbers exactly, beyond 2^53', () => {
    expect(pypiVersionScheme.compare('9007199254740993', '9007199254740992')).toBe(1);
  });

  it('refuses strings with no letter or digit at all', () => {
    expect(pypiVersionScheme.isValid('---')).toBe(false);
  });
});
