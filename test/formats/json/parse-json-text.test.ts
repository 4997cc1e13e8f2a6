import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../../src/formats/json/parse-json-text.js';

describe('parseJsonText', () => {
  it('decodes valid JSON', () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
  });

  it('locates a syntax error by line and column', () => {
    expect(parseJsonText('{\n  "id": 1,\n  oops\n}')).toEqual({
      ok: false,
      diagnostic: { severity: 'error', path: 'line 3, column 3', message: 'not valid JSON (at line 3, column 3)' },
    });
  });

  it('locates a truncated text just past its last character', () => {
    const result = parseJsonText('{"id": [1, 2');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostic.path).toBe('line 1, column 13');
  });
});
