import type { JsonObject } from '../json-value.js';
import { tagValueFail as fail } from './tag-value-fail.js';

/** An element of the converted document and its JSON pointer. */
export interface Target {
  readonly obj: JsonObject;
  readonly pointer: string;
}

/** An annotation read from tag-value, waiting for its SPDXREF to be resolved. */
export interface PendingAnnotation extends Target {
  readonly line: number;
  ref?: string;
}

/** Puts each annotation where the JSON model keeps it: on the document or inside the element SPDXREF names. */
export function attachAnnotations(input: {
  doc: JsonObject;
  annotations: readonly PendingAnnotation[];
  lines: Map<string, number>;
}): void {
  const { doc, annotations, lines } = input;
  const owners = new Map<string, string>();
  for (const list of ['packages', 'files', 'snippets'])
    ((doc[list] ?? []) as JsonObject[]).forEach((el, i) => {
      if (typeof el['SPDXID'] === 'string') owners.set(el['SPDXID'], `/${list}/${i}`);
    });
  for (const a of annotations) {
    if (a.ref === undefined) fail(a.line, 'annotation has no SPDXREF naming the element it annotates');
    const ownerPointer = a.ref === doc['SPDXID'] ? '' : owners.get(a.ref ?? '');
    if (ownerPointer === undefined)
      fail(a.line, `annotation refers to SPDXREF "${a.ref}", which is not in the document`);
    const owner = ownerPointer === '' ? doc : (resolve(doc, ownerPointer ?? '') as JsonObject);
    const arr = (owner['annotations'] ??= []) as unknown[];
    arr.push(a.obj);
    lines.set(`${ownerPointer}/annotations/${arr.length - 1}`, a.line);
  }
}

function resolve(doc: JsonObject, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], doc);
}
