import { describe, expect, it } from 'vitest';
import { looksLikeRange, readCsafRange } from '../../../src/formats/csaf/csaf-version-range.js';

describe('readCsafRange', () => {
  it('keeps a vers range, in canonical form (constraints sorted by version)', () => {
    expect(readCsafRange('vers:npm/<2.3.0|>=2.2.0', 'npm')).toEqual({
      kind: 'range',
      text: 'vers:npm/<2.3.0|>=2.2.0',
      vers: 'vers:npm/>=2.2.0|<2.3.0',
    });
    expect(readCsafRange('vers:all/*', 'generic').vers).toBe('vers:all/*');
  });

  it('reads comparator texts as vers of the given scheme (CISA writes "<2024.2", ">= 1.0.0 | <= 1.3.1")', () => {
    expect(readCsafRange('<2024.2', 'generic').vers).toBe('vers:generic/<2024.2');
    expect(readCsafRange('>= 1.0.0 | <= 1.3.1', 'generic').vers).toBe('vers:generic/>=1.0.0|<=1.3.1');
    expect(readCsafRange('<= 1.14.0', 'npm').vers).toBe('vers:npm/<=1.14.0');
    expect(readCsafRange('5.0|5.1', 'generic').vers).toBe('vers:generic/5.0|5.1');
  });

  it('keeps anything else as text with the reason', () => {
    const words = readCsafRange('All versions < V7.2', 'generic');
    expect(words.vers).toBeUndefined();
    expect(words.problem).toContain('neither a vers range nor');
    // A version the scheme cannot order (the generic scheme orders numbers only).
    const letters = readCsafRange('<= 2.74C', 'generic');
    expect(letters.vers).toBeUndefined();
    expect(letters.problem).toContain('generic');
    // CISA's `vers:all/<V4.4` is not valid vers: `all` admits only `*`.
    expect(readCsafRange('vers:all/<V4.4', 'generic').problem).toContain("'vers:all/*' is the only valid range");
    // Two upper bounds in a row: vers-spec requires alternating comparators.
    expect(readCsafRange('<=2.22 | <=1.01', 'generic').vers).toBeUndefined();
  });
});

describe('looksLikeRange', () => {
  it('tells a range written as a product_version (mandatory test 6.1.31) from a version', () => {
    expect(['vers:all/*', '<4.2', '>= 2.0', '!=1.0'].map(looksLikeRange)).toEqual([true, true, true, true]);
    expect(['4.2', 'V4.8 HF4', '2.13.3-3.el8_6.1', 'after-eight'].map(looksLikeRange)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
