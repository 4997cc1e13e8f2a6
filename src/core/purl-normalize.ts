import { AppError } from './app-error.js';
import type { Purl, PurlComponents, PurlOptions } from './purl.js';
import { purlTypeRule, type PurlTypeRule } from './purl-type-rule.js';

/**
 * Validates decoded purl components and brings them to canonical form: the generic rules of
 * purl-spec "Rules for each purl component" first, then the rules of the type.
 * Throws `invalid-purl` naming the component and the reason.
 */
export function normalizePurl(input: PurlComponents, options: PurlOptions = {}): Purl {
  const type = normalizeType(input.type);
  const rule = purlTypeRule(type);
  let purl: Purl = {
    type,
    ...optional('namespace', segments(input.namespace).join('/')),
    name: normalizeName(input.name),
    ...optional('version', input.version ?? ''),
    qualifiers: normalizeQualifiers(input.qualifiers ?? {}, options),
    ...optional('subpath', normalizeSubpath(input.subpath ?? '', options)),
  };
  purl = applyTypeRule(purl, rule);
  const problem = checkTypeRule(purl, rule);
  if (problem !== undefined) throw new AppError('invalid-purl', problem);
  return purl;
}

function normalizeType(type: string | null | undefined): string {
  if (type === undefined || type === null || type === '') throw new AppError('invalid-purl', 'purl type is required');
  // purl-spec Type: ASCII letters, digits, '.' and '-', starting with a letter; case-insensitive.
  if (!/^[A-Za-z][A-Za-z0-9.-]*$/.test(type)) {
    throw new AppError(
      'invalid-purl',
      `purl type '${type}' must start with a letter and contain only letters, digits, '.' and '-'`,
    );
  }
  return type.toLowerCase();
}

function normalizeName(name: string | null | undefined): string {
  // purl-spec Name: leading and trailing slashes are not significant.
  const trimmed = (name ?? '').replace(/^\/+|\/+$/g, '');
  if (trimmed === '') throw new AppError('invalid-purl', 'purl name is required');
  return trimmed;
}

function normalizeQualifiers(
  qualifiers: Readonly<Record<string, string | null | undefined>>,
  options: PurlOptions,
): Record<string, string> {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  for (const [rawKey, rawValue] of Object.entries(qualifiers)) {
    const key = rawKey.toLowerCase();
    // purl-spec Qualifiers: keys are lower-case ASCII letters, digits, '.', '-', '_', starting with a letter.
    if (!/^[a-z][a-z0-9._-]*$/.test(key)) {
      throw new AppError(
        'invalid-purl',
        `qualifier key '${rawKey}' must start with a letter and contain only letters, digits, '.', '-' and '_'`,
      );
    }
    if (options.strict === true && key !== rawKey)
      throw new AppError('invalid-purl', `qualifier key '${rawKey}' must be lower-case`);
    if (seen.has(key)) throw new AppError('invalid-purl', `qualifier key '${key}' appears more than once`);
    seen.add(key);
    // An empty value is the same as an absent key.
    if (rawValue === undefined || rawValue === null || rawValue === '') continue;
    // Known qualifier `checksum`: items are `lowercase_algorithm:lowercase_hex`.
    entries.push([key, key === 'checksum' || key === 'checksums' ? rawValue.toLowerCase() : rawValue]);
  }
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

function normalizeSubpath(subpath: string, options: PurlOptions): string {
  const kept: string[] = [];
  for (const segment of segments(subpath)) {
    // purl-spec Subpath: a segment shall not be '.' or '..'; lenient parsing drops them.
    if (segment === '.' || segment === '..') {
      if (options.strict === true) throw new AppError('invalid-purl', `subpath segment '${segment}' is not allowed`);
      continue;
    }
    kept.push(segment);
  }
  return kept.join('/');
}

function applyTypeRule(purl: Purl, rule: PurlTypeRule): Purl {
  let out = purl;
  for (const component of rule.lowercase ?? []) {
    const value = out[component];
    if (value !== undefined) out = { ...out, [component]: value.toLowerCase() };
  }
  return rule.normalize === undefined ? out : rule.normalize(out);
}

function checkTypeRule(purl: Purl, rule: PurlTypeRule): string | undefined {
  const where = `purl type '${purl.type}'`;
  if (rule.namespace === 'required' && purl.namespace === undefined) return `${where} requires a namespace`;
  if (rule.namespace === 'prohibited' && purl.namespace !== undefined)
    return `${where} does not allow a namespace ('${purl.namespace}')`;
  if (rule.namePattern !== undefined && !rule.namePattern.test(purl.name))
    return `${where}: name '${purl.name}' has characters or a length that are not permitted`;
  if (rule.versionPattern !== undefined && purl.version !== undefined && !rule.versionPattern.test(purl.version)) {
    return `${where}: version '${purl.version}' has characters that are not permitted`;
  }
  const missing = (rule.requiredQualifiers ?? []).filter((key) => purl.qualifiers[key] === undefined);
  if (missing.length > 0) return `${where} requires the qualifier(s) ${missing.join(', ')}`;
  return rule.check?.(purl);
}

/** Non-empty slash-separated segments (leading, trailing and doubled slashes are not significant). */
function segments(value: string | null | undefined): string[] {
  return (value ?? '').split('/').filter((segment) => segment !== '');
}

function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  return value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
