import type { SeverityRating } from '../../core/vulnerability-cvss.js';
import type { Vulnerability } from '../../core/vulnerability.js';
import { FeedDiagnostic, type FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { csafDocumentSchema, csafReferenceSchema, readItems, warningsFor, type CsafDocumentJson } from './csaf-json.js';
import { resolveCsafProducts } from './csaf-product-identity.js';
import { readCsafProductTree } from './csaf-product-tree.js';
import { csafVersionOf, csafVersions, isCsafDocument } from './is-csaf-document.js';
import { csafReference, readCsafVulnerability, type CsafDocumentContext } from './read-csaf-vulnerability.js';

export interface ParseCsafOptions {
  /** Where the document was read from; else its first `self` reference. */
  readonly sourceUrl?: string;
}

/** Parses the text of one CSAF document (see `parseCsafValue`). */
export function parseCsaf(text: string, options: ParseCsafOptions = {}): FeedParseResult<Vulnerability> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { records: [], errors: [parsed.diagnostic] };
  return parseCsafValue(parsed.value, options);
}

/**
 * Parses one decoded CSAF 2.0 / 2.1 document into one record per `vulnerabilities[]` entry (see
 * read-csaf-vulnerability.ts), with the product tree flattened and the product statuses mapped to
 * purl entries, CPE configurations and vendor/product statements. A document that is not CSAF, of
 * another version, or without an advisory id (`document.tracking.id`) yields one error and no
 * records; a malformed vulnerability is an error for that record only; everything else is a
 * warning. Never throws on input; output order is document order.
 *
 * Withdrawal: CSAF 2.0 has no such status. Only a CSAF 2.1 `csaf_withdrawn` document says the
 * advisory is withdrawn; its records carry `withdrawn` (the current release date). A superseded
 * or draft document is not withdrawn.
 */
export function parseCsafValue(value: unknown, options: ParseCsafOptions = {}): FeedParseResult<Vulnerability> {
  if (!isCsafDocument(value)) {
    const version = csafVersionOf(value);
    const message =
      version === undefined
        ? 'not a CSAF document: no document.csaf_version'
        : `CSAF version ${JSON.stringify(version)} is not supported (only ${csafVersions.join(' and ')})`;
    return { records: [], errors: [{ severity: 'error', path: '/document/csaf_version', message }] };
  }
  const shape = csafDocumentSchema.safeParse(value);
  if (!shape.success) {
    return { records: [], errors: FeedDiagnostic.fromIssues(shape.error.issues, { base: '', severity: 'error' }) };
  }
  const json = shape.data;
  const advisoryId = json.document.tracking.id.trim();
  const errors: FeedDiagnostic[] = [];
  const warn = warningsFor(advisoryId, errors);
  const tree = readCsafProductTree(json.product_tree, warn);
  const ctx = documentContext(json, advisoryId, {
    products: resolveCsafProducts(tree, warn),
    groups: tree.groups,
    warn,
    options,
  });
  const records: Vulnerability[] = [];
  (json.vulnerabilities ?? []).forEach((item, index) => {
    const outcome = readCsafVulnerability(item, index, ctx);
    if (outcome.record !== undefined) records.push(outcome.record);
    errors.push(...outcome.diagnostics);
  });
  return { records, errors };
}

function documentContext(
  json: CsafDocumentJson,
  advisoryId: string,
  parts: Pick<CsafDocumentContext, 'products' | 'groups'> & {
    readonly warn: (pointer: string, message: string) => void;
    readonly options: ParseCsafOptions;
  },
): CsafDocumentContext {
  const { document } = json;
  const { tracking } = document;
  const publisher = document.publisher?.name.trim() || advisoryId;
  const references = readItems(
    document.references,
    csafReferenceSchema,
    '/document/references',
    parts.warn,
    'reference',
  ).map(({ value }) => value);
  const sourceUrl = parts.options.sourceUrl ?? references.find((reference) => reference.category === 'self')?.url;
  const ratings: SeverityRating[] =
    document.aggregate_severity === undefined ? [] : [{ source: publisher, rating: document.aggregate_severity.text }];
  const withdrawn =
    document.category === 'csaf_withdrawn'
      ? (tracking.current_release_date ?? tracking.initial_release_date ?? '')
      : undefined;
  return {
    advisoryId,
    publisher,
    ...(document.title === undefined ? {} : { title: document.title }),
    ...(tracking.initial_release_date === undefined ? {} : { published: tracking.initial_release_date }),
    ...(tracking.current_release_date === undefined ? {} : { modified: tracking.current_release_date }),
    ...(withdrawn === undefined ? {} : { withdrawn }),
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    products: parts.products,
    groups: parts.groups,
    references: references.map(csafReference),
    ratings,
    facts: {
      advisoryId,
      documentCategory: document.category,
      csafVersion: document.csaf_version,
      publisher: {
        name: publisher,
        ...(document.publisher?.category === undefined ? {} : { category: document.publisher.category }),
        ...(document.publisher?.namespace === undefined ? {} : { namespace: document.publisher.namespace }),
      },
      ...(tracking.status === undefined ? {} : { trackingStatus: tracking.status }),
      ...(tracking.version === undefined ? {} : { trackingVersion: tracking.version }),
    },
  };
}
