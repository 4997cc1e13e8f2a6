import { AppError } from '../core/app-error.js';
import type { DbHandle } from '../store/db-handle.js';
import { findRecordIdsByVulnIds } from '../store/queries/vulnerability-records.js';
import { listFindingRows } from '../store/queries/findings.js';
import { loadVulnerabilityGroups } from './advisory-lookup.js';
import { actorOrgId, requireRole, type ServiceContext } from './context.js';
import { describeVulnerability, type VulnerabilityView } from './vulnerability-view.js';
import type { VulnerabilityGroup } from './vulnerability-groups.js';

/** Every source's record of the vulnerability known by `id` (any alias), merged. */
async function groupOf(db: DbHandle, id: string): Promise<{ group: VulnerabilityGroup; recordIds: string[] }> {
  const wanted = id.trim().toUpperCase();
  const recordIds = await findRecordIdsByVulnIds(db, [wanted]);
  if (recordIds.length === 0) {
    throw new AppError('not-found', `no vulnerability ${id} in the database (by id or alias)`, {
      location: { path: 'id' },
    });
  }
  const groups = await loadVulnerabilityGroups(db, recordIds);
  const group = groups.groupOf(wanted);
  if (group === undefined) {
    // Only withdrawn records carry the id: withdrawn records belong to no vulnerability.
    throw new AppError('not-found', `${id} is known only from withdrawn records`, { location: { path: 'id' } });
  }
  const allRecordIds = await findRecordIdsByVulnIds(
    db,
    group.ids.map((i) => i.toUpperCase()),
  );
  return { group, recordIds: allRecordIds };
}

/** `vuln show ID`: what every source says about one vulnerability. Public data: any role may read it. */
export async function showVulnerability(ctx: ServiceContext, id: string): Promise<VulnerabilityView> {
  requireRole(ctx.actor, 'viewer');
  const { group } = await groupOf(ctx.store.db, id);
  return describeVulnerability(group);
}

/** One product version that contains an affected component. */
export interface WhereUsedVersion {
  readonly product: string;
  readonly version: string;
  readonly components: readonly {
    readonly name: string;
    readonly version: string | null;
    readonly purl: string | null;
    readonly cpe: string | null;
    readonly status: string;
    readonly record: string;
    readonly source: string;
    readonly fixedVersions: readonly string[];
    readonly firstSeenAt: string;
    readonly lastSeenAt: string;
  }[];
}

export interface WhereUsedReport {
  readonly vulnerability: { readonly id: string; readonly aliases: readonly string[] };
  readonly productVersions: readonly WhereUsedVersion[];
}

/**
 * `vuln where-used ID`: every product version of the organization with a component that an
 * open finding ties to the vulnerability (any of its records), from the findings kept up to
 * date by imports and feed updates.
 */
export async function whereUsed(ctx: ServiceContext, id: string): Promise<WhereUsedReport> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const { group, recordIds } = await groupOf(ctx.store.db, id);
  const view = describeVulnerability(group);
  const rows = await listFindingRows(ctx.store.db, orgId, { recordIds, all: true });
  const byVersion = new Map<
    string,
    { product: string; version: string; components: WhereUsedVersion['components'][number][] }
  >();
  for (const row of rows) {
    const entry = byVersion.get(row.productVersionId) ?? {
      product: row.productName,
      version: row.productVersion,
      components: [],
    };
    entry.components.push({
      name: row.componentName,
      version: row.componentVersion ?? null,
      purl: row.componentPurl ?? null,
      cpe: row.componentCpe ?? null,
      status: row.status,
      record: row.sourceId,
      source: row.source,
      fixedVersions: JSON.parse(row.fixedVersionsJson) as string[],
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
    });
    byVersion.set(row.productVersionId, entry);
  }
  return { vulnerability: { id: view.id, aliases: view.aliases }, productVersions: [...byVersion.values()] };
}
