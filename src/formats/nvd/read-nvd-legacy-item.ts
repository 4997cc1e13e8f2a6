import { CvssScore } from '../../core/vulnerability-cvss.js';
import type { Vulnerability } from '../../core/vulnerability.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import type { NvdLegacyItemJson } from './nvd-schema.js';
import { english, nvdVulnerability } from './nvd-vulnerability.js';
import { readLegacyCpeNodes } from './read-cpe-configurations.js';

/**
 * Converts one `CVE_Items[]` entry of the legacy NVD JSON 1.1 data feed (retired by NVD in 2023
 * but still in offline mirrors) into the same model as the 2.0 API. A rejected CVE is marked by
 * NVD 1.1 only in its description (`** REJECT **`).
 */
export function readNvdLegacyItem(
  json: NvdLegacyItemJson,
  pointer: string,
): { record: Vulnerability; warnings: FeedDiagnostic[] } {
  const recordId = json.cve.CVE_data_meta.ID;
  const warnings: FeedDiagnostic[] = [];
  const metrics = [json.impact?.baseMetricV3?.cvssV3, json.impact?.baseMetricV2?.cvssV2].flatMap((data) => {
    if (data === undefined) return [];
    const score = CvssScore.fromVector({
      vector: data.vectorString,
      source: 'nvd@nist.gov',
      type: 'Primary',
      baseScore: data.baseScore,
      baseSeverity:
        data.baseSeverity ??
        (data === json.impact?.baseMetricV2?.cvssV2 ? json.impact.baseMetricV2.severity : undefined),
    });
    if (score === undefined) {
      warnings.push({
        severity: 'warning',
        path: `${pointer}/impact`,
        recordId,
        message: `'${data.vectorString}' is not a CVSS vector: ignored`,
      });
    }
    return score === undefined ? [] : [score];
  });
  const description = english(json.cve.description?.description_data ?? []);
  const rejected = description?.startsWith('** REJECT **') === true;
  const cpeConfigurations = readLegacyCpeNodes(json.configurations?.nodes, `${pointer}/configurations/nodes`, {
    recordId,
    warnings,
  });
  if (!rejected && cpeConfigurations.length === 0) {
    warnings.push({
      severity: 'warning',
      path: `${pointer}/configurations`,
      recordId,
      message: 'no CPE configuration: nothing to match components against',
    });
  }
  const record = nvdVulnerability({
    id: recordId,
    description,
    published: json.publishedDate,
    modified: json.lastModifiedDate,
    rejected,
    cvss: metrics,
    weaknesses: (json.cve.problemtype?.problemtype_data ?? []).flatMap((p) => p.description.map((d) => d.value)),
    references: json.cve.references?.reference_data ?? [],
    cpeConfigurations,
  });
  return { record, warnings };
}
