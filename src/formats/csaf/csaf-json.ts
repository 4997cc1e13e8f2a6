import { z } from 'zod';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';

/**
 * The parts of a CSAF 2.0 / 2.1 document the importer reads (OASIS CSAF 2.0 §3.1–3.2, CSAF 2.1
 * CSD01 schema `csaf.json`), written from the specification. Loose on purpose: validating a
 * document against the official schema is the validator's job; here each list item is checked on
 * its own so one malformed item costs a warning, not the document.
 */
const list = z.array(z.unknown());

export const csafDocumentSchema = z.looseObject({
  document: z.looseObject({
    csaf_version: z.string(),
    category: z.string(),
    title: z.string().optional(),
    publisher: z
      .looseObject({ name: z.string(), category: z.string().optional(), namespace: z.string().optional() })
      .optional(),
    tracking: z.looseObject({
      id: z.string().trim().min(1),
      status: z.string().optional(),
      version: z.string().optional(),
      initial_release_date: z.string().optional(),
      current_release_date: z.string().optional(),
    }),
    notes: list.optional(),
    references: list.optional(),
    aggregate_severity: z.looseObject({ text: z.string(), namespace: z.string().optional() }).optional(),
  }),
  product_tree: z
    .looseObject({
      branches: list.optional(),
      full_product_names: list.optional(),
      relationships: list.optional(),
      product_paths: list.optional(),
      product_groups: list.optional(),
    })
    .optional(),
  vulnerabilities: list.optional(),
});

export type CsafDocumentJson = z.infer<typeof csafDocumentSchema>;

export const csafNoteSchema = z.looseObject({
  category: z.string(),
  text: z.string(),
  title: z.string().optional(),
});

export const csafReferenceSchema = z.looseObject({
  url: z.string().min(1),
  category: z.string().optional(),
  summary: z.string().optional(),
});

const productIdentificationHelper = z.looseObject({
  cpe: z.string().optional(),
  purl: z.string().optional(),
  // CSAF 2.1 replaces `purl` by a list.
  purls: z.array(z.string()).optional(),
});

export const csafFullProductNameSchema = z.looseObject({
  name: z.string(),
  product_id: z.string().min(1),
  product_identification_helper: productIdentificationHelper.optional(),
});
export type CsafFullProductNameJson = z.infer<typeof csafFullProductNameSchema>;

export const csafBranchSchema = z.looseObject({
  category: z.string(),
  name: z.string(),
  product: z.unknown().optional(),
  branches: list.optional(),
});

export const csafRelationshipSchema = z.looseObject({
  category: z.string(),
  full_product_name: csafFullProductNameSchema,
  product_reference: z.string().min(1),
  relates_to_product_reference: z.string().min(1),
});

export const csafProductPathSchema = z.looseObject({
  beginning_product_reference: z.string().min(1),
  full_product_name: csafFullProductNameSchema,
  subpaths: z.array(z.looseObject({ category: z.string(), next_product_reference: z.string().min(1) })).min(1),
});

export const csafProductGroupSchema = z.looseObject({
  group_id: z.string().min(1),
  product_ids: z.array(z.string()),
});

const cvssJson = z.looseObject({
  vectorString: z.string(),
  baseScore: z.number().optional(),
  baseSeverity: z.string().optional(),
});

/** CSAF 2.0 `scores[]`. */
export const csafScoreSchema = z.looseObject({
  products: z.array(z.string()).optional(),
  cvss_v2: cvssJson.optional(),
  cvss_v3: cvssJson.optional(),
});

/** CSAF 2.1 `metrics[]`. */
export const csafMetricSchema = z.looseObject({
  products: z.array(z.string()).optional(),
  content: z.looseObject({
    cvss_v2: cvssJson.optional(),
    cvss_v3: cvssJson.optional(),
    cvss_v4: cvssJson.optional(),
    qualitative_severity_rating: z.string().optional(),
  }),
});

export const csafRemediationSchema = z.looseObject({
  category: z.string(),
  details: z.string().optional(),
  url: z.string().optional(),
  product_ids: z.array(z.string()).optional(),
  group_ids: z.array(z.string()).optional(),
});

export const csafFlagSchema = z.looseObject({
  label: z.string(),
  product_ids: z.array(z.string()).optional(),
  group_ids: z.array(z.string()).optional(),
});

export const csafIdSchema = z.looseObject({ system_name: z.string().optional(), text: z.string().trim().min(1) });

export const csafCweSchema = z.looseObject({ id: z.string(), name: z.string().optional() });

export const csafVulnerabilitySchema = z.looseObject({
  cve: z.string().optional(),
  ids: list.optional(),
  title: z.string().optional(),
  notes: list.optional(),
  cwe: z.unknown().optional(),
  cwes: list.optional(),
  references: list.optional(),
  product_status: z.record(z.string(), z.unknown()).optional(),
  remediations: list.optional(),
  scores: list.optional(),
  metrics: list.optional(),
  flags: list.optional(),
});
export type CsafVulnerabilityJson = z.infer<typeof csafVulnerabilitySchema>;

/** Where to report, and under which record. */
export type CsafWarn = (pointer: string, message: string) => void;

/** A warning collector for one record (or the document, with its advisory id). */
export function warningsFor(recordId: string, into: FeedDiagnostic[]): CsafWarn {
  return (path, message) => into.push({ severity: 'warning', path, message, recordId });
}

/**
 * The items of an optional list that match `schema`, each with its JSON pointer; a malformed item
 * is skipped with a warning naming the first problem.
 */
export function readItems<T>(
  value: readonly unknown[] | undefined,
  schema: z.ZodType<T>,
  pointer: string,
  warn: CsafWarn,
  what: string,
): { readonly value: T; readonly pointer: string }[] {
  const out: { value: T; pointer: string }[] = [];
  (value ?? []).forEach((item, index) => {
    const parsed = schema.safeParse(item);
    const at = `${pointer}/${index}`;
    if (parsed.success) out.push({ value: parsed.data, pointer: at });
    else warn(at, `${what} ignored: ${describeIssue(parsed.error.issues[0])}`);
  });
  return out;
}

function describeIssue(issue: { readonly path: readonly PropertyKey[]; readonly message: string } | undefined): string {
  if (issue === undefined) return 'not readable';
  const where = issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return `${where}${issue.message}`;
}
