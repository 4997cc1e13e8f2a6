import { z } from 'zod';

/**
 * A CISA KEV catalog entry as CISA's own schema (`known_exploited_vulnerabilities_schema.json`)
 * defines it: `cveID`, `vendorProject`, `product`, `vulnerabilityName`, `dateAdded`,
 * `shortDescription`, `requiredAction`, `dueDate` are required; `knownRansomwareCampaignUse`,
 * `notes` and `cwes` are optional. Dates are `YYYY-MM-DD`.
 */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date');

export const kevEntrySchema = z.looseObject({
  cveID: z.string().regex(/^CVE-\d{4}-\d{4,}$/, 'is not a CVE id'),
  vendorProject: z.string(),
  product: z.string(),
  vulnerabilityName: z.string(),
  dateAdded: date,
  shortDescription: z.string(),
  requiredAction: z.string(),
  dueDate: date,
  knownRansomwareCampaignUse: z.string().optional(),
  notes: z.string().optional(),
  cwes: z.array(z.string()).optional(),
});

export type KevEntryJson = z.infer<typeof kevEntrySchema>;

/** The CSV header CISA publishes, in order; the CSV carries `cwes` as one comma-separated field. */
export const kevCsvColumns = [
  'cveID',
  'vendorProject',
  'product',
  'vulnerabilityName',
  'dateAdded',
  'shortDescription',
  'requiredAction',
  'dueDate',
  'knownRansomwareCampaignUse',
  'notes',
  'cwes',
] as const;
