import type { SpdxVersionProfile } from './spdx-version-profile.js';

/**
 * Our own JSON Schema (draft-07) for the SPDX 2.2 / 2.3 JSON document model, written from
 * the specification text (SPDX 2.3 clauses 6–12 and Annex F/G), one schema per version
 * profile. It agrees with the official spdx-spec schemas on every field, type, enum and
 * required list, and is deliberately stricter where the specification states a syntax that
 * the official schema leaves as a bare string (see `deliberateDifferences` below and the
 * own-schema-vs-official test). Softer specification rules live in `spdx-rules.ts` as warnings.
 */
export type JsonSchema = Record<string, unknown>;

/** Where we are stricter than the official schema, and why (kept in sync with the test). */
export const deliberateDifferences = [
  'spdxVersion must be exactly `SPDX-2.2` / `SPDX-2.3` (§6.1); official: any string',
  'dataLicense must be `CC0-1.0` (§6.2); official: any string',
  'the document SPDXID must be `SPDXRef-DOCUMENT` (§6.3), element SPDXIDs `SPDXRef-[A-Za-z0-9.-]+` (§7.2, §8.2, §9.1)',
  'relationship ends and documentDescribes must be SPDX identifiers, external `DocumentRef-…:SPDXRef-…`, NONE or NOASSERTION (§11.1)',
  'creators must start with `Person: `, `Organization: ` or `Tool: ` (§6.8); annotators with `Person: `, `Organization: ` or `Tool: ` (§12.1)',
  'supplier / originator must be NOASSERTION or start with `Person: ` / `Organization: ` (§7.5, §7.6)',
] as const;

const str = { type: 'string' } as const;
const strList = { type: 'array', items: str } as const;
const idPattern = '^SPDXRef-[A-Za-z0-9.\\-]+$';
const refPattern =
  '^(SPDXRef-[A-Za-z0-9.\\-]+|DocumentRef-[A-Za-z0-9.\\-]+:SPDXRef-[A-Za-z0-9.\\-]+|NONE|NOASSERTION)$';
const agentPattern = '^(Person|Organization|Tool): ';

/** A closed object: every property listed, nothing else allowed (the official schema does the same). */
function record(properties: Record<string, unknown>, required: readonly string[] = []): JsonSchema {
  return { type: 'object', properties, required: [...required], additionalProperties: false };
}

function checksum(profile: SpdxVersionProfile): JsonSchema {
  return record({ algorithm: { type: 'string', enum: [...profile.checksumAlgorithms] }, checksumValue: str }, [
    'algorithm',
    'checksumValue',
  ]);
}

// §12: annotations on the document and on every element.
const annotations = {
  type: 'array',
  items: record(
    {
      annotationDate: str,
      annotationType: { type: 'string', enum: ['REVIEW', 'OTHER'] },
      annotator: { type: 'string', pattern: agentPattern },
      comment: str,
    },
    ['annotationDate', 'annotationType', 'annotator', 'comment'],
  ),
};

const supplierForm = { type: 'string', pattern: '^(NOASSERTION|(Person|Organization): .*)$' };

function packageSchema(profile: SpdxVersionProfile): JsonSchema {
  const properties: Record<string, unknown> = {
    SPDXID: { type: 'string', pattern: idPattern },
    name: str,
    versionInfo: str,
    packageFileName: str,
    supplier: supplierForm,
    originator: supplierForm,
    downloadLocation: str,
    filesAnalyzed: { type: 'boolean' },
    packageVerificationCode: record(
      { packageVerificationCodeValue: str, packageVerificationCodeExcludedFiles: strList },
      ['packageVerificationCodeValue'],
    ),
    checksums: { type: 'array', items: checksum(profile) },
    homepage: str,
    sourceInfo: str,
    licenseConcluded: str,
    licenseInfoFromFiles: strList,
    licenseDeclared: str,
    licenseComments: str,
    copyrightText: str,
    summary: str,
    description: str,
    comment: str,
    // §7.21: the category vocabulary; 2.2 and 2.3 both accept the hyphen and underscore spellings.
    externalRefs: {
      type: 'array',
      items: record(
        {
          referenceCategory: {
            type: 'string',
            enum: ['SECURITY', 'PACKAGE-MANAGER', 'PACKAGE_MANAGER', 'PERSISTENT-ID', 'PERSISTENT_ID', 'OTHER'],
          },
          referenceType: str,
          referenceLocator: str,
          comment: str,
        },
        ['referenceCategory', 'referenceType', 'referenceLocator'],
      ),
    },
    attributionTexts: strList,
    hasFiles: { type: 'array', items: { type: 'string', pattern: refPattern } },
    annotations,
  };
  if (profile.hasPackagePurposeAndDates) {
    properties['primaryPackagePurpose'] = {
      type: 'string',
      enum: [
        'APPLICATION',
        'FRAMEWORK',
        'LIBRARY',
        'CONTAINER',
        'OPERATING_SYSTEM',
        'DEVICE',
        'FIRMWARE',
        'SOURCE',
        'ARCHIVE',
        'FILE',
        'INSTALL',
        'OTHER',
      ],
    };
    properties['releaseDate'] = str;
    properties['builtDate'] = str;
    properties['validUntilDate'] = str;
  }
  return record(properties, profile.requiredPackageFields);
}

function fileSchema(profile: SpdxVersionProfile): JsonSchema {
  return record(
    {
      SPDXID: { type: 'string', pattern: idPattern },
      fileName: str,
      fileTypes: {
        type: 'array',
        items: {
          type: 'string',
          enum: [
            'SOURCE',
            'BINARY',
            'ARCHIVE',
            'APPLICATION',
            'AUDIO',
            'IMAGE',
            'TEXT',
            'VIDEO',
            'DOCUMENTATION',
            'SPDX',
            'OTHER',
          ],
        },
      },
      checksums: { type: 'array', minItems: 1, items: checksum(profile) },
      licenseConcluded: str,
      licenseInfoInFiles: profile.fileLicenseInfoRequired ? { ...strList, minItems: 1 } : strList,
      licenseComments: str,
      copyrightText: str,
      comment: str,
      noticeText: str,
      fileContributors: strList,
      attributionTexts: strList,
      fileDependencies: strList,
      // Deprecated since 2.1 (§8.9) but still part of the JSON model.
      artifactOfs: { type: 'array', items: { type: 'object' } },
      annotations,
    },
    profile.requiredFileFields,
  );
}

// §9.3/§9.4: a range is two pointers, each into a file by byte offset or line number.
const pointer = record({ reference: str, offset: { type: 'integer' }, lineNumber: { type: 'integer' } }, ['reference']);

function snippetSchema(profile: SpdxVersionProfile): JsonSchema {
  return record(
    {
      SPDXID: { type: 'string', pattern: idPattern },
      snippetFromFile: str,
      ranges: {
        type: 'array',
        minItems: 1,
        items: record({ startPointer: pointer, endPointer: pointer }, ['startPointer', 'endPointer']),
      },
      licenseConcluded: str,
      licenseInfoInSnippets: strList,
      licenseComments: str,
      copyrightText: str,
      comment: str,
      name: str,
      attributionTexts: strList,
      annotations,
    },
    profile.requiredSnippetFields,
  );
}

function relationshipSchema(profile: SpdxVersionProfile): JsonSchema {
  return record(
    {
      spdxElementId: { type: 'string', pattern: refPattern },
      relationshipType: { type: 'string', enum: [...profile.relationshipTypes] },
      relatedSpdxElement: { type: 'string', pattern: refPattern },
      comment: str,
    },
    ['spdxElementId', 'relationshipType', 'relatedSpdxElement'],
  );
}

// §10: licenses that are not on the SPDX License List, with their text.
const extractedLicensingInfo = record(
  {
    licenseId: str,
    extractedText: str,
    name: str,
    comment: str,
    seeAlsos: strList,
    crossRefs: {
      type: 'array',
      items: record(
        {
          url: str,
          isLive: { type: 'boolean' },
          isValid: { type: 'boolean' },
          isWayBackLink: { type: 'boolean' },
          match: str,
          order: { type: 'integer' },
          timestamp: str,
        },
        ['url'],
      ),
    },
  },
  ['licenseId', 'extractedText'],
);

/** The whole-document schema for one SPDX version. */
export function spdxJsonSchema(profile: SpdxVersionProfile): JsonSchema {
  const properties: Record<string, unknown> = {
    spdxVersion: { type: 'string', const: `SPDX-${profile.version}` },
    dataLicense: { type: 'string', const: 'CC0-1.0' },
    SPDXID: { type: 'string', const: 'SPDXRef-DOCUMENT' },
    name: str,
    documentNamespace: str,
    externalDocumentRefs: {
      type: 'array',
      items: record({ externalDocumentId: str, spdxDocument: str, checksum: checksum(profile) }, [
        'externalDocumentId',
        'spdxDocument',
        'checksum',
      ]),
    },
    creationInfo: record(
      {
        creators: { type: 'array', minItems: 1, items: { type: 'string', pattern: agentPattern } },
        created: str,
        comment: str,
        licenseListVersion: str,
      },
      ['created', 'creators'],
    ),
    comment: str,
    documentDescribes: { type: 'array', items: { type: 'string', pattern: refPattern } },
    packages: { type: 'array', items: packageSchema(profile) },
    files: { type: 'array', items: fileSchema(profile) },
    snippets: { type: 'array', items: snippetSchema(profile) },
    relationships: { type: 'array', items: relationshipSchema(profile) },
    annotations,
    hasExtractedLicensingInfos: { type: 'array', items: extractedLicensingInfo },
    // Deprecated since 2.0 (§13) in favour of annotations, still in the JSON model.
    revieweds: { type: 'array', items: record({ reviewDate: str, reviewer: str, comment: str }, ['reviewDate']) },
  };
  if (profile.allowsSchemaKeyword) properties['$schema'] = str;
  return record(properties, profile.requiredDocumentFields);
}
