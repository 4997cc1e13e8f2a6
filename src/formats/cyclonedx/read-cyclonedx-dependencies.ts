import type { DependencyEdge } from '../../core/sbom.js';
import { ReadContext, type DocumentPath } from './read-context.js';
import { TypedField, isJsonObject, type JsonObject } from './typed-field.js';

/** The refs a dependency entry may name. */
export interface KnownRefs {
  /** Component refs (subject included): edges between these are kept. */
  readonly components: ReadonlySet<string>;
  /** Services and tools: valid targets, but outside the component graph, so their edges are dropped. */
  readonly others: ReadonlySet<string>;
}

/**
 * Reads `dependencies[]{ref, dependsOn[]}` (CycloneDX 1.2+ §dependencies) into "from depends
 * on to" edges. A ref that names nothing in the BOM refuses the document (a dangling edge
 * would silently lose a dependency). `dependsOn` items written as `{ "ref": … }` objects —
 * producer drift seen in the wild (guac's cyclonedx-1.7.json) — are read with a warning.
 */
export function readCycloneDxDependencies(context: ReadContext, bom: JsonObject, known: KnownRefs): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  // Targets already linked from each ref: no per-edge key strings (a 100k BOM has ~200k edges).
  const seen = new Map<string, Set<string>>();
  for (const { item, path } of TypedField.objects(context, bom, 'dependencies', [])) {
    const from = requireRef(context, TypedField.string(context, item, 'ref', path), () => [...path, 'ref'], known);
    const targets = TypedField.array(context, item, 'dependsOn', path);
    for (let index = 0; index < targets.length; index += 1) {
      // Paths are built only for a warning or a refusal.
      const targetPath = (): DocumentPath => [...path, 'dependsOn', index];
      const to = requireRef(context, targetRef(context, targets[index], targetPath), targetPath, known);
      if (!known.components.has(from) || !known.components.has(to)) continue;
      let linked = seen.get(from);
      if (linked === undefined) {
        linked = new Set();
        seen.set(from, linked);
      }
      if (linked.has(to)) continue;
      linked.add(to);
      edges.push({ from, to });
    }
  }
  return edges;
}

function targetRef(context: ReadContext, target: unknown, path: () => DocumentPath): string | undefined {
  if (typeof target === 'string') return target;
  if (isJsonObject(target) && typeof target.ref === 'string') {
    ReadContext.warn(context, path(), 'dependsOn item is an object; CycloneDX expects the ref string itself');
    return target.ref;
  }
  return ReadContext.fail(context, path(), 'expected a bom-ref string');
}

function requireRef(context: ReadContext, ref: string | undefined, path: () => DocumentPath, known: KnownRefs): string {
  if (ref === undefined) return ReadContext.fail(context, path(), 'dependency entry has no ref');
  if (!known.components.has(ref) && !known.others.has(ref)) {
    ReadContext.fail(
      context,
      path(),
      `dependency ref "${ref}" names no component or service in this BOM (dangling reference)`,
    );
  }
  return ref;
}
