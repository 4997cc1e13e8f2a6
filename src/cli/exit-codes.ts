import type { ErrorCode } from '../core/app-error.js';

/**
 * The CLI's exit codes. 0: success. 1: a negative result the command was asked to find out
 * (e.g. `sbom validate` on an invalid document). 2: the user's input or usage is wrong
 * (bad flags, unreadable or unrecognizable files, unknown product, duplicate name…): fix
 * the command and retry. Distinct codes only for failures of the environment, not of the
 * input, so scripts can tell "retry later" from "fix your input":
 * 69 (sysexits EX_UNAVAILABLE) when the database or another source cannot be reached,
 * 70 (sysexits EX_SOFTWARE) for an internal error, which is a bug to report.
 */
export const exitCodes = {
  success: 0,
  negativeResult: 1,
  usage: 2,
  unavailable: 69,
  internal: 70,
} as const;

/** Every AppError code mapped to an exit code; a `Record` so a new code cannot compile without one. */
export const exitCodeByErrorCode: Record<ErrorCode, number> = {
  'invalid-input': exitCodes.usage,
  'unsupported-format': exitCodes.usage,
  'unsupported-version': exitCodes.usage,
  'too-large': exitCodes.usage,
  'invalid-purl': exitCodes.usage,
  'invalid-cpe': exitCodes.usage,
  'invalid-version': exitCodes.usage,
  'not-found': exitCodes.usage,
  conflict: exitCodes.usage,
  // The CLI acts locally as an organization's admin; these mean a wrong --org or token, i.e. usage.
  unauthorized: exitCodes.usage,
  forbidden: exitCodes.usage,
  'source-unavailable': exitCodes.unavailable,
  internal: exitCodes.internal,
};
