import { describe, expect, it } from 'vitest';
import { highestCvssScore, sarifLevelOf, securitySeverityOf } from '../../../src/formats/sarif/sarif-severity.js';

describe('SARIF severity', () => {
  it.each([
    [10, 'error'],
    [7, 'error'],
    [6.9, 'warning'],
    [4, 'warning'],
    [3.9, 'note'],
    [0, 'note'],
    [undefined, 'note'],
  ] as const)('score %s → level %s', (score, level) => {
    expect(sarifLevelOf(score)).toBe(level);
  });

  it('takes the highest stated score and ignores vectors without one', () => {
    expect(highestCvssScore([{ score: 5.3 }, { score: null }, { score: 9.1 }, { score: 7 }])).toBe(9.1);
    expect(highestCvssScore([{ score: null }])).toBeUndefined();
    expect(highestCvssScore([])).toBeUndefined();
  });

  it('writes security-severity with one decimal, as GitHub reads it', () => {
    expect(securitySeverityOf(9)).toBe('9.0');
    expect(securitySeverityOf(7.45)).toBe('7.5');
  });
});
