import type { Component } from './sbom.js';

/**
 * Unifies two records of the same component (same identity key) from different SBOMs of one
 * product version: the first record's values win, the second fills what the first lacks, and
 * list fields are united without duplicates. Keeping the first value makes re-imports stable.
 */
export function mergeComponent(first: Component, second: Component): Component {
  return {
    ...second,
    ...definedFields(first),
    hashes: uniteBy([...first.hashes, ...second.hashes], (h) => `${h.alg}:${h.value.toLowerCase()}`),
    externalReferences: uniteBy(
      [...first.externalReferences, ...second.externalReferences],
      (r) => `${r.type} ${r.url}`,
    ),
    properties: uniteBy([...first.properties, ...second.properties], (p) => `${p.name}=${p.value}`),
  };
}

/** True when merging `addition` into `base` would change `base`. */
export function mergeChanges(base: Component, addition: Component): boolean {
  const merged = mergeComponent(base, addition);
  const scalarAdded = (Object.keys(merged) as (keyof Component)[]).some(
    (k) => !Array.isArray(merged[k]) && merged[k] !== base[k],
  );
  return (
    scalarAdded ||
    merged.hashes.length !== base.hashes.length ||
    merged.externalReferences.length !== base.externalReferences.length ||
    merged.properties.length !== base.properties.length
  );
}

function definedFields(c: Component): Partial<Component> {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined));
}

function uniteBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
