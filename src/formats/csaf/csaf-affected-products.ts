import type {
  AffectedProduct,
  ProductStatus,
  ProductVersionStatus,
} from '../../core/vulnerability-affected-product.js';
import { csafStatusGroup, type CsafStatement, type CsafStatusGroup } from './csaf-product-status.js';

const statusOf: Readonly<Record<CsafStatusGroup, ProductStatus | undefined>> = {
  affected: 'affected',
  fixed: 'unaffected',
  'not-affected': 'unaffected',
  investigating: 'unknown',
  // A recommended product is an upgrade target; its own status is stated under fixed or not affected.
  recommended: undefined,
};

/** How strongly a status is kept when one product line gets several unversioned statements. */
const weight: Readonly<Record<ProductStatus, number>> = { affected: 2, unknown: 1, unaffected: 0 };

/**
 * The vendor/product view of the products that have neither a purl nor a CPE (CISA ICS advisories
 * name products only by vendor, product and version text): one entry per vendor, product and
 * platforms, in the CVE 5 shape. Nothing matches on these; they keep what the advisory said so an
 * analyst (or a later inventory matcher) can read it. Exact versions are `version`; a range is
 * its vers string with `versionType: 'vers'`, or its text with `versionType: 'text'`.
 */
export function csafAffectedProducts(statements: readonly CsafStatement[], provider: string): AffectedProduct[] {
  const lines = new Map<
    string,
    {
      vendor?: string;
      product?: string;
      platforms: string[];
      versions: ProductVersionStatus[];
      defaultStatus?: ProductStatus;
    }
  >();
  for (const statement of statements) {
    const resolved = statement.product;
    if (resolved.packages.length > 0 || resolved.cpe !== undefined) continue;
    const status = statusOf[csafStatusGroup[statement.category]];
    if (status === undefined) continue;
    const { component } = resolved;
    const product = component.productName ?? component.name;
    const platforms = resolved.platforms.map((platform) => platform.name);
    const key = JSON.stringify([component.vendor ?? '', product, platforms]);
    let line = lines.get(key);
    if (line === undefined) {
      line = {
        ...(component.vendor === undefined ? {} : { vendor: component.vendor }),
        product,
        platforms,
        versions: [],
      };
      lines.set(key, line);
    }
    const { version } = resolved;
    if (version.kind === 'none') {
      if (line.defaultStatus === undefined || weight[status] > weight[line.defaultStatus]) line.defaultStatus = status;
      continue;
    }
    const entry: ProductVersionStatus =
      version.kind === 'exact'
        ? { version: version.version, status, changes: [] }
        : version.vers === undefined
          ? { version: version.text, status, versionType: 'text', changes: [] }
          : { version: version.vers, status, versionType: 'vers', changes: [] };
    if (!line.versions.some((seen) => JSON.stringify(seen) === JSON.stringify(entry))) line.versions.push(entry);
  }
  return [...lines.values()].map((line) => ({
    provider,
    ...(line.vendor === undefined ? {} : { vendor: line.vendor }),
    ...(line.product === undefined ? {} : { product: line.product }),
    cpes: [],
    platforms: line.platforms,
    ...(line.defaultStatus === undefined ? {} : { defaultStatus: line.defaultStatus }),
    versions: line.versions,
  }));
}
