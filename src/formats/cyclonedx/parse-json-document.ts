import { malformedJsonError } from '../json/malformed-json-error.js';
import { jsonOf, textOf, type SbomInput } from '../sbom/sbom-text.js';

/** `JSON.parse` whose failure is AppError('invalid-input') naming the line and column. */
export function parseJsonDocument(input: SbomInput): unknown {
  try {
    return jsonOf(input);
  } catch (error) {
    throw malformedJsonError(textOf(input), error);
  }
}
