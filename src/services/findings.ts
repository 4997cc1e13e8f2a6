import type { Finding } from '../matching/finding.js';
import { listFindingRows, type FindingListRow } from '../store/queries/findings.js';
import { resolvePage } from '../store/page.js';
import { loadVulnerabilityGroups } from './advisory-lookup.js';
import { actorOrgId, requireRole, type ServiceContext } from './context.js';
import { findProductVersionOrThrow } from './product-versions.js';
import { scanFinding } from './scan-finding.js';
import type { ScanFinding } from './scan-report.js';
import { compareScanFindings } from './scan-sbom.js';

/** A finding of a product version: the scan's view of it, plus when it was seen and resolved. */
export interface ProductFinding extends ScanFinding {
  readonly lifecycle: {
    /** When the first of its records matched. */
    readonly firstSeenAt: string;
    /** The last evaluation that still matched. */
    readonly lastSeenAt: string;
    /** Set once every record that matched no longer does. */
    readonly resolvedAt: string | null;
    readonly resolution: string | null;
  };
}

export interface FindingList {
  readonly product: string;
  readonly version: string;
  readonly total: number;
  readonly findings: readonly ProductFinding[];
}

/**
 * `findings list --product P --version V`: the version's findings, one per component and
 * vulnerability (records of one vulnerability merged as in a scan), enriched the same way,
 * in the scan's order. Open findings only unless `includeResolved`.
 */
export async function listFindings(
  ctx: ServiceContext,
  input: {
    readonly product: string;
    readonly version: string;
    readonly includeResolved?: boolean;
    readonly limit?: number;
    readonly offset?: number;
  },
): Promise<FindingList> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const page = resolvePage(input);
  const version = await findProductVersionOrThrow(ctx.store.db, orgId, input);
  const rows = await listFindingRows(ctx.store.db, orgId, {
    productVersionId: version.id,
    includeResolved: input.includeResolved === true,
    all: true,
  });
  const groups = await loadVulnerabilityGroups(
    ctx.store.db,
    rows.map((r) => r.recordId),
  );
  const merged = new Map<string, { rows: FindingListRow[]; findings: Finding[] }>();
  for (const row of rows) {
    const finding = JSON.parse(row.evidenceJson) as Finding;
    const group = groups.groupOf(row.sourceId);
    const key = `${row.componentId}\u0000${group?.ids[0] ?? row.sourceId}`;
    const entry = merged.get(key) ?? { rows: [], findings: [] };
    entry.rows.push(row);
    entry.findings.push(finding);
    merged.set(key, entry);
  }
  const findings: ProductFinding[] = [];
  for (const entry of merged.values()) {
    const first = entry.rows[0];
    const group = first === undefined ? undefined : groups.groupOf(first.sourceId);
    if (first === undefined || group === undefined) continue;
    const open = entry.rows.filter((r) => r.resolvedAt === undefined);
    const resolvedRows = open.length === 0 ? entry.rows : [];
    findings.push({
      ...scanFinding(
        open.length === 0 ? entry.findings : entry.findings.filter((_, i) => entry.rows[i]?.resolvedAt === undefined),
        group,
      ),
      lifecycle: {
        firstSeenAt: min(entry.rows.map((r) => r.firstSeenAt)),
        lastSeenAt: max(entry.rows.map((r) => r.lastSeenAt)),
        resolvedAt: resolvedRows.length === 0 ? null : max(resolvedRows.map((r) => r.resolvedAt ?? '')),
        resolution: resolvedRows.length === 0 ? null : (resolvedRows[0]?.resolution ?? null),
      },
    });
  }
  findings.sort(compareScanFindings);
  return {
    product: input.product,
    version: version.version,
    total: findings.length,
    findings: findings.slice(page.offset, page.offset + page.limit),
  };
}

function min(values: readonly string[]): string {
  return values.reduce((a, b) => (b < a ? b : a));
}

function max(values: readonly string[]): string {
  return values.reduce((a, b) => (b > a ? b : a));
}
