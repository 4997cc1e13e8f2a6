import { describe, expect, it } from 'vitest';
import { AppError, errorCodes } from '../../src/core/app-error.js';
import { errorLines } from '../../src/cli/error-line.js';
import { exitCodeByErrorCode } from '../../src/cli/exit-codes.js';

describe('exit codes', () => {
  it('maps input errors to 2 and only environment failures elsewhere', () => {
    const expected: Record<string, number> = { 'source-unavailable': 69, internal: 70 };
    for (const code of errorCodes) expect([code, exitCodeByErrorCode[code]]).toEqual([code, expected[code] ?? 2]);
  });
});

describe('error lines', () => {
  it('names file, location and reason on one line', () => {
    const error = new AppError('invalid-input', 'unexpected end of input', {
      location: { file: 'a.json', path: 'line 3, column 7' },
    });
    expect(errorLines(error)).toEqual(['jointsec: a.json: line 3, column 7: unexpected end of input']);
  });

  it('leaves out unknown parts and lists diagnostics on following lines', () => {
    const error = new AppError('invalid-input', 'document is invalid', {
      location: { file: 'b.xml' },
      details: [{ severity: 'error', path: '/bom/components/0', message: 'missing name' }],
    });
    expect(errorLines(error)).toEqual([
      'jointsec: b.xml: document is invalid',
      'jointsec: b.xml: /bom/components/0: missing name',
    ]);
  });

  it('does not repeat a diagnostic the headline already states', () => {
    const error = new AppError('invalid-input', 'invalid udiDi: Too small', {
      location: { path: 'udiDi' },
      details: [{ severity: 'error', path: 'udiDi', message: 'Too small' }],
    });
    expect(errorLines(error)).toEqual(['jointsec: udiDi: invalid udiDi: Too small']);
  });

  it('reports a non-AppError as an internal error', () => {
    expect(errorLines(new TypeError('boom'))).toEqual(['jointsec: internal error: boom']);
  });
});
