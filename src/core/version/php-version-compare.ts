import { compareDigitStrings } from './numeric-string.js';

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlnum = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/**
 * PHP's `php_canonicalize_version` (ext/standard/versioning.c): `-`, `_`, `+` and other
 * non-alphanumerics become `.`, and a `.` is inserted at every digit/non-digit boundary.
 */
export function canonicalizePhpVersion(version: string): string {
  if (version === '') return '';
  let out = version[0] ?? '';
  let previous = out;
  for (const c of version.slice(1)) {
    const last = out[out.length - 1];
    const boundary =
      (isDigit(previous) && !isDigit(c) && c !== '.') || (!isDigit(previous) && previous !== '.' && isDigit(c));
    if (c === '-' || c === '_' || c === '+' || (!isAlnum(c) && !boundary)) {
      if (last !== '.') out += '.';
    } else if (boundary) {
      if (last !== '.') out += '.';
      out += c;
    } else {
      out += c;
    }
    previous = c;
  }
  return out;
}

/** PHP's special forms by prefix, in PHP's lookup order; anything else ranks lowest (-1). */
const specialForms: readonly (readonly [string, number])[] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

function specialRank(form: string): number {
  for (const [name, rank] of specialForms) if (form.startsWith(name)) return rank;
  return -1;
}

function compareSpecial(a: string, b: string): number {
  return Math.sign(specialRank(a) - specialRank(b));
}

/** PHP `version_compare($a, $b)` on already canonical versions (`#N#` stands for "a number"). */
export function comparePhpCanonical(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xNum = isDigit(x[0] ?? '');
    const yNum = isDigit(y[0] ?? '');
    let diff: number;
    if (xNum && yNum) diff = compareDigitStrings(/^[0-9]*/.exec(x)?.[0] ?? '', /^[0-9]*/.exec(y)?.[0] ?? '');
    else if (!xNum && !yNum) diff = compareSpecial(x, y);
    else diff = xNum ? compareSpecial('#N#', y) : compareSpecial(x, '#N#');
    if (diff !== 0) return diff;
  }
  if (a.length > shared) return isDigit(a[shared]?.[0] ?? '') ? 1 : comparePhpCanonical(a.slice(shared), ['#N#']);
  if (b.length > shared) return isDigit(b[shared]?.[0] ?? '') ? -1 : comparePhpCanonical(['#N#'], b.slice(shared));
  return 0;
}
