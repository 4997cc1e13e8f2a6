import { z } from 'zod';

/**
 * The parts of a CVE JSON 5.x record (CVE Record Format 5.0/5.1, cvelistV5 layout) the importer
 * reads, in zod. The record shell is checked strictly (`cveMetadata.cveId`, `state`, a `cna`
 * container); the arrays inside containers are read item by item so one malformed `affected`
 * or `metrics` entry costs a warning, not the record.
 */
const items = z.array(z.unknown()).optional();

export const cve5ContainerSchema = z.looseObject({
  providerMetadata: z.looseObject({ shortName: z.string().optional(), dateUpdated: z.string().optional() }).optional(),
  title: z.string().optional(),
  descriptions: items,
  affected: items,
  metrics: items,
  problemTypes: items,
  references: items,
  cpeApplicability: items,
});

export type Cve5ContainerJson = z.infer<typeof cve5ContainerSchema>;

export const cve5RecordSchema = z.looseObject({
  dataType: z.literal('CVE_RECORD'),
  dataVersion: z.string().regex(/^5\./, 'must be a 5.x version'),
  cveMetadata: z.looseObject({
    cveId: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'is not a CVE id'),
    state: z.enum(['PUBLISHED', 'REJECTED']),
    assignerShortName: z.string().optional(),
    datePublished: z.string().optional(),
    dateUpdated: z.string().optional(),
    dateRejected: z.string().optional(),
  }),
  containers: z.looseObject({
    cna: cve5ContainerSchema,
    adp: z.array(cve5ContainerSchema).optional(),
  }),
});

export type Cve5RecordJson = z.infer<typeof cve5RecordSchema>;

/** CVE 5 `affected[]` item (CVE schema `product`). */
export const cve5ProductSchema = z.looseObject({
  vendor: z.string().optional(),
  product: z.string().optional(),
  packageName: z.string().optional(),
  collectionURL: z.string().optional(),
  repo: z.string().optional(),
  cpes: z.array(z.string()).optional(),
  platforms: z.array(z.string()).optional(),
  defaultStatus: z.enum(['affected', 'unaffected', 'unknown']).optional(),
  versions: z
    .array(
      z.looseObject({
        version: z.string(),
        status: z.enum(['affected', 'unaffected', 'unknown']),
        versionType: z.string().optional(),
        lessThan: z.string().optional(),
        lessThanOrEqual: z.string().optional(),
        changes: z
          .array(z.looseObject({ at: z.string(), status: z.enum(['affected', 'unaffected', 'unknown']) }))
          .optional(),
      }),
    )
    .optional(),
});

const cvssEntry = z.looseObject({
  vectorString: z.string(),
  baseScore: z.number().optional(),
  baseSeverity: z.string().optional(),
});

/** CVE 5 `metrics[]` item: CVSS objects by version and `other` (SSVC, KEV, text severities). */
export const cve5MetricSchema = z.looseObject({
  cvssV2_0: cvssEntry.optional(),
  cvssV3_0: cvssEntry.optional(),
  cvssV3_1: cvssEntry.optional(),
  cvssV4_0: cvssEntry.optional(),
  other: z.looseObject({ type: z.string(), content: z.unknown() }).optional(),
});

export const cve5DescriptionSchema = z.looseObject({ lang: z.string().optional(), value: z.string() });

export const cve5ProblemTypeSchema = z.looseObject({
  descriptions: z.array(
    z.looseObject({ cweId: z.string().optional(), description: z.string().optional(), type: z.string().optional() }),
  ),
});

export const cve5ReferenceSchema = z.looseObject({ url: z.string(), tags: z.array(z.unknown()).optional() });
