import { AppError } from '../../core/app-error.js';
import { jsonOf, textOf, type SbomInput } from '../sbom/sbom-text.js';
import { formatTextPosition, textPositionAt } from '../xml/text-position.js';

/**
 * `JSON.parse` whose failure is AppError('invalid-input') with the line and column V8
 * reports, so a malformed upload names where it breaks.
 */
export function parseJsonDocument(input: SbomInput): unknown {
  try {
    return jsonOf(input);
  } catch (error) {
    const text = textOf(input);
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const reason = error instanceof Error ? error.message : String(error);
    const offset = /position (\d+)/.exec(reason)?.[1];
    const path =
      offset !== undefined
        ? formatTextPosition(textPositionAt(body, Number(offset)))
        : body.trim() === ''
          ? 'line 1, column 1'
          : formatTextPosition(textPositionAt(body, body.length));
    throw new AppError('invalid-input', `malformed JSON at ${path}: ${reason}`, { location: { path }, cause: error });
  }
}
