import { AppError, type Diagnostic } from '../../core/app-error.js';
import { isJsonObject, type JsonObject } from './json-value.js';

/**
 * Type-checked access to the fields the reader uses. A field of the wrong type cannot be
 * understood, so it is AppError('invalid-input') naming the field; `locate` turns the JSON
 * pointer into what the user can find (the pointer itself for JSON, `line N` for tag-value).
 */
export interface SpdxFieldReader {
  readonly locate: (pointer: string) => string;
  string(obj: JsonObject, key: string, pointer: string): string | undefined;
  array(obj: JsonObject, key: string, pointer: string): readonly unknown[];
  object(value: unknown, pointer: string): JsonObject;
  fail(pointer: string, message: string): never;
  warn(pointer: string, message: string): Diagnostic;
}

const describe = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

export function spdxFieldReader(locate: (pointer: string) => string): SpdxFieldReader {
  const fail = (pointer: string, message: string): never => {
    const where = locate(pointer);
    const prefix = where === pointer ? pointer : `${where} (${pointer})`;
    throw new AppError('invalid-input', `${prefix}: ${message}`, { location: { path: where } });
  };
  return {
    locate,
    fail,
    warn: (pointer, message) => ({ severity: 'warning', path: locate(pointer), message }),
    string(obj, key, pointer) {
      const value = obj[key];
      if (value === undefined) return undefined;
      if (typeof value !== 'string') fail(`${pointer}/${key}`, `expected a string, got ${describe(value)}`);
      return value as string;
    },
    array(obj, key, pointer) {
      const value = obj[key];
      if (value === undefined) return [];
      if (!Array.isArray(value)) fail(`${pointer}/${key}`, `expected an array, got ${describe(value)}`);
      return value as unknown[];
    },
    object(value, pointer) {
      if (!isJsonObject(value)) fail(pointer, `expected an object, got ${describe(value)}`);
      return value as JsonObject;
    },
  };
}
