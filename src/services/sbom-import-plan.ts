import { componentIdentityKey } from '../core/component-identity.js';
import { mergeComponent } from '../core/component-merge.js';
import type { Component, Sbom } from '../core/sbom.js';

/** One distinct component of a document, with every ref the document used for it. */
export interface PlannedComponent {
  readonly key: string;
  readonly component: Component;
  readonly isSubject: boolean;
}

/** An SBOM reduced to distinct components (by identity key) and edges between keys. */
export interface SbomImportPlan {
  readonly components: readonly PlannedComponent[];
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

/**
 * Unifies a parsed SBOM's components by identity key, so a package listed twice (as SBOM
 * generators do for multi-arch images) is stored once, and rewrites the dependency graph
 * onto those keys without self-loops or repeats.
 */
export function planSbomImport(sbom: Sbom): SbomImportPlan {
  const byKey = new Map<string, { component: Component; isSubject: boolean }>();
  const keyOfRef = new Map<string, string>();
  const add = (component: Component, isSubject: boolean): void => {
    const key = componentIdentityKey(component);
    keyOfRef.set(component.ref, key);
    const seen = byKey.get(key);
    if (seen)
      byKey.set(key, { component: mergeComponent(seen.component, component), isSubject: seen.isSubject || isSubject });
    else byKey.set(key, { component, isSubject });
  };
  if (sbom.subject) add(sbom.subject, true);
  for (const c of sbom.components) add(c, false);

  // Targets already linked from each key, without building a key string per edge.
  const linked = new Map<string, Set<string>>();
  const edges: { from: string; to: string }[] = [];
  for (const e of sbom.dependencies) {
    const from = keyOfRef.get(e.from);
    const to = keyOfRef.get(e.to);
    // Parsers reject dangling refs; a missing key here can only be a self-edge after unification.
    if (from === undefined || to === undefined || from === to) continue;
    let targets = linked.get(from);
    if (targets === undefined) {
      targets = new Set();
      linked.set(from, targets);
    }
    if (targets.has(to)) continue;
    targets.add(to);
    edges.push({ from, to });
  }
  return { components: [...byKey].map(([key, v]) => ({ key, ...v })), edges };
}
