import { AppError } from '../app-error.js';
import type { ParsedVersion, VersionOrder, VersionScheme } from './version-scheme.js';

/** Versions longer than this are refused: no real ecosystem needs more, and it bounds the work. */
export const maxVersionLength = 512;

/** What a scheme file provides; `defineVersionScheme` adds the shared checks and error shape. */
export interface VersionSchemeDefinition<T> {
  readonly name: string;
  /** The parsed form, or a sentence saying why `value` is not a version of this scheme. */
  readonly read: (value: string) => T | InvalidVersion;
  /** Any negative number, zero or any positive number, like `Array.prototype.sort`. */
  readonly order: (a: T, b: T) => number;
}

/** Why a string is not a version of a scheme (returned by `read`, never thrown). */
export interface InvalidVersion {
  readonly invalid: string;
}

/** Builds the `InvalidVersion` a scheme's `read` returns. */
export function invalidVersion(reason: string): InvalidVersion {
  return { invalid: reason };
}

function isInvalid(result: unknown): result is InvalidVersion {
  return typeof result === 'object' && result !== null && 'invalid' in result && Object.keys(result).length === 1;
}

/** Turns any sign into a VersionOrder. */
export function toVersionOrder(n: number): VersionOrder {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/**
 * Parsed versions remembered per scheme. Matching compares one component version with the
 * bounds of every advisory of its package, and a popular package has thousands: the same few
 * thousand strings are read again and again. Parsed forms are never mutated, so sharing them
 * is safe; the bound keeps a long-running server's memory flat (the oldest half is dropped).
 */
const memoLimit = 50_000;

/**
 * A string read once: its parsed form, or why it is not a version. Whether `read` refused is
 * decided when the string is first read, not on every lookup.
 */
type Reading<T> = { readonly parsed: ParsedVersion<T> } | { readonly invalid: string };

/**
 * The reader of a scheme built here, kept on the scheme under a private symbol: `readVersion`
 * answers "valid, and parsed how" with one memo lookup where `isValid` then `parse` take two.
 */
const reader = Symbol('readVersion');

interface ReadableScheme extends VersionScheme {
  readonly [reader]?: (value: string) => ParsedVersion | undefined;
}

/** `value` parsed by `scheme`, or undefined when it is not a version of it (never throws). */
export function readVersion(scheme: VersionScheme, value: string): ParsedVersion | undefined {
  const read = (scheme as ReadableScheme)[reader];
  if (read !== undefined) return read(value);
  return scheme.isValid(value) ? scheme.parse(value) : undefined;
}

/** Builds a VersionScheme from a reader and an order on the parsed form. */
export function defineVersionScheme<T>(definition: VersionSchemeDefinition<T>): VersionScheme {
  const { name } = definition;
  const memo = new Map<string, Reading<T>>();
  const readUncached = (value: string): T | InvalidVersion => {
    if (value.length === 0) return invalidVersion('the version is empty');
    if (value.length > maxVersionLength)
      return invalidVersion(`the version is longer than ${maxVersionLength} characters`);
    if (/\s/u.test(value)) return invalidVersion('the version contains whitespace');
    return definition.read(value);
  };
  const readChecked = (value: string): Reading<T> => {
    const known = memo.get(value);
    if (known !== undefined) return known;
    const result = readUncached(value);
    const reading: Reading<T> = isInvalid(result)
      ? { invalid: result.invalid }
      : { parsed: { scheme: name, original: value, value: result } };
    if (memo.size >= memoLimit) {
      let drop = memoLimit / 2;
      for (const key of memo.keys()) {
        memo.delete(key);
        if (--drop === 0) break;
      }
    }
    memo.set(value, reading);
    return reading;
  };
  const parse = (value: string): ParsedVersion<T> => {
    const reading = readChecked(value);
    if ('invalid' in reading) {
      throw new AppError(
        'invalid-version',
        `Not a valid ${name} version: ${JSON.stringify(value)} (${reading.invalid})`,
      );
    }
    return reading.parsed;
  };
  const resolve = (v: string | ParsedVersion): T => {
    if (typeof v === 'string') return parse(v).value;
    if (v.scheme !== name) {
      throw new AppError(
        'invalid-version',
        `Version ${JSON.stringify(v.original)} was parsed by the ${v.scheme} scheme, not ${name}`,
      );
    }
    // The scheme name matched, so this value came from `parse` above.
    return v.value as T;
  };
  const scheme: ReadableScheme = {
    name,
    parse,
    compare: (a, b) => toVersionOrder(definition.order(resolve(a), resolve(b))),
    isValid: (value) => !('invalid' in readChecked(value)),
    [reader]: (value) => {
      const reading = readChecked(value);
      return 'invalid' in reading ? undefined : reading.parsed;
    },
  };
  return scheme;
}
