import { AppError } from './app-error.js';
import type { Purl, PurlComponents, PurlOptions } from './purl.js';
import { purlTypeRule, type PurlFoldedComponent, type PurlTypeRule } from './purl-type-rule.js';

/**
 * Validates decoded purl components and brings them to canonical form: the generic rules of
 * purl-spec "Rules for each purl component" first, then the rules of the type.
 * Throws `invalid-purl` naming the component and the reason.
 * Each step returns its input untouched when it is already canonical (the common case), and the
 * result is built once, in the key order type, namespace, name, version, qualifiers, subpath.
 */
export function normalizePurl(input: PurlComponents, options: PurlOptions = {}): Purl {
  const type = normalizeType(input.type);
  const rule = purlTypeRule(type);
  const lowercase = rule.lowercase;
  const namespace = folded(segments(input.namespace), 'namespace', lowercase);
  const name = folded(normalizeName(input.name), 'name', lowercase);
  const version = folded(input.version ?? '', 'version', lowercase);
  const qualifiers = normalizeQualifiers(input.qualifiers, options);
  const subpath = folded(normalizeSubpath(input.subpath ?? '', options), 'subpath', lowercase);
  const built: { -readonly [K in keyof Purl]: Purl[K] } = { type } as Purl;
  if (namespace !== '') built.namespace = namespace;
  built.name = name;
  if (version !== '') built.version = version;
  built.qualifiers = qualifiers;
  if (subpath !== '') built.subpath = subpath;
  const purl = rule.normalize === undefined ? built : rule.normalize(built);
  const problem = checkTypeRule(purl, rule);
  if (problem !== undefined) throw new AppError('invalid-purl', problem);
  return purl;
}

/** The value lower-cased when the type folds this component's case. */
function folded(
  value: string,
  component: PurlFoldedComponent,
  lowercase: readonly PurlFoldedComponent[] | undefined,
): string {
  return value !== '' && lowercase !== undefined && lowercase.includes(component) ? value.toLowerCase() : value;
}

const slash = 0x2f;
const dot = 0x2e;
const hyphen = 0x2d;
const underscore = 0x5f;

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function normalizeType(type: string | null | undefined): string {
  if (type === undefined || type === null || type === '') throw new AppError('invalid-purl', 'purl type is required');
  // purl-spec Type: ASCII letters, digits, '.' and '-', starting with a letter; case-insensitive.
  let valid = isAsciiLetter(type.charCodeAt(0));
  for (let i = 1; valid && i < type.length; i++) {
    const code = type.charCodeAt(i);
    valid = isAsciiLetter(code) || isAsciiDigit(code) || code === dot || code === hyphen;
  }
  if (!valid) {
    throw new AppError(
      'invalid-purl',
      `purl type '${type}' must start with a letter and contain only letters, digits, '.' and '-'`,
    );
  }
  return type.toLowerCase();
}

function normalizeName(name: string | null | undefined): string {
  // purl-spec Name: leading and trailing slashes are not significant.
  const value = name ?? '';
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) === slash) start++;
  while (end > start && value.charCodeAt(end - 1) === slash) end--;
  if (start === end) throw new AppError('invalid-purl', 'purl name is required');
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** purl-spec Qualifiers: keys are lower-case ASCII letters, digits, '.', '-', '_', starting with a letter. */
function isQualifierKey(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!(first >= 0x61 && first <= 0x7a)) return false;
  for (let i = 1; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (!(
      (code >= 0x61 && code <= 0x7a) ||
      isAsciiDigit(code) ||
      code === dot ||
      code === hyphen ||
      code === underscore
    ))
      return false;
  }
  return true;
}

function normalizeQualifiers(
  qualifiers: Readonly<Record<string, string | null | undefined>> | null | undefined,
  options: PurlOptions,
): Record<string, string> {
  const entries: [string, string][] = [];
  if (qualifiers === undefined || qualifiers === null) return {};
  // Keys seen so far; purls carry a handful of qualifiers, so a list beats a Set here.
  const seen: string[] = [];
  for (const rawKey of Object.keys(qualifiers)) {
    const rawValue = qualifiers[rawKey];
    const key = rawKey.toLowerCase();
    if (!isQualifierKey(key)) {
      throw new AppError(
        'invalid-purl',
        `qualifier key '${rawKey}' must start with a letter and contain only letters, digits, '.', '-' and '_'`,
      );
    }
    if (options.strict === true && key !== rawKey)
      throw new AppError('invalid-purl', `qualifier key '${rawKey}' must be lower-case`);
    if (seen.includes(key)) throw new AppError('invalid-purl', `qualifier key '${key}' appears more than once`);
    seen.push(key);
    // An empty value is the same as an absent key.
    if (rawValue === undefined || rawValue === null || rawValue === '') continue;
    // Known qualifier `checksum`: items are `lowercase_algorithm:lowercase_hex`.
    entries.push([key, key === 'checksum' || key === 'checksums' ? rawValue.toLowerCase() : rawValue]);
  }
  if (entries.length > 1) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, string> = {};
  for (const [key, value] of entries) out[key] = value;
  return out;
}

function normalizeSubpath(subpath: string, options: PurlOptions): string {
  // Without '.' there is no '.' or '..' segment to drop.
  if (!subpath.includes('.')) return segments(subpath);
  const kept: string[] = [];
  for (const segment of subpath.split('/')) {
    if (segment === '') continue;
    // purl-spec Subpath: a segment shall not be '.' or '..'; lenient parsing drops them.
    if (segment === '.' || segment === '..') {
      if (options.strict === true) throw new AppError('invalid-purl', `subpath segment '${segment}' is not allowed`);
      continue;
    }
    kept.push(segment);
  }
  return kept.join('/');
}

function checkTypeRule(purl: Purl, rule: PurlTypeRule): string | undefined {
  if (rule.namespace === 'required' && purl.namespace === undefined)
    return `purl type '${purl.type}' requires a namespace`;
  if (rule.namespace === 'prohibited' && purl.namespace !== undefined)
    return `purl type '${purl.type}' does not allow a namespace ('${purl.namespace}')`;
  if (rule.namePattern !== undefined && !rule.namePattern.test(purl.name))
    return `purl type '${purl.type}': name '${purl.name}' has characters or a length that are not permitted`;
  if (rule.versionPattern !== undefined && purl.version !== undefined && !rule.versionPattern.test(purl.version)) {
    return `purl type '${purl.type}': version '${purl.version}' has characters that are not permitted`;
  }
  if (rule.requiredQualifiers !== undefined) {
    const missing = rule.requiredQualifiers.filter((key) => purl.qualifiers[key] === undefined);
    if (missing.length > 0) return `purl type '${purl.type}' requires the qualifier(s) ${missing.join(', ')}`;
  }
  return rule.check?.(purl);
}

/**
 * Non-empty slash-separated segments joined by '/' (leading, trailing and doubled slashes are
 * not significant); a value without such slashes is returned as it is.
 */
function segments(value: string | null | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  if (value.charCodeAt(0) !== slash && value.charCodeAt(value.length - 1) !== slash && !value.includes('//'))
    return value;
  return value
    .split('/')
    .filter((segment) => segment !== '')
    .join('/');
}
