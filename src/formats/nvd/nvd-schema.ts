import { z } from 'zod';

/**
 * The parts of NVD's JSON we read, in zod: the CVE API 2.0 response (`format` `NVD_CVE`,
 * `version` 2.0, `vulnerabilities[].cve`) and the legacy JSON 1.1 data feed (`CVE_Items[]`).
 * Only what the importer needs is required; configurations are read node by node so that one
 * bad CPE match costs a warning, not the record.
 */
const langText = z.looseObject({ lang: z.string().optional(), value: z.string() });

const cvssData = z.looseObject({
  version: z.string().optional(),
  vectorString: z.string(),
  baseScore: z.number().optional(),
  baseSeverity: z.string().optional(),
});

const cvssMetric = z.looseObject({
  source: z.string().optional(),
  type: z.string().optional(),
  cvssData,
  baseSeverity: z.string().optional(),
});

export const nvdCveSchema = z.looseObject({
  id: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'is not a CVE id'),
  sourceIdentifier: z.string().optional(),
  published: z.string().optional(),
  lastModified: z.string().optional(),
  vulnStatus: z.string().optional(),
  descriptions: z.array(langText).optional(),
  metrics: z
    .looseObject({
      cvssMetricV2: z.array(cvssMetric).optional(),
      cvssMetricV30: z.array(cvssMetric).optional(),
      cvssMetricV31: z.array(cvssMetric).optional(),
      cvssMetricV40: z.array(cvssMetric).optional(),
    })
    .optional(),
  weaknesses: z.array(z.looseObject({ source: z.string().optional(), description: z.array(langText) })).optional(),
  configurations: z.array(z.unknown()).optional(),
  references: z.array(z.looseObject({ url: z.string(), tags: z.array(z.unknown()).optional() })).optional(),
  cisaExploitAdd: z.string().optional(),
  cisaActionDue: z.string().optional(),
  cisaRequiredAction: z.string().optional(),
});

export type NvdCveJson = z.infer<typeof nvdCveSchema>;

export const nvdLegacyItemSchema = z.looseObject({
  cve: z.looseObject({
    CVE_data_meta: z.looseObject({ ID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'is not a CVE id') }),
    problemtype: z
      .looseObject({ problemtype_data: z.array(z.looseObject({ description: z.array(langText) })) })
      .optional(),
    references: z
      .looseObject({
        reference_data: z.array(z.looseObject({ url: z.string(), tags: z.array(z.unknown()).optional() })),
      })
      .optional(),
    description: z.looseObject({ description_data: z.array(langText) }).optional(),
  }),
  configurations: z.looseObject({ nodes: z.array(z.unknown()).optional() }).optional(),
  impact: z
    .looseObject({
      baseMetricV3: z.looseObject({ cvssV3: cvssData }).optional(),
      baseMetricV2: z.looseObject({ cvssV2: cvssData, severity: z.string().optional() }).optional(),
    })
    .optional(),
  publishedDate: z.string().optional(),
  lastModifiedDate: z.string().optional(),
});

export type NvdLegacyItemJson = z.infer<typeof nvdLegacyItemSchema>;
