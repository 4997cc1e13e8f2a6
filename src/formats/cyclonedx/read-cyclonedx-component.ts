import { isAppError } from '../../core/app-error.js';
import { Cpe } from '../../core/cpe.js';
import { Purl } from '../../core/purl.js';
import { newComponent, type Component, type ExternalReference, type Hash, type Property } from '../../core/sbom.js';
import { extractFdaFields } from './fda-properties.js';
import { invalidIdentifierProperty } from './invalid-identifier-property.js';
import { restoreComponentFields, typeFromPreservedComment } from './preserved-properties.js';
import { ReadContext, type DocumentPath } from './read-context.js';
import { readCycloneDxLicenses } from './read-cyclonedx-licenses.js';
import { TypedField, type JsonObject } from './typed-field.js';

/**
 * Reads one CycloneDX component (CycloneDX 1.6 §components) into the neutral model; nested
 * `components` are not followed here (the document reader flattens them). `ref` is the
 * component's bom-ref, or the one generated for it.
 */
export function readCycloneDxComponent(
  context: ReadContext,
  raw: JsonObject,
  path: DocumentPath,
  ref: string,
): Component {
  const field = (key: string): string | undefined => TypedField.string(context, raw, key, path);
  const name = field('name');
  if (name === undefined) ReadContext.warn(context, path, 'component has no name');
  const extracted = extractFdaFields(readProperties(context, raw, path));
  const restored = restoreComponentFields(extracted.properties);
  const properties = [...restored.properties];
  const purl = readIdentifier(context, { raw, path, key: 'purl', normalize: (v) => Purl.canonicalize(v), properties });
  const cpe = readIdentifier(context, { raw, path, key: 'cpe', normalize: (v) => Cpe.normalize(v), properties });
  // Optional fields are set only when present (records compare equal to stored ones); built
  // in place rather than spread from one temporary object per field, as this runs per component.
  const component: Component = newComponent({
    ref,
    name: name ?? '',
    type: restored.type ?? readType(context, raw, path),
  });
  const mutable = component as { -readonly [K in keyof Component]: Component[K] };
  setIfDefined(mutable, 'group', nonEmpty(field('group')));
  setIfDefined(mutable, 'version', nonEmpty(field('version')));
  setIfDefined(mutable, 'supplier', readSupplier(context, raw, path));
  setIfDefined(mutable, 'purl', purl);
  setIfDefined(mutable, 'cpe', cpe);
  mutable.hashes = [...readHashes(context, raw, path), ...restored.hashes];
  setIfDefined(mutable, 'license', readCycloneDxLicenses(context, raw, path));
  setIfDefined(mutable, 'description', nonEmpty(field('description')));
  setIfDefined(mutable, 'copyright', nonEmpty(field('copyright')));
  setIfDefined(mutable, 'levelOfSupport', extracted.levelOfSupport);
  setIfDefined(mutable, 'endOfSupportDate', extracted.endOfSupportDate);
  mutable.externalReferences = readExternalReferences(context, raw, path);
  mutable.properties = properties;
  return component;
}

function setIfDefined<K extends keyof Component>(
  target: { -readonly [P in keyof Component]: Component[P] },
  key: K,
  value: Component[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function readType(context: ReadContext, raw: JsonObject, path: DocumentPath): string {
  const type = nonEmpty(TypedField.string(context, raw, 'type', path));
  if (type !== undefined) return type;
  ReadContext.warn(context, [...path, 'type'], 'component has no type; read as "library"');
  return 'library';
}

/** NTIA "supplier name": `supplier.name`, else the 1.6 `manufacturer.name`. */
function readSupplier(context: ReadContext, raw: JsonObject, path: DocumentPath): string | undefined {
  for (const key of ['supplier', 'manufacturer']) {
    const entity = TypedField.object(context, raw, key, path);
    const name =
      entity === undefined ? undefined : nonEmpty(TypedField.string(context, entity, 'name', [...path, key]));
    if (name !== undefined) return name;
  }
  return undefined;
}

interface IdentifierRead {
  readonly raw: JsonObject;
  readonly path: DocumentPath;
  readonly key: 'purl' | 'cpe';
  readonly normalize: (value: string) => string;
  /** Receives `jointsec:invalidPurl` / `jointsec:invalidCpe` when the value is malformed. */
  readonly properties: Property[];
}

/** A malformed purl or CPE costs the component its identifier, not the document: a warning. */
function readIdentifier(context: ReadContext, read: IdentifierRead): string | undefined {
  const value = TypedField.string(context, read.raw, read.key, read.path);
  if (value === undefined) return undefined;
  try {
    return read.normalize(value.trim());
  } catch (error) {
    if (!isAppError(error)) throw error;
    ReadContext.warn(
      context,
      [...read.path, read.key],
      `${error.message} (kept as property ${invalidIdentifierProperty[read.key]})`,
    );
    read.properties.push({ name: invalidIdentifierProperty[read.key], value });
    return undefined;
  }
}

function readHashes(context: ReadContext, raw: JsonObject, path: DocumentPath): Hash[] {
  return TypedField.objects(context, raw, 'hashes', path).flatMap(({ item, path: itemPath }) => {
    const alg = TypedField.string(context, item, 'alg', itemPath);
    const value = TypedField.string(context, item, 'content', itemPath);
    if (alg === undefined || value === undefined || value.trim() === '') {
      ReadContext.warn(context, itemPath, 'hash without alg or content ignored');
      return [];
    }
    return [{ alg, value: value.trim() }];
  });
}

function readExternalReferences(context: ReadContext, raw: JsonObject, path: DocumentPath): ExternalReference[] {
  return TypedField.objects(context, raw, 'externalReferences', path).flatMap(({ item, path: itemPath }) => {
    const type = TypedField.string(context, item, 'type', itemPath);
    const url = TypedField.string(context, item, 'url', itemPath);
    if (type === undefined || url === undefined) {
      ReadContext.warn(context, itemPath, 'external reference without type or url ignored');
      return [];
    }
    const preservedType =
      type === 'other' ? typeFromPreservedComment(TypedField.string(context, item, 'comment', itemPath)) : undefined;
    return [{ type: preservedType ?? type, url }];
  });
}

function readProperties(context: ReadContext, raw: JsonObject, path: DocumentPath): Property[] {
  return TypedField.objects(context, raw, 'properties', path).flatMap(({ item, path: itemPath }) => {
    const name = TypedField.string(context, item, 'name', itemPath);
    if (name === undefined) {
      ReadContext.warn(context, itemPath, 'property without name ignored');
      return [];
    }
    return [{ name, value: TypedField.string(context, item, 'value', itemPath) ?? '' }];
  });
}
