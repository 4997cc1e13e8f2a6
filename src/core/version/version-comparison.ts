import { isAppError } from '../app-error.js';
import type { ParsedVersion, VersionOrder, VersionScheme } from './version-scheme.js';

/**
 * The outcome of comparing two versions as data: either an order, or the reason no order exists
 * (one side is not a version of the scheme). Matchers record the second as `unknown-version`
 * instead of treating it as "not affected".
 */
export type VersionComparison =
  | { readonly kind: 'ordered'; readonly order: VersionOrder }
  | {
      readonly kind: 'unknown-version';
      readonly scheme: string;
      /** The offending version string. */
      readonly version: string;
      readonly reason: string;
    };

/** Compares `a` with `b` under `scheme`, returning an unparseable side as an explicit result. */
export function compareVersions(
  scheme: VersionScheme,
  a: string | ParsedVersion,
  b: string | ParsedVersion,
): VersionComparison {
  for (const side of [a, b]) {
    if (typeof side === 'string' && !scheme.isValid(side)) {
      return { kind: 'unknown-version', scheme: scheme.name, version: side, reason: reasonOf(scheme, side) };
    }
  }
  return { kind: 'ordered', order: scheme.compare(a, b) };
}

function reasonOf(scheme: VersionScheme, value: string): string {
  try {
    scheme.parse(value);
    return 'not a valid version';
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
}
