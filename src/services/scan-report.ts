import type { FindingEvidence, FindingStatus } from '../matching/finding.js';
import type { FeedImportFile, FeedImportProblem } from './feed-import.js';

/**
 * The `jointsec scan` JSON contract (issue #3 item 7). `findings` and the keys of each finding
 * are fixed by the contract; `summary` is an addition beside it. Absent values are `null`, not
 * missing, so every finding has the same keys.
 */
export interface ScanReport {
  readonly findings: readonly ScanFinding[];
  readonly summary: ScanSummary;
}

export interface ScanFinding {
  readonly component: {
    readonly name: string;
    readonly version: string | null;
    readonly purl: string | null;
    readonly cpe: string | null;
  };
  readonly vulnerability: ScanVulnerability;
  readonly fixedVersions: readonly string[];
  readonly evidence: ScanEvidence;
}

export interface ScanVulnerability {
  /** The CVE when the merged vulnerability has exactly one, else the id of the record that matched. */
  readonly id: string;
  /** Every other identifier any loaded source uses for it, sorted. */
  readonly aliases: readonly string[];
  readonly summary: string | null;
  readonly cvss: readonly ScanCvss[];
  readonly kev: boolean;
  /** The EPSS probability (0..1); the percentile and score date are in the evidence. */
  readonly epss: number | null;
  /** Additions to the contract's keys: CWE ids and references from every source. */
  readonly cwes: readonly string[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
}

/** One CVSS vector as one source published it. */
export interface ScanCvss {
  readonly version: string;
  readonly vector: string;
  /** The base score the source states, else the one computed from the vector; null for an invalid vector. */
  readonly score: number | null;
  readonly source: string;
  /** Where `score` comes from: the source's own figure, or computed by jointsec from the vector. */
  readonly scoreFrom: 'source' | 'computed' | null;
}

/** The matcher's evidence, plus what the scan added to it. */
export interface ScanEvidence extends FindingEvidence {
  readonly status: FindingStatus;
  /** The SBOM's own reference of the component (bom-ref / SPDXID). */
  readonly componentRef: string;
  /** The record whose entry decided (its id in its source). */
  readonly record: string;
  /** Other records of the same vulnerability that also matched this component. */
  readonly alsoMatchedBy: readonly {
    readonly record: string;
    readonly source: string;
    readonly status: FindingStatus;
  }[];
  readonly kev: {
    readonly source: string;
    readonly cve?: string;
    readonly dateAdded: string;
    readonly dueDate: string | null;
    readonly knownRansomwareCampaignUse?: boolean | 'unknown';
  } | null;
  readonly epss: { readonly cve: string; readonly percentile: number; readonly date: string } | null;
}

export interface ScanSummary {
  readonly sbom: {
    readonly file: string;
    readonly format: string;
    readonly specVersion: string;
    readonly components: number;
  };
  readonly feeds: {
    /** `files`: the --feeds files, imported into a temporary database; `database`: the configured one. */
    readonly from: 'files' | 'database';
    /** The --feeds files (empty when scanning the database). */
    readonly files: readonly ScanFeedFile[];
    /** Live (not withdrawn) vulnerability records scanned against, one per source and id. */
    readonly vulnerabilityRecords: number;
    readonly kevEntries: number;
    readonly epssScores: number;
    readonly errors: number;
    readonly warnings: number;
    /**
     * Every error (dropped records, unreadable files) and the warnings that left a whole file
     * unread (OSV YAML, unrecognized JSON); per-record warnings are only counted.
     */
    readonly problems: readonly ScanFeedProblem[];
  };
  readonly findings: { readonly total: number; readonly affected: number; readonly unknownVersion: number };
}

/** The --feeds files and their problems, as `feeds import` reports them. */
export type ScanFeedFile = FeedImportFile;
export type ScanFeedProblem = FeedImportProblem;
