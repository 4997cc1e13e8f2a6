import type { VulnerabilitySource } from '../core/vulnerability.js';

/** `affected`, or `unknown-version` when no order could be established: never folded into "not affected". */
export type FindingStatus = 'affected' | 'unknown-version';

/** How the component was tied to the advisory: by package key (precise) or by CPE (a guess). */
export type MatchConfidence = 'high' | 'low';

/** The OSV `affected[]` entry that decided. */
export interface AffectedEntryEvidence {
  readonly kind: 'osv-affected';
  readonly affectedIndex: number;
  /** As the source wrote it: `Debian:11`, `PyPI`. */
  readonly ecosystem: string;
  readonly package: string;
  readonly packageKey: string;
}

/** The NVD configuration that decided. */
export interface CpeConfigurationEvidence {
  readonly kind: 'cpe-configuration';
  readonly configurationIndex: number;
  /** The vulnerable criterion the component matched. */
  readonly criteria?: string;
  /** Set when the component's vendor:product was rewritten by the alias table. */
  readonly alias?: { readonly from: string; readonly to: string };
}

/** Everything a reviewer needs to re-check a finding by hand. */
export interface FindingEvidence {
  /** The feed that said so. */
  readonly source: VulnerabilitySource;
  readonly sourceUrl?: string;
  readonly method: 'package-key' | 'cpe';
  readonly confidence: MatchConfidence;
  /** Whether the identity came from the SBOM or from an analyst's manual mapping. */
  readonly identity: {
    readonly origin: 'sbom' | 'manual';
    readonly purl?: string;
    readonly cpe?: string;
    readonly note?: string;
  };
  readonly matched: AffectedEntryEvidence | CpeConfigurationEvidence;
  /** The range that decided, readable: `ranges[0] ECOSYSTEM introduced 0, fixed 2:4.9-8.el9`, or a CPE criterion. */
  readonly range?: string;
  /** The bound that decided: `fixed 2.2.0`, `versionEndExcluding 1.32.0`. */
  readonly event?: string;
  /** The version that was compared (after source-package and epoch handling), and the scheme. */
  readonly version?: string;
  readonly scheme?: string;
  /** One sentence a reviewer can check: `2.2.0rc1 ≥ introduced 2.0.0 and < fixed 2.2.0 (ECOSYSTEM)`. */
  readonly reason: string;
  /** How the identity was derived (source package used, epoch added, release unknown, …). */
  readonly notes: readonly string[];
}

/** The component as the SBOM described it. */
export interface FindingComponent {
  readonly ref: string;
  readonly name: string;
  readonly version?: string;
  readonly purl?: string;
  readonly cpe?: string;
}

/** "This component is (or may be) affected by this vulnerability, and here is why." */
export interface Finding {
  readonly vulnerabilityId: string;
  readonly aliases: readonly string[];
  readonly component: FindingComponent;
  readonly status: FindingStatus;
  /** Versions that fix it, from the deciding entry or configuration, when the source gives them. */
  readonly fixedVersions: readonly string[];
  readonly evidence: FindingEvidence;
}
