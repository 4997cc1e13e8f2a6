import { CvssScore } from '../../core/vulnerability-cvss.js';
import type { Vulnerability } from '../../core/vulnerability.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import { english, nvdVulnerability } from './nvd-vulnerability.js';
import { readCpeConfigurations } from './read-cpe-configurations.js';
import type { NvdCveJson } from './nvd-schema.js';

const metricKeys = ['cvssMetricV2', 'cvssMetricV30', 'cvssMetricV31', 'cvssMetricV40'] as const;

/**
 * Converts one NVD CVE API 2.0 `cve` object into the core model: English description, every
 * CVSS metric with its source and Primary/Secondary type, CWE weaknesses, CPE configurations,
 * references, the KEV fields NVD copies from CISA, and `vulnStatus: Rejected` as withdrawn.
 */
export function readNvdCve(json: NvdCveJson, pointer: string): { record: Vulnerability; warnings: FeedDiagnostic[] } {
  const recordId = json.id;
  const warnings: FeedDiagnostic[] = [];
  const cvss = metricKeys.flatMap((key) =>
    (json.metrics?.[key] ?? []).flatMap((metric, index) => {
      const score = CvssScore.fromVector({
        vector: metric.cvssData.vectorString,
        source: metric.source ?? 'nvd@nist.gov',
        baseScore: metric.cvssData.baseScore,
        baseSeverity: metric.cvssData.baseSeverity ?? metric.baseSeverity,
        type: metric.type,
      });
      if (score === undefined) {
        const path = `${pointer}/metrics/${key}/${index}/cvssData/vectorString`;
        warnings.push({
          severity: 'warning',
          path,
          recordId,
          message: `'${metric.cvssData.vectorString}' is not a CVSS vector: ignored`,
        });
      }
      return score === undefined ? [] : [score];
    }),
  );
  const rejected = json.vulnStatus === 'Rejected';
  const cpeConfigurations = readCpeConfigurations(json.configurations, `${pointer}/configurations`, {
    recordId,
    warnings,
  });
  if (!rejected && cpeConfigurations.length === 0) {
    warnings.push({
      severity: 'warning',
      path: `${pointer}/configurations`,
      recordId,
      message: `no CPE configuration (vulnStatus ${json.vulnStatus ?? 'absent'}): nothing to match components against`,
    });
  }
  const record: Vulnerability = {
    ...nvdVulnerability({
      id: recordId,
      description: english(json.descriptions ?? []),
      published: json.published,
      modified: json.lastModified,
      rejected,
      cvss,
      weaknesses: (json.weaknesses ?? []).flatMap((w) => w.description.map((d) => d.value)),
      references: json.references ?? [],
      cpeConfigurations,
    }),
    ...(json.cisaExploitAdd === undefined
      ? {}
      : {
          knownExploited: {
            dateAdded: json.cisaExploitAdd,
            ...(json.cisaActionDue === undefined ? {} : { dueDate: json.cisaActionDue }),
            ...(json.cisaRequiredAction === undefined ? {} : { requiredAction: json.cisaRequiredAction }),
          },
        }),
  };
  return { record, warnings };
}
