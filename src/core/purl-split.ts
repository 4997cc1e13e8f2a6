import { AppError } from './app-error.js';
import type { PurlComponents } from './purl.js';
import { decodePurlComponent } from './purl-encoding.js';
import { purlTypeRule } from './purl-type-rule.js';

/**
 * Splits a purl string into decoded components (purl-spec "How to parse a purl string"):
 * subpath from the right on '#', qualifiers from the right on '?', the scheme up to ':', then
 * the type up to the first '/', the version after the last '@' of the last path segment (so an
 * unencoded npm scope `@babel/core` is not a version), and the namespace segments before it.
 * Written with index scans rather than regexes and split/join: it runs once per SBOM component.
 */
export function splitPurl(text: string): PurlComponents {
  if (typeof text !== 'string' || text === '') throw new AppError('invalid-purl', 'empty purl');
  let rest = text;
  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    subpath = decodeSegments(rest.slice(hash + 1), 'subpath');
    rest = rest.slice(0, hash);
  }
  let qualifiers: Record<string, string> | undefined;
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    qualifiers = splitQualifiers(rest.slice(question + 1));
    rest = rest.slice(0, question);
  }
  const colon = rest.indexOf(':');
  if (colon < 0 || (!rest.startsWith('pkg:') && rest.slice(0, colon).toLowerCase() !== 'pkg'))
    throw new AppError('invalid-purl', "the scheme must be 'pkg:'");
  // purl-spec Scheme: slashes after 'pkg:' are not significant.
  let start = colon + 1;
  while (rest.charCodeAt(start) === slashCode) start++;
  const slash = rest.indexOf('/', start);
  if (slash < 0)
    throw new AppError(
      'invalid-purl',
      `'${rest.slice(start)}' is not followed by '/name': a type and a name are required`,
    );
  const type = rest.slice(start, slash);
  let end = rest.length;
  while (end > slash + 1 && rest.charCodeAt(end - 1) === slashCode) end--;
  const lastSlash = rest.lastIndexOf('/', end - 1);
  const last = rest.slice(lastSlash + 1, end);
  const at = last.lastIndexOf('@');
  const version = at >= 0 ? decodePurlComponent(last.slice(at + 1), 'version') : undefined;
  const name = decodePurlComponent(at >= 0 ? last.slice(0, at) : last, 'name');
  const namespaceText = lastSlash > slash ? rest.slice(slash + 1, lastSlash) : '';
  if (purlTypeRule(type.toLowerCase()).nameIsPath === true) {
    const namespace = decodeSegmentList(namespaceText, 'namespace');
    if (namespace.length > 1) {
      return {
        type,
        namespace: namespace[0],
        name: [...namespace.slice(1), name].join('/'),
        version,
        qualifiers,
        subpath,
      };
    }
    return { type, namespace: namespace.join('/'), name, version, qualifiers, subpath };
  }
  return { type, namespace: decodeSegments(namespaceText, 'namespace'), name, version, qualifiers, subpath };
}

const slashCode = 0x2f;

/**
 * Key=value pairs in order of appearance. The record has no prototype, so a key such as
 * `__proto__` stays an ordinary entry (and is then refused by the key grammar).
 */
function splitQualifiers(text: string): Record<string, string> {
  const qualifiers = Object.create(null) as Record<string, string>;
  const seen: string[] = [];
  let start = 0;
  while (start <= text.length) {
    let ampersand = text.indexOf('&', start);
    if (ampersand < 0) ampersand = text.length;
    const pair = text.slice(start, ampersand);
    start = ampersand + 1;
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new AppError('invalid-purl', `qualifier '${pair}' is not a key=value pair`);
    const key = pair.slice(0, equals);
    // Keys are case-insensitive: a repeated key in another case is still a duplicate.
    const folded = key.toLowerCase();
    if (seen.includes(folded)) throw new AppError('invalid-purl', `qualifier key '${key}' appears more than once`);
    seen.push(folded);
    qualifiers[key] = decodePurlComponent(pair.slice(equals + 1), `qualifier '${key}'`);
  }
  return qualifiers;
}

/**
 * The decoded non-empty '/'-separated segments, joined by '/'. Without '%' nothing decodes, so
 * text already free of empty segments is returned as it is.
 */
function decodeSegments(text: string, component: string): string {
  if (
    !text.includes('%') &&
    !text.includes('//') &&
    text.charCodeAt(0) !== slashCode &&
    text.charCodeAt(text.length - 1) !== slashCode
  )
    return text;
  return decodeSegmentList(text, component).join('/');
}

/** Decodes each non-empty '/'-separated segment; a decoded segment may not contain '/'. */
function decodeSegmentList(text: string, component: string): string[] {
  const decoded: string[] = [];
  for (const segment of text.split('/')) {
    if (segment === '') continue;
    const value = decodePurlComponent(segment, component);
    if (value.includes('/'))
      throw new AppError('invalid-purl', `${component} segment '${segment}' contains an encoded '/'`);
    decoded.push(value);
  }
  return decoded;
}
