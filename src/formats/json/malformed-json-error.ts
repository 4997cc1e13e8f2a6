import { AppError } from '../../core/app-error.js';
import { jsonSyntaxErrorOffset, lineColumnAt } from './json-syntax-error.js';

/**
 * The refusal for a document that `JSON.parse` rejected: `invalid-input` located at the line
 * and column where the text stops being JSON. The location is found by our own scan because
 * Node 20's messages often omit the position; the message keeps V8's reason and leaves the
 * position to the location, so a shell printing both does not say it twice.
 */
export function malformedJsonError(text: string, cause: unknown): AppError {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const offset = jsonSyntaxErrorOffset(body);
  const path = lineColumnAt(body, offset < 0 ? body.length : offset);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('invalid-input', `malformed JSON: ${reason}`, { location: { path }, cause });
}
