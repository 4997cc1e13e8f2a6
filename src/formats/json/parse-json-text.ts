import type { Diagnostic } from '../../core/app-error.js';
import { jsonSyntaxErrorOffset, lineColumnAt } from './json-syntax-error.js';

/** A decoded JSON text, or where and why it is not JSON. */
export type JsonTextResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * `JSON.parse` that never throws: a malformed text yields an error diagnostic located at
 * `line N, column M` (or `end of input` when the text stops early), so feed parsers can report
 * it like any other bad record instead of failing the whole upload without a position.
 */
export function parseJsonText(text: string): JsonTextResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = jsonSyntaxErrorOffset(text);
    const where = offset < 0 ? 'end of input' : lineColumnAt(text, offset);
    return { ok: false, diagnostic: { severity: 'error', path: where, message: `not valid JSON (at ${where})` } };
  }
}
