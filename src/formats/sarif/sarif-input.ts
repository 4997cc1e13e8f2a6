/**
 * What the SARIF writer reads of a scan: a structural subset of the `jointsec scan` report
 * (services' `ScanReport` is assignable to it), so formats need not import services.
 */
export interface SarifInput {
  readonly findings: readonly SarifFinding[];
  readonly summary: { readonly sbom: SarifScannedSbom };
}

/** The SBOM that was scanned: every result is located in this file. */
export interface SarifScannedSbom {
  /** As the user named it; may be empty when the SBOM came from standard input or an upload. */
  readonly file: string;
  readonly format: string;
  readonly specVersion: string;
}

export interface SarifFinding {
  readonly component: {
    readonly name: string;
    readonly version: string | null;
    readonly purl: string | null;
    readonly cpe: string | null;
  };
  readonly vulnerability: {
    readonly id: string;
    readonly aliases: readonly string[];
    readonly summary: string | null;
    readonly cvss: readonly SarifCvss[];
    readonly kev: boolean;
    readonly epss: number | null;
    readonly cwes: readonly string[];
    readonly references: readonly { readonly type: string; readonly url: string }[];
  };
  readonly fixedVersions: readonly string[];
  readonly evidence: {
    readonly status: 'affected' | 'unknown-version';
    readonly componentRef: string;
    readonly source: string;
    readonly record: string;
    readonly reason: string;
  };
}

export interface SarifCvss {
  readonly version: string;
  readonly vector: string;
  readonly score: number | null;
  readonly source: string;
}

/** Who wrote the log: `tool.driver`. */
export interface SarifTool {
  readonly name: string;
  readonly version: string;
  /** Absolute URI of the tool's documentation; left out when the caller has none. */
  readonly informationUri?: string;
}
