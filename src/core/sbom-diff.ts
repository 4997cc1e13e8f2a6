import { componentLineageKey } from './component-identity.js';
import type { Component } from './sbom.js';

/** A component present on one side of a diff only. */
export interface DiffEntry {
  readonly name: string;
  readonly version: string | null;
  readonly purl: string | null;
}

/** A component whose lineage is on both sides with another version. */
export interface DiffChange {
  readonly name: string;
  readonly purl: string | null;
  readonly from: string | null;
  readonly to: string | null;
}

/** What changed between two component lists, sorted by name then version for stable output. */
export interface SbomDiff {
  readonly added: readonly DiffEntry[];
  readonly removed: readonly DiffEntry[];
  readonly changed: readonly DiffChange[];
}

/**
 * Compares two component lists by lineage (purl without version, else supplier + name).
 * When a lineage has several versions on a side (two copies of a library), versions present
 * on both sides cancel out, the rest pair up in version order as changes, and what is left
 * over is added or removed.
 */
export function diffComponents(before: readonly Component[], after: readonly Component[]): SbomDiff {
  const beforeByKey = groupByLineage(before);
  const afterByKey = groupByLineage(after);
  const added: DiffEntry[] = [];
  const removed: DiffEntry[] = [];
  const changed: DiffChange[] = [];

  for (const key of new Set([...beforeByKey.keys(), ...afterByKey.keys()])) {
    const olds = withoutCommonVersions(beforeByKey.get(key) ?? [], afterByKey.get(key) ?? []);
    const news = withoutCommonVersions(afterByKey.get(key) ?? [], beforeByKey.get(key) ?? []);
    const pairs = Math.min(olds.length, news.length);
    for (let i = 0; i < pairs; i++) {
      const from = olds[i] as Component;
      const to = news[i] as Component;
      changed.push({ name: to.name, purl: to.purl ?? null, from: from.version ?? null, to: to.version ?? null });
    }
    removed.push(...olds.slice(pairs).map(entryOf));
    added.push(...news.slice(pairs).map(entryOf));
  }
  return { added: added.sort(byNameVersion), removed: removed.sort(byNameVersion), changed: changed.sort(byNameFrom) };
}

function groupByLineage(components: readonly Component[]): Map<string, Component[]> {
  const groups = new Map<string, Component[]>();
  for (const c of components) {
    const key = componentLineageKey(c);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** The components of `side` whose versions do not occur in `other`, one per distinct version. */
function withoutCommonVersions(side: readonly Component[], other: readonly Component[]): Component[] {
  const otherVersions = new Set(other.map((c) => c.version ?? ''));
  const seen = new Set<string>();
  const kept: Component[] = [];
  for (const c of side) {
    const v = c.version ?? '';
    if (otherVersions.has(v) || seen.has(v)) continue;
    seen.add(v);
    kept.push(c);
  }
  return kept.sort((a, b) => compareText(a.version ?? '', b.version ?? ''));
}

function entryOf(c: Component): DiffEntry {
  return { name: c.name, version: c.version ?? null, purl: c.purl ?? null };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNameVersion(a: DiffEntry, b: DiffEntry): number {
  return (
    compareText(a.name, b.name) ||
    compareText(a.version ?? '', b.version ?? '') ||
    compareText(a.purl ?? '', b.purl ?? '')
  );
}

function byNameFrom(a: DiffChange, b: DiffChange): number {
  return (
    compareText(a.name, b.name) || compareText(a.from ?? '', b.from ?? '') || compareText(a.purl ?? '', b.purl ?? '')
  );
}
