import { AppError } from './app-error.js';
import type { Cpe } from './cpe.js';
import { checkCpeValue, isPunctuation, type CpeAttribute } from './cpe-value.js';

/** URI components after `cpe:/`, in order (CPE 2.2 / NISTIR 7695 §6.1.2). */
const uriAttributes = ['part', 'vendor', 'product', 'version', 'update', 'edition', 'language'] as const;

/** The extended attributes packed into the URI edition as `~edition~sw_edition~target_sw~target_hw~other`. */
const packedAttributes = ['edition', 'swEdition', 'targetSw', 'targetHw', 'other'] as const;

/**
 * Unbinds a CPE 2.2 URI (`cpe:/a:vendor:product:…`) to attribute values in formatted-string
 * form. Implements NISTIR 7695 §6.1.3: components are lower-cased and percent-decoded, `%01`
 * and `%02` become the `?` and `*` wildcards, every other special character is quoted, and an
 * edition starting with `~` is unpacked into the five extended attributes (§6.1.3.3).
 *
 * One deliberate difference: §6.1.3.2 reads every empty component as ANY, but the NVD's official
 * 2.2 → 2.3 dictionary mapping reads an empty component that is followed by a non-empty one
 * as NA (`cpe:/o:microsoft:windows_xp::sp2` → version `-`). Vulnerability data is matched against
 * the NVD, so we follow the NVD; trailing omitted components are ANY either way.
 */
export function unbindCpeUri(uri: string): Cpe {
  const components = uri.slice('cpe:/'.length).split(':');
  if (components.length > uriAttributes.length) {
    throw new AppError(
      'invalid-cpe',
      `CPE URI '${uri}' has ${components.length} components; at most 7 (part to language) are allowed`,
    );
  }
  const values: Partial<Record<CpeAttribute, string>> = {};
  uriAttributes.forEach((attribute, index) => {
    const raw = components[index] ?? '';
    if (attribute === 'edition' && raw.startsWith('~')) {
      Object.assign(values, unpackEdition(raw, uri));
      return;
    }
    const laterPresent = components.slice(index + 1).some((c) => c !== '');
    values[attribute] = raw === '' && attribute !== 'part' && laterPresent ? '-' : decodeUriValue(raw, attribute);
  });
  const value = (attribute: CpeAttribute): string => values[attribute] ?? '*';
  return {
    part: value('part'),
    vendor: value('vendor'),
    product: value('product'),
    version: value('version'),
    update: value('update'),
    edition: value('edition'),
    language: value('language'),
    swEdition: value('swEdition'),
    targetSw: value('targetSw'),
    targetHw: value('targetHw'),
    other: value('other'),
  };
}

function unpackEdition(packed: string, uri: string): Partial<Record<CpeAttribute, string>> {
  const fields = packed.slice(1).split('~');
  if (fields.length !== packedAttributes.length) {
    throw new AppError(
      'invalid-cpe',
      `CPE URI '${uri}': packed edition '${packed}' must have 5 '~'-separated fields, found ${fields.length}`,
    );
  }
  return Object.fromEntries(
    packedAttributes.map((attribute, i) => [attribute, decodeUriValue(fields[i] ?? '', attribute)]),
  );
}

/** NISTIR 7695 §6.1.3.2 `decode`, producing the formatted-string binding of the value. */
function decodeUriValue(raw: string, attribute: CpeAttribute): string {
  if (raw === '') return '*';
  if (raw === '-') return '-';
  const text = raw.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c !== '%') {
      out += quote(c, raw, attribute);
      continue;
    }
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9a-f]{2}$/.test(hex))
      throw new AppError('invalid-cpe', `CPE ${attribute} '${raw}' has a malformed percent-encoding`);
    i += 2;
    // %01 and %02 are the URI spellings of the unquoted wildcards ? and *.
    if (hex === '01') out += '?';
    else if (hex === '02') out += '*';
    else out += quote(String.fromCharCode(parseInt(hex, 16)).toLowerCase(), raw, attribute);
  }
  return checkCpeValue(out, attribute);
}

function quote(c: string, raw: string, attribute: CpeAttribute): string {
  if (/[a-z0-9._-]/.test(c)) return c;
  if (isPunctuation(c)) return `\\${c}`;
  throw new AppError('invalid-cpe', `CPE ${attribute} '${raw}' contains a character that is not allowed in a CPE name`);
}
