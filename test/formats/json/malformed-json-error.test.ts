import { describe, expect, it } from 'vitest';
import { malformedJsonError } from '../../../src/formats/json/malformed-json-error.js';

const failureOf = (text: string): unknown => {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('expected invalid JSON');
};

describe('malformedJsonError', () => {
  it('locates the break by line and column even when V8 gives no position', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    const error = malformedJsonError(text, failureOf(text));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('line 3, column 3');
    expect(error.message).toMatch(/^malformed JSON: /);
    expect(error.message).not.toContain('line 3');
  });

  it('places a truncated document at its end and ignores a byte-order mark', () => {
    const text = '\uFEFF{"a": [1, 2';
    expect(malformedJsonError(text, failureOf(text.slice(1))).location?.path).toBe('line 1, column 12');
  });
});
