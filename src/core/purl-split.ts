import { AppError } from './app-error.js';
import type { PurlComponents } from './purl.js';
import { decodePurlComponent } from './purl-encoding.js';
import { purlTypeRule } from './purl-type-rule.js';

/**
 * Splits a purl string into decoded components (purl-spec "How to parse a purl string"):
 * subpath from the right on '#', qualifiers from the right on '?', the scheme up to ':', then
 * the type up to the first '/', the version after the last '@' of the last path segment (so an
 * unencoded npm scope `@babel/core` is not a version), and the namespace segments before it.
 */
export function splitPurl(text: string): PurlComponents {
  if (typeof text !== 'string' || text === '') throw new AppError('invalid-purl', 'empty purl');
  let rest = text;
  let subpath: string | undefined;
  const hash = rest.lastIndexOf('#');
  if (hash >= 0) {
    subpath = decodeSegments(rest.slice(hash + 1), 'subpath').join('/');
    rest = rest.slice(0, hash);
  }
  let qualifiers: Record<string, string> = {};
  const question = rest.lastIndexOf('?');
  if (question >= 0) {
    qualifiers = splitQualifiers(rest.slice(question + 1));
    rest = rest.slice(0, question);
  }
  const colon = rest.indexOf(':');
  if (colon < 0 || rest.slice(0, colon).toLowerCase() !== 'pkg')
    throw new AppError('invalid-purl', "the scheme must be 'pkg:'");
  // purl-spec Scheme: slashes after 'pkg:' are not significant.
  rest = rest.slice(colon + 1).replace(/^\/+/, '');
  const slash = rest.indexOf('/');
  if (slash < 0)
    throw new AppError('invalid-purl', `'${rest}' is not followed by '/name': a type and a name are required`);
  const type = rest.slice(0, slash);
  const path = rest
    .slice(slash + 1)
    .replace(/\/+$/, '')
    .split('/');
  const last = path.pop() ?? '';
  const at = last.lastIndexOf('@');
  const version = at >= 0 ? decodePurlComponent(last.slice(at + 1), 'version') : undefined;
  const name = decodePurlComponent(at >= 0 ? last.slice(0, at) : last, 'name');
  const namespace = decodeSegments(path.join('/'), 'namespace');
  if (purlTypeRule(type.toLowerCase()).nameIsPath === true && namespace.length > 1) {
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

function splitQualifiers(text: string): Record<string, string> {
  const qualifiers: Record<string, string> = {};
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new AppError('invalid-purl', `qualifier '${pair}' is not a key=value pair`);
    const key = pair.slice(0, equals);
    // Keys are case-insensitive: a repeated key in another case is still a duplicate.
    if (Object.keys(qualifiers).some((k) => k.toLowerCase() === key.toLowerCase())) {
      throw new AppError('invalid-purl', `qualifier key '${key}' appears more than once`);
    }
    qualifiers[key] = decodePurlComponent(pair.slice(equals + 1), `qualifier '${key}'`);
  }
  return qualifiers;
}

/** Decodes each non-empty '/'-separated segment; a decoded segment may not contain '/'. */
function decodeSegments(text: string, component: string): string[] {
  return text
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      const decoded = decodePurlComponent(segment, component);
      if (decoded.includes('/'))
        throw new AppError('invalid-purl', `${component} segment '${segment}' contains an encoded '/'`);
      return decoded;
    });
}
