import { _, str, type Ajv, type AnySchema, type KeywordCxt, type KeywordErrorDefinition } from 'ajv';

/**
 * JSON Schema `uniqueItems` (draft-07 §6.4.3) in linear time. ajv compares every pair of
 * items, which on a 10k-component `components` array (uniqueItems in CycloneDX 1.5+) takes a
 * minute; this keyword buckets items by a structural hash and compares only within a bucket
 * (member order ignored, as JSON Schema equality requires). `useLinearUniqueItems` rewrites a schema to use it.
 *
 * The keyword generates code calling `findDuplicateItem`, so validators precompiled to
 * standalone modules (see precompiled-validators.ts) can import it instead of embedding it.
 */
export const linearUniqueItemsKeyword = 'jointsecUniqueItems';

const error: KeywordErrorDefinition = {
  message: ({ params }) => str`must NOT have duplicate items (items ## ${params.i} and ${params.j} are identical)`,
  params: ({ params }) => _`{i: ${params.i}, j: ${params.j}}`,
};

export function addLinearUniqueItems(ajv: Ajv): void {
  ajv.addKeyword({ keyword: linearUniqueItemsKeyword, type: 'array', schemaType: 'boolean', error, code });
}

function code(cxt: KeywordCxt): void {
  const { gen, data } = cxt;
  if (cxt.schema !== true) return;
  // `code` is what a standalone module writes for the function: the name it imports it under.
  const find = gen.scopeValue('func', { ref: findDuplicateItem, code: _`findDuplicateItem` });
  const duplicate = gen.const('duplicate', _`${find}(${data})`);
  cxt.setParams({ i: _`${duplicate}[0]`, j: _`${duplicate}[1]` });
  cxt.fail(_`${duplicate} !== undefined`);
}

/** The first pair of equal items (earlier index first), or undefined when all are distinct. */
export function findDuplicateItem(data: readonly unknown[]): [number, number] | undefined {
  if (data.length < 2) return undefined;
  if (data.length <= smallArray) return findDuplicatePairwise(data);
  // Items are bucketed by a structural hash computed without allocating (a 100k-component
  // BOM has several 100k-item arrays); only items with the same hash are compared in full.
  const firstWithHash = new Map<number, number>();
  let collisions: Map<number, number[]> | undefined;
  for (let i = 0; i < data.length; i += 1) {
    const hash = jsonHash(data[i]);
    const first = firstWithHash.get(hash);
    if (first === undefined) {
      firstWithHash.set(hash, i);
      continue;
    }
    if (jsonEqual(data[first], data[i])) return [first, i];
    collisions ??= new Map();
    const others = collisions.get(hash);
    const earlier = others?.find((j) => jsonEqual(data[j], data[i]));
    if (earlier !== undefined) return [earlier, i];
    if (others === undefined) collisions.set(hash, [i]);
    else others.push(i);
  }
  return undefined;
}

/** Below this length comparing every pair is cheaper than hashing (hashes, licenses, dependsOn). */
const smallArray = 8;

function findDuplicatePairwise(data: readonly unknown[]): [number, number] | undefined {
  for (let i = 1; i < data.length; i += 1) {
    for (let j = 0; j < i; j += 1) if (jsonEqual(data[j], data[i])) return [j, i];
  }
  return undefined;
}

/**
 * A 32-bit hash that JSON-equal values always share: array items in order, object members
 * combined by addition so member order does not matter (JSON Schema equality ignores it).
 */
function jsonHash(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringHash(value, 0x9e3779b1);
    case 'number':
      return stringHash(String(value), 0x85ebca6b);
    case 'boolean':
      return value ? 0x27d4eb2f : 0x165667b1;
    case 'object': {
      if (value === null) return 0x1b873593;
      if (Array.isArray(value)) {
        let hash = 0x2f0e1a3b ^ value.length;
        for (const item of value) hash = Math.imul(hash ^ jsonHash(item), 0x01000193);
        return hash;
      }
      let sum = 0x3c6ef372;
      const record = value as Record<string, unknown>;
      for (const name in record) {
        sum = (sum + Math.imul(stringHash(name, 0x7f4a7c15) ^ jsonHash(record[name]), 0x5bd1e995)) | 0;
      }
      return sum;
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      // Not JSON values; JSON.parse never produces them.
      return 0;
  }
}

/** FNV-1a over UTF-16 code units, seeded per JSON type. */
function stringHash(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
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
