import { ReadContext, type DocumentPath } from './read-context.js';
import { TypedField, type JsonObject } from './typed-field.js';

/** A component as found in the document, with where it sits and the ref it will carry. */
export interface LocatedComponent {
  readonly raw: JsonObject;
  readonly path: DocumentPath;
  readonly ref: string;
}

/** Every component (nested ones flattened, depth first) and every other referable bom-ref. */
export interface CollectedRefs {
  readonly subject?: LocatedComponent;
  readonly components: readonly LocatedComponent[];
  /** Refs dependencies may name that are not components: services and tools (CycloneDX 1.6 §dependencies). */
  readonly otherRefs: ReadonlySet<string>;
}

/**
 * Walks metadata.component, components and services (recursively) and assigns refs.
 * CycloneDX requires every bom-ref to be unique in the BOM: two different objects sharing one
 * refuse the document, since a dependency naming it would be ambiguous. A byte-identical
 * repeat of the same component (some generators emit those) is dropped with a warning.
 * Components without bom-ref get `jointsec:<path>`, stable for the same document.
 */
export function collectCycloneDxRefs(context: ReadContext, bom: JsonObject): CollectedRefs {
  const seen = new Map<string, { path: DocumentPath; raw: JsonObject | undefined }>();
  const pending: { raw: JsonObject; path: DocumentPath; ref: string | undefined }[] = [];
  const otherRefs = new Set<string>();

  const claim = (raw: JsonObject, path: DocumentPath): 'new' | 'repeat' | 'none' => {
    const ref = TypedField.string(context, raw, 'bom-ref', path);
    if (ref === undefined) return 'none';
    if (ref === '') {
      ReadContext.warn(context, [...path, 'bom-ref'], 'empty bom-ref ignored; a ref is generated');
      return 'none';
    }
    const first = seen.get(ref);
    if (first === undefined) {
      seen.set(ref, { path, raw });
      return 'new';
    }
    const firstAt = ReadContext.render(context, first.path);
    if (JSON.stringify(first.raw) !== JSON.stringify(raw)) {
      ReadContext.fail(context, [...path, 'bom-ref'], `duplicate bom-ref "${ref}" (first used at ${firstAt})`);
    }
    ReadContext.warn(
      context,
      path,
      `component repeats ${firstAt} exactly (same bom-ref "${ref}"); the repeat is ignored`,
    );
    return 'repeat';
  };

  const walkComponents = (owner: JsonObject, path: DocumentPath): void => {
    for (const { item, path: itemPath } of TypedField.objects(context, owner, 'components', path)) {
      const claimed = claim(item, itemPath);
      if (claimed === 'repeat') continue;
      pending.push({ raw: item, path: itemPath, ref: claimed === 'new' ? (item['bom-ref'] as string) : undefined });
      walkComponents(item, itemPath);
    }
  };
  const walkOthers = (owner: JsonObject, key: string, path: DocumentPath): void => {
    for (const { item, path: itemPath } of TypedField.objects(context, owner, key, path)) {
      if (claim(item, itemPath) === 'new') otherRefs.add(item['bom-ref'] as string);
      walkOthers(item, key, itemPath);
    }
  };

  const metadata = TypedField.object(context, bom, 'metadata', []);
  const subjectRaw =
    metadata === undefined ? undefined : TypedField.object(context, metadata, 'component', ['metadata']);
  const subjectPath = ['metadata', 'component'];
  let subjectRef: string | undefined;
  if (subjectRaw !== undefined && claim(subjectRaw, subjectPath) === 'new')
    subjectRef = subjectRaw['bom-ref'] as string;
  if (subjectRaw !== undefined) walkComponents(subjectRaw, subjectPath);
  walkComponents(bom, []);
  walkOthers(bom, 'services', []);
  const tools = metadata?.tools;
  if (metadata !== undefined && tools !== null && typeof tools === 'object' && !Array.isArray(tools)) {
    const toolsObject = tools as JsonObject;
    for (const key of ['components', 'services']) walkOthers(toolsObject, key, ['metadata', 'tools']);
  }

  const generate = (path: DocumentPath): string => {
    const base = `jointsec:${path.join('/')}`;
    let ref = base;
    for (let n = 2; seen.has(ref); n += 1) ref = `${base}#${n}`;
    seen.set(ref, { path, raw: undefined });
    return ref;
  };
  return {
    ...(subjectRaw === undefined
      ? {}
      : { subject: { raw: subjectRaw, path: subjectPath, ref: subjectRef ?? generate(subjectPath) } }),
    components: pending.map((p) => ({ raw: p.raw, path: p.path, ref: p.ref ?? generate(p.path) })),
    otherRefs,
  };
}
