import type { ReadContext, DocumentPath } from './read-context.js';
import { TypedField, type JsonObject } from './typed-field.js';

/**
 * Folds a CycloneDX `licenses` choice into one SPDX expression. Each entry is an SPDX id,
 * a free-text name (kept as `LicenseRef-<name>`, SPDX 2.3 annex D's form for licenses off
 * the list), or an `expression`; several entries are ANDed, since CycloneDX lists every
 * license that applies. 1.6 entries acknowledged as `concluded` win over `declared` ones.
 */
export function readCycloneDxLicenses(context: ReadContext, owner: JsonObject, path: DocumentPath): string | undefined {
  const entries = TypedField.objects(context, owner, 'licenses', path).map(({ item, path: itemPath }) =>
    readEntry(context, item, itemPath),
  );
  const concluded = entries.filter((e) => e.acknowledgement === 'concluded');
  const chosen = (concluded.length > 0 ? concluded : entries).flatMap((e) =>
    e.expression === undefined ? [] : [e.expression],
  );
  const unique = [...new Set(chosen)];
  if (unique.length <= 1) return unique[0];
  return unique.map((e) => (/\s/.test(e) ? `(${e})` : e)).join(' AND ');
}

interface LicenseEntry {
  readonly expression?: string;
  readonly acknowledgement?: string;
}

function readEntry(context: ReadContext, item: JsonObject, path: DocumentPath): LicenseEntry {
  const expression = TypedField.string(context, item, 'expression', path)?.trim();
  if (expression !== undefined) {
    return { expression, acknowledgement: TypedField.string(context, item, 'acknowledgement', path) };
  }
  const license = TypedField.object(context, item, 'license', path);
  if (license === undefined) return {};
  const licensePath = [...path, 'license'];
  const id = TypedField.string(context, license, 'id', licensePath)?.trim();
  const name = TypedField.string(context, license, 'name', licensePath)?.trim();
  const acknowledgement = TypedField.string(context, license, 'acknowledgement', licensePath);
  if (id !== undefined && id !== '') return { expression: id, acknowledgement };
  if (name !== undefined && name !== '') return { expression: licenseRefFor(name), acknowledgement };
  return {};
}

/** `LicenseRef-` + the name with every character outside SPDX idstring (`[A-Za-z0-9.-]`) as `-`. */
export function licenseRefFor(name: string): string {
  return `LicenseRef-${name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed'}`;
}
