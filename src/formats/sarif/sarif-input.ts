import type { ScanCvssInput, ScanFindingInput, ScanFindingsInput, ScannedSbomInput } from '../scan-findings-input.js';

/** What the SARIF writer reads of a scan (see scan-findings-input.ts). */
export type SarifInput = ScanFindingsInput;
/** The SBOM that was scanned: every result is located in this file. */
export type SarifScannedSbom = ScannedSbomInput;
export type SarifFinding = ScanFindingInput;
export type SarifCvss = ScanCvssInput;

/** Who wrote the log: `tool.driver`. */
export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** Absolute URI of the tool's documentation; left out when the caller has none. */
  readonly informationUri?: string;
}
