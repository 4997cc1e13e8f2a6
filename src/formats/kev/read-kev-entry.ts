import type { KevEntry, RansomwareUse } from '../../core/vulnerability-kev-entry.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import type { KevEntryJson } from './kev-schema.js';

/** Converts one schema-checked KEV entry (from JSON or CSV) into the core model. */
export function readKevEntry(json: KevEntryJson, path: string): { entry: KevEntry; warnings: FeedDiagnostic[] } {
  const warnings: FeedDiagnostic[] = [];
  const use = ransomwareUse(json.knownRansomwareCampaignUse);
  if (use === undefined) {
    warnings.push({
      severity: 'warning',
      path,
      recordId: json.cveID,
      message: `knownRansomwareCampaignUse '${String(json.knownRansomwareCampaignUse)}' is neither Known nor Unknown: read as unknown`,
    });
  }
  return {
    entry: {
      cveId: json.cveID,
      vendorProject: json.vendorProject,
      product: json.product,
      vulnerabilityName: json.vulnerabilityName,
      dateAdded: json.dateAdded,
      shortDescription: json.shortDescription,
      requiredAction: json.requiredAction,
      dueDate: json.dueDate,
      knownRansomwareCampaignUse: use ?? 'unknown',
      notes: json.notes ?? '',
      cwes: json.cwes ?? [],
    },
    warnings,
  };
}

function ransomwareUse(value: string | undefined): RansomwareUse | undefined {
  const word = value?.trim().toLowerCase();
  if (word === 'known') return true;
  if (word === 'unknown') return 'unknown';
  return undefined;
}
