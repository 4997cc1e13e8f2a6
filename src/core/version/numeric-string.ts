/**
 * Compares two strings of ASCII digits as unbounded non-negative integers (leading zeros
 * ignored), so versions such as `999999999999999999999999999991` order exactly without BigInt.
 */
export function compareDigitStrings(a: string, b: string): number {
  const x = stripLeadingZeros(a);
  const y = stripLeadingZeros(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The digits without leading zeros (`''` for zero). */
export function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}

/** Plain code-unit order, as C `strcmp` and Java `String.compareTo` give for ASCII. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True for a non-empty string of ASCII digits. */
export function isDigits(value: string): boolean {
  return /^[0-9]+$/.test(value);
}
