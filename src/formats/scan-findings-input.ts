/**
 * What the report writers (SARIF, CycloneDX VDR) read of a scan: a structural subset of the
 * `jointsec scan` report (services' `ScanReport` is assignable to it), so formats need not
 * import services.
 */
export interface ScanFindingsInput<F extends ScanFindingInput = ScanFindingInput> {
  readonly findings: readonly F[];
  readonly summary: { readonly sbom: ScannedSbomInput };
}

/** The SBOM that was scanned. */
export interface ScannedSbomInput {
  /** As the user named it; may be empty when the SBOM came from standard input or an upload. */
  readonly file: string;
  readonly format: string;
  readonly specVersion: string;
}

/** One finding: a component, the vulnerability, its fixes and why it was reported. */
export interface ScanFindingInput {
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
    readonly cvss: readonly ScanCvssInput[];
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

export interface ScanCvssInput {
  readonly version: string;
  readonly vector: string;
  readonly score: number | null;
  readonly source: string;
}
