import type { Ajv, AnySchema, SchemaValidateFunction, ErrorObject } from 'ajv';

/**
 * JSON Schema `uniqueItems` (draft-07 §6.4.3) in linear time. ajv compares every pair of
 * items, which on a 10k-component `components` array (uniqueItems in CycloneDX 1.5+) takes a
 * minute; this keyword buckets items by a cheap key and compares only within a bucket
 * (member order ignored, as JSON Schema equality requires). `useLinearUniqueItems` rewrites a schema to use it.
 */
export const linearUniqueItemsKeyword = 'jointsecUniqueItems';

export function addLinearUniqueItems(ajv: Ajv): void {
  ajv.addKeyword({ keyword: linearUniqueItemsKeyword, type: 'array', schemaType: 'boolean', errors: true, validate });
}

const validate: SchemaValidateFunction = function check(enabled: boolean, data: unknown): boolean {
  if (!enabled || !Array.isArray(data)) return true;
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < data.length; i += 1) {
    const key = bucketKey(data[i]);
    const bucket = buckets.get(key);
    if (bucket === undefined) {
      buckets.set(key, [i]);
      continue;
    }
    const first = bucket.find((j) => jsonEqual(data[j], data[i]));
    if (first !== undefined) {
      const error: Partial<ErrorObject> = {
        keyword: 'uniqueItems',
        message: `must NOT have duplicate items (items ## ${first} and ${i} are identical)`,
        params: { i: first, j: i },
      };
      (check as SchemaValidateFunction).errors = [error];
      return false;
    }
    bucket.push(i);
  }
  return true;
} as SchemaValidateFunction;

/**
 * A cheap key that equal items always share (member order ignored): the sorted member names
 * with the primitive values one level deep. Items in one bucket are then compared in full.
 */
function bucketKey(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.length}`;
  const record = value as Record<string, unknown>;
  let key = '{';
  for (const name of Object.keys(record).sort()) {
    const member = record[name];
    key += typeof member === 'object' && member !== null ? `${name}\u0001` : `${name}=${String(member)}\u0000`;
  }
  return key;
}

/** JSON equality as JSON Schema defines it: member order ignored, array order kept. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  return keys.length === Object.keys(rb).length && keys.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k], rb[k]));
}

/** A deep copy of a schema with every `uniqueItems: true` replaced by the linear keyword. */
export function useLinearUniqueItems(schema: AnySchema): AnySchema {
  return rewrite(schema) as AnySchema;
}

function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'uniqueItems' && value === true) out[linearUniqueItemsKeyword] = true;
    // Literal data, not subschemas.
    else if (key === 'enum' || key === 'const' || key === 'examples' || key === 'default') out[key] = value;
    else out[key] = rewrite(value);
  }
  return out;
}
