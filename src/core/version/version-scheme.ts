/** The order of two versions: -1 when the first sorts before the second, 0 when equal, 1 after. */
export type VersionOrder = -1 | 0 | 1;

/**
 * A version string as one scheme understood it. `value` is the scheme's own parsed form; only
 * the scheme that produced it may read it, so `compare` refuses a ParsedVersion of another scheme.
 */
export interface ParsedVersion<T = unknown> {
  readonly scheme: string;
  readonly original: string;
  readonly value: T;
}

/**
 * The ordering rules of one ecosystem's versions. `parse` and `compare` throw
 * `AppError('invalid-version')` naming the scheme and the value when a string is not a version of
 * this scheme: an unparseable version is never ordered by guesswork. Callers that must keep going
 * use `compareVersions` (version-comparison.ts), which returns the refusal as data.
 */
export interface VersionScheme {
  readonly name: string;
  parse(value: string): ParsedVersion;
  compare(a: string | ParsedVersion, b: string | ParsedVersion): VersionOrder;
  isValid(value: string): boolean;
}
