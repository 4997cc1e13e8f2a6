/**
 * Tags that map one-to-one onto a JSON field of the current element (SPDX 2.3 clauses 6–10
 * give each field its tag-value and JSON names). `list` fields repeat and collect into an array.
 * Tags with structured values (checksums, external refs, relationships, …) are handled in
 * `read-tag-value.ts`.
 */
export interface SimpleField {
  readonly field: string;
  readonly list?: boolean;
}

export type Section = 'document' | 'package' | 'file' | 'snippet' | 'license';

export const simpleFields: Record<Section, Record<string, SimpleField>> = {
  document: {
    SPDXVersion: { field: 'spdxVersion' },
    DataLicense: { field: 'dataLicense' },
    DocumentName: { field: 'name' },
    DocumentNamespace: { field: 'documentNamespace' },
    DocumentComment: { field: 'comment' },
  },
  package: {
    PackageVersion: { field: 'versionInfo' },
    PackageFileName: { field: 'packageFileName' },
    PackageSupplier: { field: 'supplier' },
    PackageOriginator: { field: 'originator' },
    PackageDownloadLocation: { field: 'downloadLocation' },
    PackageHomePage: { field: 'homepage' },
    PackageSourceInfo: { field: 'sourceInfo' },
    PackageLicenseConcluded: { field: 'licenseConcluded' },
    PackageLicenseInfoFromFiles: { field: 'licenseInfoFromFiles', list: true },
    PackageLicenseDeclared: { field: 'licenseDeclared' },
    PackageLicenseComments: { field: 'licenseComments' },
    PackageCopyrightText: { field: 'copyrightText' },
    PackageSummary: { field: 'summary' },
    PackageDescription: { field: 'description' },
    PackageComment: { field: 'comment' },
    PackageAttributionText: { field: 'attributionTexts', list: true },
    ReleaseDate: { field: 'releaseDate' },
    BuiltDate: { field: 'builtDate' },
    ValidUntilDate: { field: 'validUntilDate' },
  },
  file: {
    FileType: { field: 'fileTypes', list: true },
    LicenseConcluded: { field: 'licenseConcluded' },
    LicenseInfoInFile: { field: 'licenseInfoInFiles', list: true },
    LicenseComments: { field: 'licenseComments' },
    FileCopyrightText: { field: 'copyrightText' },
    FileComment: { field: 'comment' },
    FileNotice: { field: 'noticeText' },
    FileContributor: { field: 'fileContributors', list: true },
    FileAttributionText: { field: 'attributionTexts', list: true },
    FileDependency: { field: 'fileDependencies', list: true },
  },
  snippet: {
    SnippetFromFileSPDXID: { field: 'snippetFromFile' },
    SnippetLicenseConcluded: { field: 'licenseConcluded' },
    LicenseInfoInSnippet: { field: 'licenseInfoInSnippets', list: true },
    SnippetLicenseComments: { field: 'licenseComments' },
    SnippetCopyrightText: { field: 'copyrightText' },
    SnippetComment: { field: 'comment' },
    SnippetName: { field: 'name' },
    SnippetAttributionText: { field: 'attributionTexts', list: true },
  },
  license: {
    ExtractedText: { field: 'extractedText' },
    LicenseName: { field: 'name' },
    LicenseCrossReference: { field: 'seeAlsos', list: true },
    LicenseComment: { field: 'comment' },
  },
};

/** Creation-information tags, kept under `creationInfo` in the JSON model (§6.8–6.11). */
export const creationInfoFields: Record<string, SimpleField> = {
  Creator: { field: 'creators', list: true },
  Created: { field: 'created' },
  CreatorComment: { field: 'comment' },
  LicenseListVersion: { field: 'licenseListVersion' },
};

/** Annotation tags (§12), collected per `Annotator:` entry. */
export const annotationFields: Record<string, SimpleField> = {
  AnnotationDate: { field: 'annotationDate' },
  AnnotationType: { field: 'annotationType' },
  AnnotationComment: { field: 'comment' },
};

/** Review tags (deprecated §13), collected per `Reviewer:` entry. */
export const reviewFields: Record<string, SimpleField> = {
  ReviewDate: { field: 'reviewDate' },
  ReviewComment: { field: 'comment' },
};
