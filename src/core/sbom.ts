/**
 * The format-neutral SBOM model. Every format parses into it and is written from it, so a
 * field that is not here cannot survive an import → export round trip.
 */

/** A cryptographic hash of a component; `alg` uses CycloneDX spelling (`SHA-256`, `MD5`, `SHA3-512`, `BLAKE2b-256`). */
export interface Hash {
  readonly alg: string;
  readonly value: string;
}

/** A name/value pair kept from the source document that has no dedicated field. */
export interface Property {
  readonly name: string;
  readonly value: string;
}

/** One external reference (website, VCS, advisories, …) in CycloneDX vocabulary. */
export interface ExternalReference {
  readonly type: string;
  readonly url: string;
}

/** A software or hardware component as the FDA and NTIA ask for it. */
export interface Component {
  /** Document-local identity: CycloneDX bom-ref or SPDX SPDXID. Unique within one Sbom. */
  readonly ref: string;
  /** CycloneDX component type (`library`, `application`, `firmware`, `operating-system`, `device`, …). */
  readonly type: string;
  readonly name: string;
  /** CycloneDX group / Maven groupId / npm scope, when the source separates it from the name. */
  readonly group?: string;
  readonly version?: string;
  readonly supplier?: string;
  /** Canonical package URL (purl spec). */
  readonly purl?: string;
  /** CPE 2.3 formatted string; 2.2 URIs are converted on import. */
  readonly cpe?: string;
  readonly hashes: readonly Hash[];
  /** One SPDX license expression (concluded, else declared). */
  readonly license?: string;
  readonly description?: string;
  readonly copyright?: string;
  /** FDA premarket guidance V.A.4: support given by the component's maker. */
  readonly levelOfSupport?: string;
  /** FDA premarket guidance V.A.4: end-of-support date, ISO 8601 (date or date-time). */
  readonly endOfSupportDate?: string;
  readonly externalReferences: readonly ExternalReference[];
  readonly properties: readonly Property[];
}

/** "from depends on to", by component ref. */
export interface DependencyEdge {
  readonly from: string;
  readonly to: string;
}

export type SbomFormat = 'cyclonedx' | 'spdx';
export type SbomEncoding = 'json' | 'xml' | 'tag-value';

/** Who and what produced the SBOM, and when (NTIA author and timestamp). */
export interface SbomMetadata {
  /** People or organizations that authored the SBOM data. */
  readonly authors: readonly string[];
  /** Tools that generated it, as `vendor name version` strings. */
  readonly tools: readonly string[];
  /** ISO 8601 date-time. */
  readonly timestamp?: string;
  /** CycloneDX serialNumber (urn:uuid) or SPDX documentNamespace. */
  readonly serialNumber?: string;
  /** The document's name (SPDX `name`, CycloneDX the subject's name). */
  readonly name?: string;
}

/** A whole SBOM document in format-neutral form. */
export interface Sbom {
  readonly format: SbomFormat;
  readonly specVersion: string;
  readonly encoding: SbomEncoding;
  readonly metadata: SbomMetadata;
  /** The product the SBOM describes (CycloneDX metadata.component, SPDX DESCRIBES target), if named. */
  readonly subject?: Component;
  /** Every component other than the subject. */
  readonly components: readonly Component[];
  /** Edges between refs of `subject` and `components`. */
  readonly dependencies: readonly DependencyEdge[];
}

/** An empty component skeleton, so parsers only set what a document carries. */
export function newComponent(fields: Pick<Component, 'ref' | 'name'> & Partial<Component>): Component {
  return { type: 'library', hashes: [], externalReferences: [], properties: [], ...fields };
}
