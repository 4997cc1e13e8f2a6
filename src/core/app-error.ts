/**
 * The closed set of error codes the whole platform speaks. The API maps each to a
 * problem+json status, the CLI to an exit code; callers branch on `code`, never on messages.
 */
export const errorCodes = [
  'invalid-input',
  'unsupported-format',
  'unsupported-version',
  'too-large',
  'invalid-purl',
  'invalid-cpe',
  'invalid-version',
  'not-found',
  'conflict',
  'unauthorized',
  'forbidden',
  'source-unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Where in an input a problem sits: the file, and a JSON pointer or line:column inside it. */
export interface ErrorLocation {
  readonly file?: string;
  readonly path?: string;
}

/** A refusal with a stable code, raised by services and parsers when they cannot go on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  readonly details: readonly Diagnostic[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { location?: ErrorLocation; details?: readonly Diagnostic[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.location = options.location;
    this.details = options.details ?? [];
  }
}

/** A finding about an input, returned as data by parsers and validators. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** JSON pointer (`/components/3/purl`) or `line N` / `line N, column M` for text formats. */
  readonly path: string;
  readonly message: string;
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
