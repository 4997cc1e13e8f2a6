import type { Selectable } from 'kysely';
import type { DbHandle } from '../db-handle.js';
import { inChunks } from '../in-chunks.js';
import type { ComponentsTable } from '../schema.js';

/** What the matcher needs of a stored component: identity, version, and where it belongs. */
export interface MatchableComponent {
  readonly id: string;
  readonly orgId: string;
  readonly productVersionId: string;
  readonly name: string;
  readonly version: string | undefined;
  readonly purl: string | undefined;
  readonly cpe: string | undefined;
  readonly matchKey: string | undefined;
}

const matchableColumns = ['id', 'org_id', 'product_version_id', 'name', 'version', 'purl', 'cpe', 'match_key'] as const;

type MatchableRow = Pick<Selectable<ComponentsTable>, (typeof matchableColumns)[number]>;

function toMatchable(row: MatchableRow): MatchableComponent {
  return {
    id: row.id,
    orgId: row.org_id,
    productVersionId: row.product_version_id,
    name: row.name,
    version: row.version ?? undefined,
    purl: row.purl ?? undefined,
    cpe: row.cpe ?? undefined,
    matchKey: row.match_key ?? undefined,
  };
}

/**
 * Every component, in every organization, filed under one of `keys`: the candidates a feed
 * update must re-evaluate. Uses the match-key index; never scans the portfolio.
 */
export async function findComponentsByMatchKeys(db: DbHandle, keys: readonly string[]): Promise<MatchableComponent[]> {
  const rows = await inChunks(keys, (chunk) =>
    db.selectFrom('components').select(matchableColumns).where('match_key', 'in', chunk).execute(),
  );
  return rows.map(toMatchable);
}

/**
 * The components of some product versions of one organization that can match anything, or
 * all of them with `includeUnkeyed`.
 */
export async function findMatchableComponentsOfVersions(
  db: DbHandle,
  orgId: string,
  productVersionIds: readonly string[],
  options: { readonly includeUnkeyed?: boolean } = {},
): Promise<MatchableComponent[]> {
  const rows = await inChunks(productVersionIds, (chunk) => {
    const query = db
      .selectFrom('components')
      .select(matchableColumns)
      .where('org_id', '=', orgId)
      .where('product_version_id', 'in', chunk);
    return (options.includeUnkeyed === true ? query : query.where('match_key', 'is not', null)).execute();
  });
  return rows.map(toMatchable);
}

/** Components of one organization with this name (and version, when given), for identity mappings. */
export async function findComponentsByName(
  db: DbHandle,
  orgId: string,
  name: string,
  version: string | undefined,
): Promise<MatchableComponent[]> {
  let query = db.selectFrom('components').select(matchableColumns).where('org_id', '=', orgId).where('name', '=', name);
  if (version !== undefined) query = query.where('version', '=', version);
  return (await query.execute()).map(toMatchable);
}

/** Sets the match key of components (after an identity mapping or a merge changed what they are). */
export async function setComponentMatchKeys(
  db: DbHandle,
  updates: readonly { readonly id: string; readonly matchKey: string | undefined }[],
): Promise<void> {
  for (const update of updates) {
    await db
      .updateTable('components')
      .set({ match_key: update.matchKey ?? null })
      .where('id', '=', update.id)
      .execute();
  }
}
