import type { Component } from '../core/sbom.js';
import type { IdentityMapping, ManualIdentity } from '../matching/component-target.js';
import type { Finding } from '../matching/finding.js';
import { matchComponent } from '../matching/match-component.js';
import type { PlatformCpes } from '../matching/match-cpe-configurations.js';
import { platformCpesOf } from '../matching/match-sbom.js';
import type { DbHandle } from '../store/db-handle.js';
import { findMatchableComponentsOfVersions, type MatchableComponent } from '../store/queries/component-match-keys.js';
import {
  findFindingsOfComponents,
  findFindingsOfRecords,
  findFindingsOfRecordsForComponents,
  type FindingState,
  insertFindings,
  refreshFindings,
  resolveFindings,
  touchFindings,
  type FindingVerdict,
} from '../store/queries/findings.js';
import { findIdentityMappingsByNames, type IdentityMappingRow } from '../store/queries/identity-mappings.js';
import { indexOfRecords, loadAdvisoryIndex, type StoredAdvisoryIndex } from './advisory-lookup.js';
import { findRecordIdsByMatchKeys } from '../store/queries/vulnerability-records.js';

/** What one evaluation changed. */
export interface EvaluationSummary {
  readonly componentsEvaluated: number;
  readonly findingsOpened: number;
  /** Open findings whose status, fixed versions or evidence changed, and resolved ones seen again. */
  readonly findingsUpdated: number;
  readonly findingsResolved: number;
}

export const noEvaluation: EvaluationSummary = {
  componentsEvaluated: 0,
  findingsOpened: 0,
  findingsUpdated: 0,
  findingsResolved: 0,
};

/** Components matched per round: bounds the records and findings held at once. */
const componentsPerRound = 5_000;

/**
 * Matches stored components against the stored advisories filed under their match keys and
 * brings their findings up to date: a new match opens a finding (first seen now), a match seen
 * again refreshes its last-seen time and verdict, and an open finding whose record no longer
 * matches is resolved (`no-longer-matches`). Records withdrawn by their source are not in the
 * index, so their findings resolve here too unless the importer already resolved them as
 * `withdrawn`. Run it inside the transaction that changed the components or the advisories.
 */
export async function evaluateComponents(
  db: DbHandle,
  components: readonly MatchableComponent[],
  now: string,
  options: EvaluationScope = {},
): Promise<EvaluationSummary> {
  // A small scope (a feed update) is read once for every round: the same records and findings.
  const shared =
    options.records !== undefined && options.records.length <= smallScope
      ? await sharedScope(db, options.records)
      : undefined;
  let summary = noEvaluation;
  for (let start = 0; start < components.length; start += componentsPerRound) {
    const round = components.slice(start, start + componentsPerRound);
    summary = addSummaries(summary, await evaluateRound(db, round, now, options, shared));
  }
  return summary;
}

/** Scopes up to this many records are read whole once; larger ones per round, by key. */
const smallScope = 2_000;

interface SharedScope {
  readonly index: StoredAdvisoryIndex;
  readonly findingsByComponent: ReadonlyMap<string, readonly FindingState[]>;
}

async function sharedScope(db: DbHandle, records: readonly string[]): Promise<SharedScope> {
  const findingsByComponent = new Map<string, FindingState[]>();
  for (const state of await findFindingsOfRecords(db, records)) {
    const list = findingsByComponent.get(state.componentId);
    if (list === undefined) findingsByComponent.set(state.componentId, [state]);
    else list.push(state);
  }
  return { index: await indexOfRecords(db, records), findingsByComponent };
}

/**
 * Which records to evaluate against. By default every live record filed under the components'
 * match keys. After a feed import only the records that changed can change a finding, so the
 * importer passes them: the components are matched against those alone, and only their
 * findings are compared, however many other advisories the packages have.
 */
export interface EvaluationScope {
  readonly records?: readonly string[];
}

async function evaluateRound(
  db: DbHandle,
  components: readonly MatchableComponent[],
  now: string,
  scope: EvaluationScope,
  shared: SharedScope | undefined,
): Promise<EvaluationSummary> {
  const keys = [...new Set(components.flatMap((c) => (c.matchKey === undefined ? [] : [c.matchKey])))];
  const scoped =
    scope.records === undefined || shared !== undefined ? undefined : await scopedRecords(db, scope.records, keys);
  const { index, recordIdOf } =
    shared !== undefined
      ? shared.index
      : scoped === undefined
        ? await loadAdvisoryIndex(db, keys)
        : await indexOfRecords(db, scoped);
  // Nothing filed under these keys: no component can match, so only open findings can change.
  const empty = index.byKey.size === 0 && index.byDistroBase.size === 0 && index.byVendorProduct.size === 0;
  const identity = empty ? new Map<string, ManualIdentity>() : await identityMappingFor(db, components);
  const platforms =
    index.byVendorProduct.size === 0 ? new Map<string, PlatformCpes>() : await platformsOf(db, components, identity);

  // Components that are the same thing to the matcher (a library shared by thousands of
  // releases) are matched once; only CPE matches depend on the rest of their release.
  const bySignature = new Map<string, MatchableComponent[]>();
  for (const stored of components) {
    if (stored.matchKey === undefined || empty) continue;
    const signature = [
      stored.orgId,
      stored.name,
      stored.version ?? '',
      stored.purl ?? '',
      stored.cpe ?? '',
      stored.matchKey.startsWith('c:') ? stored.productVersionId : '',
    ].join('\u0000');
    const list = bySignature.get(signature);
    if (list === undefined) bySignature.set(signature, [stored]);
    else list.push(stored);
  }
  const verdicts = new Map<string, FindingVerdict>();
  for (const group of bySignature.values()) {
    const first = group[0];
    if (first === undefined) continue;
    const platform = platforms.get(first.productVersionId);
    const shared = identity.get(first.id);
    const groupIdentity = shared === undefined ? identity : new Map(group.map((c) => [c.id, shared] as const));
    const findings = matchComponent(componentOf(first), index, {
      identity: groupIdentity,
      ...(platform === undefined ? {} : { platform }),
    });
    for (const finding of findings) {
      const recordId = recordIdOf(finding);
      if (recordId === undefined) continue;
      for (const stored of group) {
        const key = `${stored.id}\u0000${recordId}`;
        if (verdicts.has(key)) continue;
        const own = stored === first ? finding : { ...finding, component: { ...finding.component, ref: stored.id } };
        verdicts.set(key, verdictOf(stored, recordId, own));
      }
    }
  }

  const existing =
    shared !== undefined
      ? components.flatMap((c) => shared.findingsByComponent.get(c.id) ?? [])
      : scope.records === undefined
        ? await findFindingsOfComponents(
            db,
            components.map((c) => c.id),
          )
        : await findFindingsOfRecordsForComponents(db, scoped ?? [], new Set(components.map((c) => c.id)));
  const seen = new Set<string>();
  const refreshed: { id: string; verdict: FindingVerdict }[] = [];
  const touched: string[] = [];
  const resolved: string[] = [];
  for (const state of existing) {
    const key = `${state.componentId}\u0000${state.recordId}`;
    const verdict = verdicts.get(key);
    if (verdict === undefined) {
      if (state.resolvedAt === undefined) resolved.push(state.id);
      continue;
    }
    seen.add(key);
    const same =
      state.resolvedAt === undefined &&
      state.status === verdict.status &&
      state.fixedVersionsJson === verdict.fixedVersionsJson &&
      state.evidenceJson === verdict.evidenceJson;
    if (same) touched.push(state.id);
    else refreshed.push({ id: state.id, verdict });
  }
  const opened = [...verdicts].filter(([key]) => !seen.has(key)).map(([, verdict]) => verdict);
  await insertFindings(db, opened, now);
  await refreshFindings(db, refreshed, now);
  await touchFindings(db, touched, now);
  await resolveFindings(db, resolved, 'no-longer-matches', now);
  return {
    componentsEvaluated: components.length,
    findingsOpened: opened.length,
    findingsUpdated: refreshed.length,
    findingsResolved: resolved.length,
  };
}

/** Scoped records a round can meet: all of them when few, else those filed under the round's keys. */
async function scopedRecords(db: DbHandle, records: readonly string[], keys: readonly string[]): Promise<string[]> {
  // A first import of a whole feed changes every record: never load them all for each round.
  if (records.length <= 2_000) return [...records];
  const wanted = new Set(records);
  return (await findRecordIdsByMatchKeys(db, keys)).filter((id) => wanted.has(id));
}

/** A stored component as the matcher's input; its ref is its stored id. */
export function componentOf(stored: MatchableComponent): Component {
  return {
    ref: stored.id,
    type: 'library',
    name: stored.name,
    ...(stored.version === undefined ? {} : { version: stored.version }),
    ...(stored.purl === undefined ? {} : { purl: stored.purl }),
    ...(stored.cpe === undefined ? {} : { cpe: stored.cpe }),
    hashes: [],
    externalReferences: [],
    properties: [],
  };
}

function verdictOf(stored: MatchableComponent, recordId: string, finding: Finding): FindingVerdict {
  return {
    orgId: stored.orgId,
    productVersionId: stored.productVersionId,
    componentId: stored.id,
    recordId,
    status: finding.status,
    fixedVersionsJson: JSON.stringify(finding.fixedVersions),
    evidenceJson: JSON.stringify(finding),
  };
}

/**
 * The analysts' mappings that apply to these components, by component id: a mapping for the
 * exact version wins over one for every version of the name.
 */
export async function identityMappingFor(
  db: DbHandle,
  components: readonly MatchableComponent[],
): Promise<IdentityMapping> {
  const rows = await findIdentityMappingsByNames(
    db,
    [...new Set(components.map((c) => c.orgId))],
    [...new Set(components.map((c) => c.name))],
  );
  const out = new Map<string, ManualIdentity>();
  if (rows.length === 0) return out;
  for (const component of components) {
    const row = pickMapping(rows, component);
    if (row !== undefined) out.set(component.id, manualIdentityOf(row));
  }
  return out;
}

/** The mapping for a component of this organization, name and version, if any. */
export function pickMapping(
  rows: readonly IdentityMappingRow[],
  component: { readonly orgId: string; readonly name: string; readonly version: string | undefined },
): IdentityMappingRow | undefined {
  const candidates = rows.filter((r) => r.orgId === component.orgId && r.componentName === component.name);
  return (
    candidates.find((r) => r.componentVersion !== undefined && r.componentVersion === component.version) ??
    candidates.find((r) => r.componentVersion === undefined)
  );
}

export function manualIdentityOf(row: IdentityMappingRow): ManualIdentity {
  return {
    ...(row.purl === undefined ? {} : { purl: row.purl }),
    ...(row.cpe === undefined ? {} : { cpe: row.cpe }),
    note: `identity mapping ${row.id} by ${row.createdBy}${row.note === undefined ? '' : `: ${row.note}`}`,
  };
}

/** The CPEs of every component of the product versions involved, for AND configurations. */
async function platformsOf(
  db: DbHandle,
  components: readonly MatchableComponent[],
  identity: IdentityMapping,
): Promise<Map<string, PlatformCpes>> {
  const versionsByOrg = new Map<string, Set<string>>();
  for (const c of components) {
    const set = versionsByOrg.get(c.orgId) ?? new Set<string>();
    set.add(c.productVersionId);
    versionsByOrg.set(c.orgId, set);
  }
  const byVersion = new Map<string, Component[]>();
  for (const [orgId, versions] of versionsByOrg) {
    for (const stored of await findMatchableComponentsOfVersions(db, orgId, [...versions])) {
      if (stored.cpe === undefined && !identity.has(stored.id)) continue;
      const list = byVersion.get(stored.productVersionId) ?? [];
      list.push(componentOf(stored));
      byVersion.set(stored.productVersionId, list);
    }
  }
  return new Map([...byVersion].map(([version, list]) => [version, platformCpesOf(list, identity)]));
}

function addSummaries(a: EvaluationSummary, b: EvaluationSummary): EvaluationSummary {
  return {
    componentsEvaluated: a.componentsEvaluated + b.componentsEvaluated,
    findingsOpened: a.findingsOpened + b.findingsOpened,
    findingsUpdated: a.findingsUpdated + b.findingsUpdated,
    findingsResolved: a.findingsResolved + b.findingsResolved,
  };
}
