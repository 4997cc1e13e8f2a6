import { writeCycloneDxVdr } from '../formats/cyclonedx/write-vdr.js';
import { writeSarif } from '../formats/sarif/write-sarif.js';
import { packageVersion } from './package-root.js';
import type { ScanReport } from './scan-report.js';

/** The machine-readable forms a scan report can be written in besides its own JSON. */
export type ScanDocumentFormat = 'sarif' | 'cyclonedx-vdr';

/**
 * A scan report as SARIF 2.1.0 (for code-scanning dashboards) or as a CycloneDX 1.6
 * vulnerability disclosure report (VDR), with jointsec as the tool.
 */
export function writeScanDocument(report: ScanReport, format: ScanDocumentFormat, now: Date = new Date()): string {
  const tool = { name: 'jointsec', version: packageVersion() };
  return format === 'sarif'
    ? writeSarif(report, tool)
    : writeCycloneDxVdr(report, { tool, timestamp: now.toISOString() });
}
