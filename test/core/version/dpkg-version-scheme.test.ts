import { describe, expect, it } from 'vitest';
import { dpkgVersionScheme } from '../../../src/core/version/dpkg-version-scheme.js';

describe('dpkg version syntax', () => {
  it('reads epoch, upstream and revision (revision after the last hyphen)', () => {
    expect(dpkgVersionScheme.parse('2:1.2-3-4ubuntu1').value).toEqual({
      epoch: '2',
      upstream: '1.2-3',
      revision: '4ubuntu1',
    });
    expect(dpkgVersionScheme.parse('1.0').value).toEqual({ epoch: '', upstream: '1.0', revision: '' });
  });

  it.each([
    ['a:1.0', 'the epoch must be a number'],
    [':1.0', 'the epoch must be a number'],
    ['1.0-', 'the revision after "-" is empty'],
    ['abc', 'the upstream version must start with a digit'],
    ['1.0_1', 'invalid character in the upstream version'],
    ['1.0-1_2', 'invalid character in the revision'],
    ['1.2.3-not-a-debian:version!@#$', 'the epoch must be a number'],
  ])('refuses %s (%s)', (value, reason) => {
    expect(dpkgVersionScheme.isValid(value)).toBe(false);
    expect(() => dpkgVersionScheme.parse(value)).toThrow(reason);
  });
});
