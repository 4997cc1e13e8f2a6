import type { Vulnerability } from '../../../src/core/vulnerability.js';
import type { FeedDiagnostic } from '../../../src/core/vulnerability-feed-result.js';
import { parseCsafValue } from '../../../src/formats/csaf/index.js';

/**
 * A small hand-written CSAF 2.0 document: the mandatory `document` fields (CSAF 2.0 §3.2.1) with
 * the given product tree and vulnerabilities. `document` overrides are merged one level deep.
 */
export function csafDocument(parts: {
  readonly productTree?: Record<string, unknown>;
  readonly vulnerabilities?: readonly unknown[];
  readonly document?: Record<string, unknown>;
  readonly tracking?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      title: 'Example Company ABC vulnerabilities',
      publisher: { category: 'vendor', name: 'Example Company PSIRT', namespace: 'https://psirt.example.com' },
      tracking: {
        id: 'EXAMPLE-2024-0001',
        status: 'final',
        version: '2',
        initial_release_date: '2024-01-10T10:00:00.000Z',
        current_release_date: '2024-02-01T10:00:00.000Z',
        revision_history: [],
        ...parts.tracking,
      },
      ...parts.document,
    },
    ...(parts.productTree === undefined ? {} : { product_tree: parts.productTree }),
    ...(parts.vulnerabilities === undefined ? {} : { vulnerabilities: parts.vulnerabilities }),
  };
}

/** A vendor → product_name → leaf branch tree, one leaf per entry. */
export function branchTree(
  product: string,
  leaves: readonly { category: string; name: string; id: string; purl?: string; purls?: string[]; cpe?: string }[],
): Record<string, unknown> {
  return {
    branches: [
      {
        category: 'vendor',
        name: 'Example Company',
        branches: [
          {
            category: 'product_name',
            name: product,
            branches: leaves.map((leaf) => ({
              category: leaf.category,
              name: leaf.name,
              product: {
                name: `Example Company ${product} ${leaf.name}`,
                product_id: leaf.id,
                ...(leaf.purl === undefined && leaf.cpe === undefined && leaf.purls === undefined
                  ? {}
                  : {
                      product_identification_helper: {
                        ...(leaf.purl === undefined ? {} : { purl: leaf.purl }),
                        ...(leaf.purls === undefined ? {} : { purls: leaf.purls }),
                        ...(leaf.cpe === undefined ? {} : { cpe: leaf.cpe }),
                      },
                    }),
              },
            })),
          },
        ],
      },
    ],
  };
}

/** Parses a document that must give exactly one record; returns it with the diagnostics. */
export function onlyRecord(document: unknown): { record: Vulnerability; errors: readonly FeedDiagnostic[] } {
  const result = parseCsafValue(document);
  if (result.records.length !== 1) {
    throw new Error(`expected one record, got ${result.records.length}: ${JSON.stringify(result.errors)}`);
  }
  return { record: result.records[0] as Vulnerability, errors: result.errors };
}
