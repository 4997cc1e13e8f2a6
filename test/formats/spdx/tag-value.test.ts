import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { spdxReader } from '../../../src/formats/spdx/index.js';
import { importText, tagValue23 } from './spdx-fixture.js';

const doc = `# an SPDX tag-value document
SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: monitor
DocumentNamespace: https://example.com/spdx/monitor-2
Creator: Person: Ann Smith (ann@example.com)
Creator: Tool: gen-1.0
Created: 2024-01-02T03:04:05Z
CreatorComment: <text>first line
second line</text>

## Package
PackageName: monitor-app
SPDXID: SPDXRef-app
PackageVersion: 2.0
PackageSupplier: Organization: Acme Medical
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PrimaryPackagePurpose: OPERATING-SYSTEM
PackageChecksum: SHA256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
PackageChecksum: SHA224: 90a3ed9e32b2aaf4c61c410eb925426119e1a9dc53d4286ade99a809
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: MIT
PackageCopyrightText: <text>Copyright 2024
Acme Medical</text>
ExternalRef: PACKAGE-MANAGER purl pkg:npm/monitor-app@2.0
ExternalRef: SECURITY cpe23Type cpe:2.3:a:acme:monitor_app:2.0:*:*:*:*:*:*:*
ExternalRefComment: the vendor's CPE
ValidUntilDate: 2030-12-31T00:00:00Z

PackageName: openssl
SPDXID: SPDXRef-openssl
PackageVersion: 3.0.13
PackageDownloadLocation: https://www.openssl.org/source/openssl-3.0.13.tar.gz
FilesAnalyzed: false

FileName: ./bin/monitor
SPDXID: SPDXRef-bin
FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c
FileType: BINARY

SnippetSPDXID: SPDXRef-snip
SnippetFromFileSPDXID: SPDXRef-bin
SnippetName: startup
SnippetByteRange: 10:20
SnippetLineRange: 1:2

LicenseID: LicenseRef-acme
ExtractedText: <text>Acme license text</text>
LicenseName: Acme

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
Relationship: SPDXRef-app DYNAMIC_LINK SPDXRef-openssl
RelationshipComment: linked at runtime
Relationship: SPDXRef-app CONTAINS SPDXRef-bin

Annotator: Tool: jointsec
AnnotationDate: 2024-01-02T03:04:05Z
AnnotationType: OTHER
SPDXREF: SPDXRef-openssl
AnnotationComment: fda:levelOfSupport=actively maintained
`;

describe('SPDX tag-value', () => {
  it('is detected with its version', () => {
    expect(spdxReader.detect(doc)).toEqual(tagValue23);
  });

  it('reads creation info, packages, multi-line text and relationships', () => {
    const { sbom, warnings } = importText(doc);
    expect(warnings).toEqual([]);
    expect(sbom.encoding).toBe('tag-value');
    expect(sbom.metadata).toEqual({
      authors: ['Ann Smith (ann@example.com)'],
      tools: ['gen-1.0'],
      timestamp: '2024-01-02T03:04:05Z',
      serialNumber: 'https://example.com/spdx/monitor-2',
      name: 'monitor',
    });
    const app = sbom.subject;
    expect(app?.ref).toBe('SPDXRef-app');
    expect(app?.type).toBe('operating-system');
    expect(app?.supplier).toBe('Acme Medical');
    expect(app?.license).toBe('MIT');
    expect(app?.copyright).toBe('Copyright 2024\nAcme Medical');
    expect(app?.purl).toBe('pkg:npm/monitor-app@2.0');
    expect(app?.cpe).toBe('cpe:2.3:a:acme:monitor_app:2.0:*:*:*:*:*:*:*');
    expect(app?.hashes).toEqual([
      { alg: 'SHA-256', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    ]);
    expect(app?.properties).toContainEqual({
      name: 'spdx:checksum:SHA224',
      value: '90a3ed9e32b2aaf4c61c410eb925426119e1a9dc53d4286ade99a809',
    });
    expect(app?.endOfSupportDate).toBe('2030-12-31T00:00:00Z');
    expect(sbom.components.map((c) => c.ref)).toEqual(['SPDXRef-openssl']);
    expect(sbom.components[0]?.levelOfSupport).toBe('actively maintained');
    // CONTAINS a file is not a component edge; DYNAMIC_LINK is.
    expect(sbom.dependencies).toEqual([{ from: 'SPDXRef-app', to: 'SPDXRef-openssl' }]);
  });

  it('converts to a model our schema accepts, with warnings located by line', async () => {
    const diagnostics = await spdxReader.validate(doc, tagValue23);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const broken = doc.replace(
      'Relationship: SPDXRef-app CONTAINS SPDXRef-bin',
      'Relationship: SPDXRef-app HOLDS SPDXRef-bin',
    );
    const errors = (await spdxReader.validate(broken, tagValue23)).filter((d) => d.severity === 'error');
    const line = broken.split('\n').findIndex((l) => l.includes('HOLDS')) + 1;
    expect(errors).toEqual([
      expect.objectContaining({
        path: `line ${line}`,
        message: expect.stringContaining('/relationships/2/relationshipType'),
      }),
    ]);
  });

  it('puts a missing PackageDownloadLocation error on the PackageName line', async () => {
    const text = doc.replace('PackageDownloadLocation: NOASSERTION\n', '');
    const errors = (await spdxReader.validate(text, tagValue23)).filter((d) => d.severity === 'error');
    const line = text.split('\n').indexOf('PackageName: monitor-app') + 1;
    expect(errors).toEqual([
      expect.objectContaining({
        path: `line ${line}`,
        message: expect.stringContaining('/packages/0/downloadLocation'),
      }),
    ]);
  });

  const failure = (text: string): AppError => {
    try {
      spdxReader.parse(text, tagValue23);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    throw new Error('accepted');
  };

  it.each([
    ['a line that is not Tag: value', 'DataLicense: CC0-1.0', 'DataLicense CC0-1.0', /expected "Tag: value"/],
    [
      'an unclosed <text>',
      'AnnotationComment: fda:levelOfSupport=actively maintained',
      'AnnotationComment: <text>fda:levelOfSupport=actively',
      /never closed/,
    ],
    ['a malformed checksum', 'FileChecksum: SHA1: 85ed', 'FileChecksum: SHA1 85ed', /FileChecksum must be/],
    [
      'a malformed relationship',
      'Relationship: SPDXRef-app DYNAMIC_LINK SPDXRef-openssl',
      'Relationship: SPDXRef-app DYNAMIC_LINK',
      /Relationship must be/,
    ],
    [
      'FilesAnalyzed that is not a boolean',
      'FilesAnalyzed: false\n\nFileName',
      'FilesAnalyzed: no\n\nFileName',
      /FilesAnalyzed must be true or false/,
    ],
    ['an annotation of an unknown element', 'SPDXREF: SPDXRef-openssl', 'SPDXREF: SPDXRef-ghost', /SPDXRef-ghost/],
  ])('refuses %s, naming the line', (_name, from, to, message) => {
    const text = doc.replace(from, to);
    const changed = text.split('\n').findIndex((l, i) => l !== doc.split('\n')[i]) + 1;
    const error = failure(text);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(message);
    // Annotations are located at their Annotator line; everything else at the changed line.
    const expected = to.startsWith('SPDXREF') ? text.split('\n').indexOf('Annotator: Tool: jointsec') + 1 : changed;
    expect(error.location?.path).toBe(`line ${expected}`);
  });

  it('refuses a package tag before any PackageName', () => {
    const text = doc.replace('DocumentName: monitor', 'DocumentName: monitor\nPackageVersion: 1');
    expect(failure(text).message).toBe('line 6: PackageVersion appears outside a package section');
  });

  it('warns about unknown tags instead of refusing them', () => {
    const { warnings } = importText(doc.replace('DocumentName: monitor', 'DocumentName: monitor\nFancyTag: x'));
    expect(warnings).toEqual([{ severity: 'warning', path: 'line 6', message: 'unknown tag "FancyTag" ignored' }]);
  });

  it('reports a dangling relationship at its line', () => {
    const text = doc.replace('DESCRIBES SPDXRef-app', 'DESCRIBES SPDXRef-nothing');
    const error = failure(text);
    expect(error.location?.path).toBe(`line ${text.split('\n').findIndex((l) => l.includes('SPDXRef-nothing')) + 1}`);
    expect(error.message).toContain('"SPDXRef-nothing", which is not in the document');
  });
});
