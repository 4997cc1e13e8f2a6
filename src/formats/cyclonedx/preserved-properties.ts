import type { Hash, Property } from '../../core/sbom.js';

/**
 * Properties in our own `jointsec:` namespace that carry model values CycloneDX 1.6 has no
 * valid slot for (a type or hash algorithm outside its enums, an SPDX documentNamespace as
 * serial number, …). The writer emits them and the reader lifts them back, so export →
 * import gives the same model.
 */
export const preservedPropertyNames = {
  componentType: 'jointsec:componentType',
  hash: 'jointsec:hash',
  serialNumber: 'jointsec:serialNumber',
  timestamp: 'jointsec:timestamp',
  documentName: 'jointsec:documentName',
} as const;

/** A hash as one property value, `ALG:value`. */
export function hashProperty(hash: Hash): Property {
  return { name: preservedPropertyNames.hash, value: `${hash.alg}:${hash.value}` };
}

/** What a component's preserved properties restore, and the properties that remain. */
export interface RestoredComponentFields {
  readonly type?: string;
  readonly hashes: readonly Hash[];
  readonly properties: readonly Property[];
}

export function restoreComponentFields(properties: readonly Property[]): RestoredComponentFields {
  let type: string | undefined;
  const hashes: Hash[] = [];
  const rest: Property[] = [];
  for (const property of properties) {
    const colon = property.value.indexOf(':');
    if (property.name === preservedPropertyNames.componentType && type === undefined) type = property.value;
    else if (property.name === preservedPropertyNames.hash && colon > 0) {
      hashes.push({ alg: property.value.slice(0, colon), value: property.value.slice(colon + 1) });
    } else rest.push(property);
  }
  return { ...(type === undefined ? {} : { type }), hashes, properties: rest };
}

/**
 * An external reference type outside the 1.6 enum is written as `other` with this comment
 * (external references have no properties), and read back from it.
 */
export function preservedTypeComment(type: string): string {
  return `jointsec:type=${type}`;
}

export function typeFromPreservedComment(comment: string | undefined): string | undefined {
  return comment?.startsWith('jointsec:type=') === true ? comment.slice('jointsec:type='.length) : undefined;
}
