import { AppError } from './app-error.js';

/**
 * Percent-encoding of one purl component (or one segment of a namespace, name or subpath).
 * Implements purl-spec "Character encoding": the Alphanumeric and Punctuation characters
 * (`A-Z a-z 0-9 . - _ ~`) and the colon `:` are never encoded; every other character is
 * written as UTF-8 octets in `%XX` triplets (upper-case hex, RFC 3986 §2.1).
 */
export function encodePurlComponent(value: string): string {
  let out = '';
  for (const char of value) {
    if (/^[A-Za-z0-9._~:-]$/.test(char)) {
      out += char;
      continue;
    }
    for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * Decodes `%XX` triplets as UTF-8. `+` is a literal plus (a purl is not form-encoded).
 * A malformed triplet or invalid UTF-8 is refused with `invalid-purl`, naming the component.
 */
export function decodePurlComponent(value: string, component: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError('invalid-purl', `malformed percent-encoding in ${component} '${value}'`);
  }
}

const utf8 = new TextEncoder();
