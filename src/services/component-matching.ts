import type { Component } from '../core/sbom.js';
import type { ManualIdentity } from '../matching/component-target.js';
import { matchKeyOfComponent } from '../matching/match-keys.js';
import type { DbHandle } from '../store/db-handle.js';
import {
  findMatchableComponentsOfVersions,
  setComponentMatchKeys,
  type MatchableComponent,
} from '../store/queries/component-match-keys.js';
import { findIdentityMappingsByNames } from '../store/queries/identity-mappings.js';
import {
  componentOf,
  evaluateComponents,
  manualIdentityOf,
  pickMapping,
  type EvaluationSummary,
} from './finding-evaluation.js';

/**
 * The match key each component of an organization would be filed under, after the
 * organization's identity mappings, by component ref.
 */
export async function matchKeysOfComponents(
  db: DbHandle,
  orgId: string,
  components: readonly Component[],
): Promise<Map<string, string | undefined>> {
  const rows = await findIdentityMappingsByNames(db, [orgId], [...new Set(components.map((c) => c.name))]);
  const out = new Map<string, string | undefined>();
  for (const component of components) {
    const row =
      rows.length === 0 ? undefined : pickMapping(rows, { orgId, name: component.name, version: component.version });
    const mapping =
      row === undefined ? undefined : new Map<string, ManualIdentity>([[component.ref, manualIdentityOf(row)]]);
    out.set(component.ref, matchKeyOfComponent(component, mapping));
  }
  return out;
}

/**
 * Brings the match keys and findings of some components up to date: after an SBOM import
 * (new and merged components) or an identity mapping (components that are now something
 * else). Keys are recomputed from what is stored; only components whose key differs are
 * written. Every component that can match is then evaluated.
 */
export async function refreshComponentFindings(
  db: DbHandle,
  components: readonly MatchableComponent[],
  now: string,
  /** Components whose stored key was computed just now (an import's new rows): not computed again. */
  keyed: ReadonlySet<string> = new Set(),
): Promise<EvaluationSummary> {
  const byOrg = new Map<string, MatchableComponent[]>();
  const current: MatchableComponent[] = [];
  for (const c of components) {
    if (keyed.has(c.id)) {
      current.push(c);
      continue;
    }
    const list = byOrg.get(c.orgId);
    if (list === undefined) byOrg.set(c.orgId, [c]);
    else list.push(c);
  }
  for (const [orgId, list] of byOrg) {
    const keys = await matchKeysOfComponents(db, orgId, list.map(componentOf));
    const changed = list.filter((c) => keys.get(c.id) !== c.matchKey);
    await setComponentMatchKeys(
      db,
      changed.map((c) => ({ id: c.id, matchKey: keys.get(c.id) })),
    );
    for (const c of list) current.push({ ...c, matchKey: keys.get(c.id) });
  }
  // Components that can no longer match anything still need evaluating: their open findings resolve.
  return evaluateComponents(db, current, now);
}

/** Every component of some product versions of one organization (the key may be absent). */
export async function componentsOfVersions(
  db: DbHandle,
  orgId: string,
  productVersionIds: readonly string[],
): Promise<MatchableComponent[]> {
  return findMatchableComponentsOfVersions(db, orgId, productVersionIds, { includeUnkeyed: true });
}
