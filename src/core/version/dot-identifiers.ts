import { compareDigitStrings, compareStrings, isDigits } from './numeric-string.js';

/**
 * Compares dot-separated identifier lists by SemVer 2.0.0 §11.4: numeric identifiers
 * numerically, others in ASCII order, numeric before alphanumeric, and a longer list after its
 * prefix. Used for pre-release tags (npm-like schemes, NuGet) and Pub's build tags.
 */
export function compareDotIdentifiers(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xNumeric = isDigits(x);
    const yNumeric = isDigits(y);
    let diff: number;
    if (xNumeric && yNumeric) diff = compareDigitStrings(x, y);
    else if (xNumeric) diff = -1;
    else if (yNumeric) diff = 1;
    else diff = compareStrings(x, y);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
