import { compareDigitStrings } from './numeric-string.js';

/**
 * Lexicographic order on lists of unbounded integers (as digit strings): the first differing
 * element decides, and a list sorts after its own prefix (`0.1.0` < `0.1.0.0`). This is
 * Haskell's `Ord [Int]` (Hackage) and R's `package_version` order (CRAN).
 */
export function compareDigitLists(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const diff = compareDigitStrings(a[i] ?? '', b[i] ?? '');
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
