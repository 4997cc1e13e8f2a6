import { AppError } from './app-error.js';

/** The attribute names of a CPE 2.3 name in formatted-string order (NISTIR 7695 §6.2.2). */
export const cpeAttributes = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'swEdition',
  'targetSw',
  'targetHw',
  'other',
] as const;

export type CpeAttribute = (typeof cpeAttributes)[number];

/**
 * Checks one attribute value in formatted-string binding and returns it in normal form.
 * Implements NISTIR 7695 §6.2 (formatted string binding) and the CPE 2.3 schema pattern:
 * `*` is ANY, `-` is NA; otherwise letters, digits, `.`, `-`, `_` and backslash-quoted
 * punctuation, with an unquoted `*` or run of `?` allowed only at the start or the end.
 * Needless quotes of `.`, `-`, `_` are dropped (§6.2.2.2 process_quoted_chars).
 */
export function checkCpeValue(value: string, attribute: CpeAttribute): string {
  if (value === '*' || value === '-') return value;
  const fail = (reason: string): never => {
    throw new AppError('invalid-cpe', `CPE ${attribute} '${value}' ${reason}`);
  };
  if (value === '') fail('is empty (use * for ANY or - for NA)');
  const lead = /^(\*|\?+)/.exec(value)?.[0] ?? '';
  let out = lead;
  let body = 0;
  let i = lead.length;
  while (i < value.length) {
    const c = value.charAt(i);
    if (c === '\\') {
      const next = value.charAt(i + 1);
      if (!isPunctuation(next))
        fail(next === '' ? 'ends with a lone backslash' : `quotes '${next}', which is not punctuation`);
      out += '.-_'.includes(next) ? next : `\\${next}`;
      i += 2;
    } else if (/[A-Za-z0-9._-]/.test(c)) {
      out += c;
      i += 1;
    } else if (c === '*' || c === '?') {
      const tail = value.slice(i);
      if (!/^(\*|\?+)$/.test(tail)) fail(`has an unquoted wildcard '${c}' inside the value`);
      out += tail;
      break;
    } else {
      fail(`has the character '${c}', which must be quoted with '\\' (or is not allowed)`);
    }
    body += 1;
  }
  if (body === 0) fail('has wildcards but no value');
  // A value that is just a quoted hyphen must stay quoted, else it would read as NA.
  if (out === '-') out = '\\-';
  if (attribute === 'part' && !/^[aho]$/i.test(out)) fail("must be 'a', 'o', 'h', * or -");
  if (attribute === 'language' && !/^[a-z]{2,3}(-([a-z]{2}|[0-9]{3}))?$/i.test(out))
    fail('is not an RFC 5646 language tag');
  return out;
}

/** Printable ASCII other than letters, digits and whitespace. */
export function isPunctuation(c: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(c);
}
