import { compareDigitStrings, compareStrings } from './numeric-string.js';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isSeparator = (c: string): boolean => !isDigit(c) && !isLetter(c) && c !== '~' && c !== '^';

/**
 * rpm's `rpmvercmp` (rpmio/rpmvercmp.c, rpm ≥ 4.15): segments of digits or ASCII letters,
 * anything else separates; `~` sorts before everything (even the end), `^` after the end but
 * before any further segment; digit segments beat letter segments; numbers compare numerically.
 */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSeparator(a[i] ?? '')) i++;
    while (j < b.length && isSeparator(b[j] ?? '')) j++;
    const at = a[i];
    const bt = b[j];
    if (at === '~' || bt === '~') {
      if (at !== bt) return at === '~' ? -1 : 1;
      i++;
      j++;
      continue;
    }
    if (at === '^' || bt === '^') {
      if (at === bt) {
        i++;
        j++;
        continue;
      }
      if (at === '^') return j >= b.length ? 1 : -1;
      return i >= a.length ? -1 : 1;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = isDigit(at ?? '');
    const take = numeric ? isDigit : isLetter;
    const startA = i;
    const startB = j;
    while (i < a.length && take(a[i] ?? '')) i++;
    while (j < b.length && take(b[j] ?? '')) j++;
    const segA = a.slice(startA, i);
    const segB = b.slice(startB, j);
    // A numeric segment is newer than an alphabetic one.
    if (segB === '') return numeric ? 1 : -1;
    const diff = numeric ? compareDigitStrings(segA, segB) : compareStrings(segA, segB);
    if (diff !== 0) return diff;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA > restB ? 1 : -1;
}
