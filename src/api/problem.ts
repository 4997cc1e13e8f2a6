import type { Diagnostic, ErrorCode } from '../core/app-error.js';

/** HTTP status and human title for one error code (RFC 9457 problem type). */
export interface ProblemType {
  readonly status: number;
  readonly title: string;
}

/**
 * Every AppError code mapped to its problem type. A `Record` so that a new code cannot
 * compile until it has a status here.
 */
export const problemTypes: Record<ErrorCode, ProblemType> = {
  'invalid-input': { status: 400, title: 'Invalid input' },
  // 415: the content is in a format this resource does not accept (RFC 9110 §15.5.16).
  'unsupported-format': { status: 415, title: 'Unsupported format' },
  // 422: the format is recognised but this spec version is not (e.g. SPDX 3.0).
  'unsupported-version': { status: 422, title: 'Unsupported specification version' },
  'too-large': { status: 413, title: 'Content too large' },
  'invalid-purl': { status: 400, title: 'Invalid package URL' },
  'invalid-cpe': { status: 400, title: 'Invalid CPE name' },
  'invalid-version': { status: 400, title: 'Invalid version' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  'source-unavailable': { status: 503, title: 'Source unavailable' },
  internal: { status: 500, title: 'Internal error' },
};

/** The `application/problem+json` body every failing API call returns (RFC 9457 plus `code`). */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: ErrorCode;
  readonly instance?: string;
  readonly errors?: readonly Diagnostic[];
}

export const problemContentType = 'application/problem+json; charset=utf-8';

/** A stable, non-dereferenceable problem type URI per code. */
export function problemTypeUri(code: ErrorCode): string {
  return `urn:jointsec:problem:${code}`;
}

/** Builds the problem body for one code. */
export function problem(
  code: ErrorCode,
  detail: string,
  extra: { instance?: string; errors?: readonly Diagnostic[] } = {},
): Problem {
  const { status, title } = problemTypes[code];
  return {
    type: problemTypeUri(code),
    title,
    status,
    detail,
    code,
    ...(extra.instance === undefined ? {} : { instance: extra.instance }),
    ...(extra.errors === undefined || extra.errors.length === 0 ? {} : { errors: extra.errors }),
  };
}
