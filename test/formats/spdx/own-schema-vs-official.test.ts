import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { expect, it } from 'vitest';
import { spdxReader } from '../../../src/formats/spdx/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../../support/corpus.js';

/**
 * Our own SPDX 2.2/2.3 schema (src/formats/spdx/spdx-schema.ts) against the official schemas
 * from spdx/spdx-spec, which are compiled here, in the test only: the product never reads them.
 * Validity = no error-severity diagnostic (our spec rules only ever add warnings).
 */
type Version = '2.2' | '2.3';

const official: Record<Version, ValidateFunction> = {
  // 2.2 is draft-07, 2.3 is draft 2019-09 (see the corpus README).
  '2.2': new Ajv({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(corpusPath('spdx/spec-2.2/schemas/spdx-schema.json'), 'utf8')) as object,
  ),
  '2.3': new Ajv2019({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(corpusPath('spdx/spec-2.3/schemas/spdx-schema.json'), 'utf8')) as object,
  ),
};

async function oursValid(doc: unknown, version: Version): Promise<{ valid: boolean; errors: string[] }> {
  const errors = (
    await spdxReader.validate(JSON.stringify(doc), { format: 'spdx', encoding: 'json', specVersion: version })
  )
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.path} ${d.message}`);
  return { valid: errors.length === 0, errors };
}

const versionOf = (doc: Record<string, unknown>): Version | undefined =>
  doc['spdxVersion'] === 'SPDX-2.2' ? '2.2' : doc['spdxVersion'] === 'SPDX-2.3' ? '2.3' : undefined;

const spdxJsonDocs = [
  ...corpusFiles('spdx', (n) => n.endsWith('.json') && !n.includes('spdx3') && n !== 'spdx-schema.json'),
  ...corpusFiles('guac-sbom-vex-testdata', (n) => n.includes('spdx') && n.endsWith('.json')),
  ...corpusFiles('osv-scanner-sbom-testdata', (n) => n.endsWith('.spdx.json')),
].flatMap((file) => {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const version = versionOf(doc);
  // SPDX 3.0 JSON-LD and invalid-spdx.json (spdxVersion: 2, no version to pick a schema by) are out of scope here.
  return version ? [{ file: file.slice(file.indexOf('corpus/') + 7), doc, version }] : [];
});

type Doc = Record<string, unknown>;
type Mutation = (doc: Doc) => void;
const pkg0 = (d: Doc): Doc => (d['packages'] as Doc[])[0] as Doc;
const file0 = (d: Doc): Doc => (d['files'] as Doc[])[0] as Doc;
const rel0 = (d: Doc): Doc => (d['relationships'] as Doc[])[0] as Doc;

/** Mutations where both schemas must give the same verdict, per version. */
const agreeing: Record<string, Mutation> = {
  'unchanged example': () => {},
  'document name removed': (d) => delete d['name'],
  'creationInfo removed': (d) => delete d['creationInfo'],
  'created removed': (d) => delete (d['creationInfo'] as Doc)['created'],
  'creators empty': (d) => ((d['creationInfo'] as Doc)['creators'] = []),
  'creators as a string': (d) => ((d['creationInfo'] as Doc)['creators'] = 'Tool: x'),
  'documentNamespace removed (required in 2.3 only)': (d) => delete d['documentNamespace'],
  'unknown top-level field': (d) => (d['extra'] = true),
  'name is a number': (d) => (d['name'] = 5),
  'packages is an object': (d) => (d['packages'] = {}),
  'package SPDXID removed': (d) => delete pkg0(d)['SPDXID'],
  'package name removed': (d) => delete pkg0(d)['name'],
  'package downloadLocation removed': (d) => delete pkg0(d)['downloadLocation'],
  'package copyrightText removed (required in 2.2 only)': (d) => delete pkg0(d)['copyrightText'],
  'package licenseConcluded removed (required in 2.2 only)': (d) => delete pkg0(d)['licenseConcluded'],
  'package filesAnalyzed is a string': (d) => (pkg0(d)['filesAnalyzed'] = 'yes'),
  'package unknown field': (d) => (pkg0(d)['packageName'] = 'x'),
  'package checksum algorithm SHA-256': (d) => (pkg0(d)['checksums'] = [{ algorithm: 'SHA-256', checksumValue: 'ab' }]),
  'package checksum BLAKE3 (2.3 only)': (d) => (pkg0(d)['checksums'] = [{ algorithm: 'BLAKE3', checksumValue: 'ab' }]),
  'package checksum without value': (d) => (pkg0(d)['checksums'] = [{ algorithm: 'SHA1' }]),
  'externalRef category with a space': (d) =>
    (pkg0(d)['externalRefs'] = [
      { referenceCategory: 'PACKAGE MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/a@1' },
    ]),
  'externalRef PACKAGE_MANAGER spelling': (d) =>
    (pkg0(d)['externalRefs'] = [
      { referenceCategory: 'PACKAGE_MANAGER', referenceType: 'purl', referenceLocator: 'pkg:npm/a@1' },
    ]),
  'externalRef without locator': (d) =>
    (pkg0(d)['externalRefs'] = [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type' }]),
  'primaryPackagePurpose LIBRARY (2.3 only)': (d) => (pkg0(d)['primaryPackagePurpose'] = 'LIBRARY'),
  'primaryPackagePurpose LIB': (d) => (pkg0(d)['primaryPackagePurpose'] = 'LIB'),
  'validUntilDate (2.3 only)': (d) => (pkg0(d)['validUntilDate'] = '2030-01-01T00:00:00Z'),
  'verification code without value': (d) =>
    (pkg0(d)['packageVerificationCode'] = { packageVerificationCodeExcludedFiles: [] }),
  'package annotation type NOTE': (d) =>
    (pkg0(d)['annotations'] = [
      { annotationDate: '2020-01-01T00:00:00Z', annotationType: 'NOTE', annotator: 'Tool: x', comment: 'c' },
    ]),
  'package annotation without comment': (d) =>
    (pkg0(d)['annotations'] = [
      { annotationDate: '2020-01-01T00:00:00Z', annotationType: 'OTHER', annotator: 'Tool: x' },
    ]),
  'file checksums removed': (d) => delete file0(d)['checksums'],
  'file checksums empty': (d) => (file0(d)['checksums'] = []),
  'file type EXE': (d) => (file0(d)['fileTypes'] = ['EXE']),
  'file licenseInfoInFiles removed (required in 2.2 only)': (d) => delete file0(d)['licenseInfoInFiles'],
  'relationship type DEPENDS': (d) => (rel0(d)['relationshipType'] = 'DEPENDS'),
  'relationship type SPECIFICATION_FOR (2.3 only)': (d) => (rel0(d)['relationshipType'] = 'SPECIFICATION_FOR'),
  'relationship without related element': (d) => delete rel0(d)['relatedSpdxElement'],
  'snippet ranges empty': (d) => (((d['snippets'] as Doc[])[0] as Doc)['ranges'] = []),
  'snippet range offset as a string': (d) => {
    const range = (((d['snippets'] as Doc[])[0] as Doc)['ranges'] as Doc[])[0] as Doc;
    (range['startPointer'] as Doc)['offset'] = '310';
  },
  'extracted license without text': (d) =>
    delete ((d['hasExtractedLicensingInfos'] as Doc[])[0] as Doc)['extractedText'],
};

/** Where we are deliberately stricter (spdx-schema.ts `deliberateDifferences`): official valid, ours not. */
const stricter: Record<string, Mutation> = {
  'spdxVersion "SPDX 2.3" with a space (§6.1)': (d) => (d['spdxVersion'] = 'SPDX 2.3'),
  'dataLicense MIT (§6.2: must be CC0-1.0)': (d) => (d['dataLicense'] = 'MIT'),
  'document SPDXID not SPDXRef-DOCUMENT (§6.3)': (d) => (d['SPDXID'] = 'SPDXRef-Doc'),
  'package SPDXID without SPDXRef- prefix (§7.2)': (d) => (pkg0(d)['SPDXID'] = 'Package-1'),
  'relationship to a bare name (§11.1)': (d) => (rel0(d)['relatedSpdxElement'] = 'glibc'),
  'creator without Person:/Organization:/Tool: (§6.8)': (d) => ((d['creationInfo'] as Doc)['creators'] = ['Jane Doe']),
  'supplier without Organization:/Person: (§7.5)': (d) => (pkg0(d)['supplier'] = 'Acme Inc.'),
  'annotator without Person:/Organization:/Tool: (§12.1)': (d) =>
    (pkg0(d)['annotations'] = [
      { annotationDate: '2020-01-01T00:00:00Z', annotationType: 'OTHER', annotator: 'Jane', comment: 'c' },
    ]),
};

const example = (version: Version): Doc =>
  JSON.parse(
    readFileSync(corpusPath(`spdx/spec-${version}/examples/SPDXJSONExample-v${version}.spdx.json`), 'utf8'),
  ) as Doc;

describeCorpus('own SPDX schema agrees with the official schema', () => {
  it('finds the corpus documents', () => {
    expect(spdxJsonDocs.length).toBeGreaterThanOrEqual(28);
  });

  it.each(spdxJsonDocs)('$file (SPDX $version)', async ({ doc, version }) => {
    const officialValid = official[version](doc);
    const ours = await oursValid(doc, version);
    expect({ valid: ours.valid, errors: ours.errors.slice(0, 3) }).toEqual({
      valid: officialValid,
      errors: officialValid ? [] : expect.any(Array),
    });
  });

  for (const version of ['2.2', '2.3'] as const) {
    it.each(Object.entries(agreeing))(`SPDX ${version} mutation: %s`, async (_name, mutate) => {
      const doc = example(version);
      mutate(doc);
      expect((await oursValid(doc, version)).valid).toBe(official[version](doc));
    });

    it.each(Object.entries(stricter))(`SPDX ${version} deliberate difference: %s`, async (_name, mutate) => {
      const doc = example(version);
      mutate(doc);
      expect(official[version](doc)).toBe(true);
      expect((await oursValid(doc, version)).valid).toBe(false);
    });
  }

  it('the mutations include cases both schemas reject and cases both accept', () => {
    const verdicts = (['2.2', '2.3'] as const).flatMap((version) =>
      Object.values(agreeing).map((mutate) => {
        const doc = example(version);
        mutate(doc);
        return official[version](doc);
      }),
    );
    expect(verdicts.filter((v) => v).length).toBeGreaterThan(5);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(40);
  });
});
