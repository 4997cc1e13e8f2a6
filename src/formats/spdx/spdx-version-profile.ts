/**
 * What differs between the SPDX 2.x versions we read, as data (a capability table) so the
 * schema, the reader and the writer consult it instead of branching on version strings.
 */
export interface SpdxVersionProfile {
  /** `2.2` or `2.3`, the part after `SPDX-`. */
  readonly version: SpdxVersion;
  /** Checksum algorithms (SPDX 2.2 §7.10 / 2.3 §7.10 and §8.4). */
  readonly checksumAlgorithms: readonly string[];
  /** Relationship types (SPDX 2.2 / 2.3 §11.1, Table 4). */
  readonly relationshipTypes: readonly string[];
  /** Package fields the version makes mandatory (2.2 §7; 2.3 relaxed most of them to optional). */
  readonly requiredPackageFields: readonly string[];
  readonly requiredFileFields: readonly string[];
  readonly requiredSnippetFields: readonly string[];
  /** Top-level document fields that are mandatory (2.3 made documentNamespace mandatory in JSON too). */
  readonly requiredDocumentFields: readonly string[];
  /** 2.2 requires at least one `licenseInfoInFiles` entry on every file (§8.6). */
  readonly fileLicenseInfoRequired: boolean;
  /** 2.3 §7.24–7.27: primaryPackagePurpose, releaseDate, builtDate, validUntilDate. */
  readonly hasPackagePurposeAndDates: boolean;
  /** The 2.3 JSON serialization lets a document name its own JSON schema in `$schema`. */
  readonly allowsSchemaKeyword: boolean;
}

export type SpdxVersion = '2.2' | '2.3';

const checksums22 = ['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'MD2', 'MD4', 'MD5', 'MD6'];
// SPDX 2.3 §7.10 added SHA-3, BLAKE2b, BLAKE3 and ADLER32.
const checksums23 = [
  ...checksums22,
  'SHA3-256',
  'SHA3-384',
  'SHA3-512',
  'BLAKE2b-256',
  'BLAKE2b-384',
  'BLAKE2b-512',
  'BLAKE3',
  'ADLER32',
];

const relationships22 = [
  'DESCRIBES',
  'DESCRIBED_BY',
  'CONTAINS',
  'CONTAINED_BY',
  'DEPENDS_ON',
  'DEPENDENCY_OF',
  'DEPENDENCY_MANIFEST_OF',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'EXAMPLE_OF',
  'GENERATES',
  'GENERATED_FROM',
  'ANCESTOR_OF',
  'DESCENDANT_OF',
  'VARIANT_OF',
  'DISTRIBUTION_ARTIFACT',
  'PATCH_FOR',
  'PATCH_APPLIED',
  'COPY_OF',
  'FILE_ADDED',
  'FILE_DELETED',
  'FILE_MODIFIED',
  'EXPANDED_FROM_ARCHIVE',
  'DYNAMIC_LINK',
  'STATIC_LINK',
  'DATA_FILE_OF',
  'TEST_CASE_OF',
  'BUILD_TOOL_OF',
  'DEV_TOOL_OF',
  'TEST_OF',
  'TEST_TOOL_OF',
  'DOCUMENTATION_OF',
  'OPTIONAL_COMPONENT_OF',
  'METAFILE_OF',
  'PACKAGE_OF',
  'AMENDS',
  'PREREQUISITE_FOR',
  'HAS_PREREQUISITE',
  'OTHER',
];
// SPDX 2.3 §11.1 added the two requirement/specification relationships.
const relationships23 = [...relationships22, 'REQUIREMENT_DESCRIPTION_FOR', 'SPECIFICATION_FOR'];

/** The capability table, one entry per supported SPDX version. */
export const spdxVersionProfiles: Record<SpdxVersion, SpdxVersionProfile> = {
  '2.2': {
    version: '2.2',
    checksumAlgorithms: checksums22,
    relationshipTypes: relationships22,
    requiredPackageFields: [
      'SPDXID',
      'name',
      'downloadLocation',
      'licenseConcluded',
      'licenseDeclared',
      'copyrightText',
    ],
    requiredFileFields: ['SPDXID', 'fileName', 'checksums', 'licenseConcluded', 'licenseInfoInFiles', 'copyrightText'],
    requiredSnippetFields: ['SPDXID', 'name', 'snippetFromFile', 'ranges', 'licenseConcluded', 'copyrightText'],
    requiredDocumentFields: ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'creationInfo'],
    fileLicenseInfoRequired: true,
    hasPackagePurposeAndDates: false,
    allowsSchemaKeyword: false,
  },
  '2.3': {
    version: '2.3',
    checksumAlgorithms: checksums23,
    relationshipTypes: relationships23,
    requiredPackageFields: ['SPDXID', 'name', 'downloadLocation'],
    requiredFileFields: ['SPDXID', 'fileName', 'checksums'],
    requiredSnippetFields: ['SPDXID', 'name', 'snippetFromFile', 'ranges'],
    requiredDocumentFields: ['spdxVersion', 'dataLicense', 'SPDXID', 'name', 'creationInfo', 'documentNamespace'],
    fileLicenseInfoRequired: false,
    hasPackagePurposeAndDates: true,
    allowsSchemaKeyword: true,
  },
};

/** The profile for a version string as written after `SPDX-`, or undefined when unsupported. */
export function spdxVersionProfile(version: string): SpdxVersionProfile | undefined {
  return version === '2.2' || version === '2.3' ? spdxVersionProfiles[version] : undefined;
}
