import { AppError } from './app-error.js';

/**
 * Percent-encoding of one purl component (or one segment of a namespace, name or subpath).
 * Implements purl-spec "Character encoding": the Alphanumeric and Punctuation characters
 * (`A-Z a-z 0-9 . - _ ~`) and the colon `:` are never encoded; every other character is
 * written as UTF-8 octets in `%XX` triplets (upper-case hex, RFC 3986 §2.1).
 */
export function encodePurlComponent(value: string): string {
  return encodeFrom(value, unencodedPrefix(value, false));
}

/**
 * Encodes each '/'-separated segment of a namespace, name or subpath and keeps the slashes;
 * equal to splitting on '/', encoding each segment and joining again.
 */
export function encodePurlSegments(value: string): string {
  const clean = unencodedPrefix(value, true);
  if (clean === value.length) return value;
  return value
    .split('/')
    .map((segment) => encodeFrom(segment, unencodedPrefix(segment, false)))
    .join('/');
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

/** `%XX` for every octet, upper-case hex. */
const octets = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);

/** 1 for the ASCII characters written as they are, by char code. */
const unencoded = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~:-') {
  unencoded[char.charCodeAt(0)] = 1;
}
const slash = 0x2f;

/** Length of the leading run that needs no encoding (optionally counting '/' as such). */
function unencodedPrefix(value: string, slashes: boolean): number {
  const length = value.length;
  let i = 0;
  while (i < length) {
    const code = value.charCodeAt(i);
    if (code >= 128 || (unencoded[code] === 0 && !(slashes && code === slash))) break;
    i++;
  }
  return i;
}

/** Encodes `value` from index `start`, everything before it being known not to need encoding. */
function encodeFrom(value: string, start: number): string {
  const length = value.length;
  if (start === length) return value;
  let out = value.slice(0, start);
  let i = start;
  while (i < length) {
    const code = value.charCodeAt(i);
    if (code < 128) {
      out += unencoded[code] === 1 ? value.charAt(i) : (octets[code] ?? '');
      i++;
      continue;
    }
    // One code point (a surrogate pair, or a lone surrogate that TextEncoder writes as U+FFFD).
    const width = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    for (const byte of utf8.encode(value.slice(i, i + width))) out += octets[byte] ?? '';
    i += width;
  }
  return out;
}

const utf8 = new TextEncoder();
