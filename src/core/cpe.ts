import { AppError, isAppError } from './app-error.js';
import { unbindCpeUri } from './cpe-uri.js';
import { cpeAttributes, checkCpeValue } from './cpe-value.js';

/**
 * A CPE 2.3 name (NISTIR 7695). Each attribute holds its formatted-string binding: `*` is ANY,
 * `-` is NA, special characters are backslash-quoted (`c\+\+`), and an unquoted leading or
 * trailing `*` / `?` is a wildcard.
 */
export interface Cpe {
  /** `a` application, `o` operating system, `h` hardware (or `*`/`-`). */
  readonly part: string;
  readonly vendor: string;
  readonly product: string;
  readonly version: string;
  readonly update: string;
  readonly edition: string;
  readonly language: string;
  readonly swEdition: string;
  readonly targetSw: string;
  readonly targetHw: string;
  readonly other: string;
}

/** Parse CPE 2.3 formatted strings and CPE 2.2 URIs; always print CPE 2.3 formatted strings. */
export const Cpe = {
  /** Parses `cpe:2.3:…` (NISTIR 7695 §6.2) or a CPE 2.2 URI `cpe:/…` (§6.1); throws `invalid-cpe`. */
  parse(text: string): Cpe {
    if (typeof text !== 'string') throw new AppError('invalid-cpe', 'a CPE must be a string');
    if (/^cpe:\//i.test(text)) return unbindCpeUri(text);
    if (/^cpe:2\.3:/i.test(text)) return parseFormattedString(text);
    throw new AppError(
      'invalid-cpe',
      `'${text}' is not a CPE: expected a 'cpe:2.3:' formatted string or a 'cpe:/' URI`,
    );
  },

  /** Like `parse`, but undefined instead of an error. */
  tryParse(text: string): Cpe | undefined {
    try {
      return Cpe.parse(text);
    } catch (error) {
      if (isAppError(error)) return undefined;
      throw error;
    }
  },

  /** The CPE 2.3 formatted string (NISTIR 7695 §6.2.2); throws `invalid-cpe` for a bad value. */
  format(cpe: Cpe): string {
    return `cpe:2.3:${cpeAttributes.map((attribute) => checkCpeValue(cpe[attribute], attribute)).join(':')}`;
  },

  /**
   * Any CPE (2.3 formatted string or 2.2 URI) as a lower-case 2.3 formatted string: the form of
   * the NVD dictionary, so equal names compare equal as strings.
   */
  normalize(text: string): string {
    return Cpe.format(Cpe.parse(text)).toLowerCase();
  },
};

/** Splits on the colons that are not backslash-quoted and checks every attribute (§6.2.3). */
function parseFormattedString(text: string): Cpe {
  const fields: string[] = [];
  let current = '';
  for (let i = 'cpe:2.3:'.length; i < text.length; i += 1) {
    const c = text.charAt(i);
    if (c === '\\') {
      current += c + text.charAt(i + 1);
      i += 1;
    } else if (c === ':') {
      fields.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  fields.push(current);
  if (fields.length !== cpeAttributes.length) {
    throw new AppError(
      'invalid-cpe',
      `CPE '${text}' has ${fields.length} attributes after 'cpe:2.3:'; a formatted string has exactly 11`,
    );
  }
  const value = (index: number): string => {
    const attribute = cpeAttributes[index] ?? 'other';
    try {
      return checkCpeValue(fields[index] ?? '', attribute);
    } catch (error) {
      if (isAppError(error))
        throw new AppError('invalid-cpe', `invalid CPE '${text}': ${error.message}`, { cause: error });
      throw error;
    }
  };
  return {
    part: value(0).toLowerCase(),
    vendor: value(1),
    product: value(2),
    version: value(3),
    update: value(4),
    edition: value(5),
    language: value(6),
    swEdition: value(7),
    targetSw: value(8),
    targetHw: value(9),
    other: value(10),
  };
}
