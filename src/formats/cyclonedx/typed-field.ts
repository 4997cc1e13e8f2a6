import { ReadContext, type DocumentPath } from './read-context.js';

/** A JSON object as read from a document. */
export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Typed reads of the fields the CycloneDX reader uses. An absent (or null) field is
 * `undefined`; a present field of the wrong type refuses the document with its path, since
 * guessing what a number in `purl` was meant to be would silently corrupt the inventory.
 */
export const TypedField = {
  string(context: ReadContext, object: JsonObject, key: string, path: DocumentPath): string | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') wrongType(context, [...path, key], 'a string', value);
    return value;
  },

  object(context: ReadContext, object: JsonObject, key: string, path: DocumentPath): JsonObject | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (!isJsonObject(value)) wrongType(context, [...path, key], 'an object', value);
    return value;
  },

  array(context: ReadContext, object: JsonObject, key: string, path: DocumentPath): readonly unknown[] {
    const value = object[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) wrongType(context, [...path, key], 'an array', value);
    return value;
  },

  /** Each item of an array field that must hold objects, with its path. */
  objects(
    context: ReadContext,
    object: JsonObject,
    key: string,
    path: DocumentPath,
  ): { readonly item: JsonObject; readonly path: DocumentPath }[] {
    return TypedField.array(context, object, key, path).map((item, index) => {
      const itemPath = [...path, key, index];
      if (!isJsonObject(item)) wrongType(context, itemPath, 'an object', item);
      return { item, path: itemPath };
    });
  },
};

function wrongType(context: ReadContext, path: DocumentPath, expected: string, value: unknown): never {
  const found = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
  return ReadContext.fail(context, path, `expected ${expected}, found ${found}`);
}
