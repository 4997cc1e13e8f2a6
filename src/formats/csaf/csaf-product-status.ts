import type { CsafWarn } from './csaf-json.js';
import type { ResolvedCsafProduct } from './csaf-product-identity.js';

/** CSAF `product_status` categories (2.0 §3.2.3.9; 2.1 adds `unknown`), in the order they are read. */
export const csafStatusCategories = [
  'known_affected',
  'first_affected',
  'last_affected',
  'fixed',
  'first_fixed',
  'recommended',
  'known_not_affected',
  'under_investigation',
  'unknown',
] as const;
export type CsafStatusCategory = (typeof csafStatusCategories)[number];

/** The status groups of CSAF mandatory test 6.1.6 (contradicting product status), plus `recommended`. */
export type CsafStatusGroup = 'affected' | 'fixed' | 'not-affected' | 'investigating' | 'recommended';

export const csafStatusGroup: Readonly<Record<CsafStatusCategory, CsafStatusGroup>> = {
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  recommended: 'recommended',
  known_not_affected: 'not-affected',
  under_investigation: 'investigating',
  unknown: 'investigating',
};

/** One product listed under one status category. */
export interface CsafStatement {
  readonly category: CsafStatusCategory;
  readonly product: ResolvedCsafProduct;
  readonly pointer: string;
}

const known: ReadonlySet<string> = new Set(csafStatusCategories);

/**
 * Reads a vulnerability's `product_status`. Undefined product ids are reported and skipped. A
 * product listed both as affected and as fixed or not affected contradicts itself (6.1.6); it is
 * kept as affected only, because a statement we cannot reconcile must never hide a finding.
 */
export function readCsafProductStatus(
  json: Readonly<Record<string, unknown>> | undefined,
  products: ReadonlyMap<string, ResolvedCsafProduct>,
  pointer: string,
  warn: CsafWarn,
): CsafStatement[] {
  if (json === undefined) return [];
  for (const key of Object.keys(json)) {
    if (!known.has(key)) warn(`${pointer}/${key}`, `unknown product status '${key}': ignored`);
  }
  const statements: CsafStatement[] = [];
  for (const category of csafStatusCategories) {
    const ids = json[category];
    if (ids === undefined) continue;
    if (!Array.isArray(ids)) {
      warn(`${pointer}/${category}`, 'is not a list of product ids: ignored');
      continue;
    }
    ids.forEach((id: unknown, index) => {
      const at = `${pointer}/${category}/${index}`;
      const product = typeof id === 'string' ? products.get(id) : undefined;
      if (product === undefined) warn(at, `undefined product id ${JSON.stringify(id)}: ignored`);
      else statements.push({ category, product, pointer: at });
    });
  }
  const groupsOf = new Map<string, Set<CsafStatusGroup>>();
  for (const statement of statements) {
    const id = statement.product.product.id;
    const groups = groupsOf.get(id) ?? new Set<CsafStatusGroup>();
    groups.add(csafStatusGroup[statement.category]);
    groupsOf.set(id, groups);
  }
  const contradicted = new Set<string>();
  for (const [id, groups] of groupsOf) {
    const contradicting = [...groups].filter((group) => group !== 'recommended');
    if (contradicting.length < 2) continue;
    const treated = groups.has('affected') ? '; treated as affected' : '';
    warn(pointer, `product '${id}' has contradicting statuses (${contradicting.join(', ')})${treated}`);
    if (groups.has('affected')) contradicted.add(id);
  }
  return statements.filter(
    (statement) =>
      !contradicted.has(statement.product.product.id) || csafStatusGroup[statement.category] === 'affected',
  );
}
