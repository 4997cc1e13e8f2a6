import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/app-error.js';
import { importDoc, spdxDoc } from './spdx-fixture.js';

const packages = ['a', 'b', 'c'].map((n) => ({ SPDXID: `SPDXRef-${n}`, name: n, downloadLocation: 'NOASSERTION' }));
const files = [
  {
    SPDXID: 'SPDXRef-file',
    fileName: './f',
    checksums: [{ algorithm: 'SHA1', checksumValue: '85ed0817af83a24ad8da68c2b5094de69833983c' }],
  },
];
const rel = (a: string, type: string, b: string) => ({
  spdxElementId: a,
  relationshipType: type,
  relatedSpdxElement: b,
});
const edgesOf = (relationships: unknown[]) => importDoc(spdxDoc({ packages, files, relationships })).sbom.dependencies;

describe('SPDX relationships → dependency edges', () => {
  it.each([
    ['DEPENDS_ON', { from: 'SPDXRef-a', to: 'SPDXRef-b' }],
    ['DEPENDENCY_OF', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
    ['CONTAINS', { from: 'SPDXRef-a', to: 'SPDXRef-b' }],
    ['CONTAINED_BY', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
    ['STATIC_LINK', { from: 'SPDXRef-a', to: 'SPDXRef-b' }],
    ['DYNAMIC_LINK', { from: 'SPDXRef-a', to: 'SPDXRef-b' }],
    ['BUILD_DEPENDENCY_OF', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
    ['RUNTIME_DEPENDENCY_OF', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
    ['OPTIONAL_DEPENDENCY_OF', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
    ['HAS_PREREQUISITE', { from: 'SPDXRef-a', to: 'SPDXRef-b' }],
    ['PREREQUISITE_FOR', { from: 'SPDXRef-b', to: 'SPDXRef-a' }],
  ])('SPDXRef-a %s SPDXRef-b', (type, edge) => {
    expect(edgesOf([rel('SPDXRef-a', type, 'SPDXRef-b')])).toEqual([edge]);
  });

  it.each(['GENERATED_FROM', 'VARIANT_OF', 'DESCENDANT_OF', 'COPY_OF', 'TEST_OF', 'OTHER'])(
    '%s is not a dependency',
    (type) => {
      expect(edgesOf([rel('SPDXRef-a', type, 'SPDXRef-b')])).toEqual([]);
    },
  );

  it('skips edges to files, the document, other documents and NONE/NOASSERTION', () => {
    expect(
      edgesOf([
        rel('SPDXRef-a', 'CONTAINS', 'SPDXRef-file'),
        rel('SPDXRef-DOCUMENT', 'CONTAINS', 'SPDXRef-a'),
        rel('SPDXRef-a', 'DEPENDS_ON', 'DocumentRef-other:SPDXRef-x'),
        rel('SPDXRef-a', 'DEPENDS_ON', 'NONE'),
        rel('SPDXRef-a', 'DEPENDS_ON', 'NOASSERTION'),
        rel('SPDXRef-a', 'DEPENDS_ON', 'SPDXRef-c'),
      ]),
    ).toEqual([{ from: 'SPDXRef-a', to: 'SPDXRef-c' }]);
  });

  it('merges the same edge stated both ways', () => {
    expect(
      edgesOf([rel('SPDXRef-a', 'DEPENDS_ON', 'SPDXRef-b'), rel('SPDXRef-b', 'DEPENDENCY_OF', 'SPDXRef-a')]),
    ).toEqual([{ from: 'SPDXRef-a', to: 'SPDXRef-b' }]);
  });

  it('refuses a relationship to an SPDXID that exists nowhere, naming the field', () => {
    const error = (() => {
      try {
        edgesOf([rel('SPDXRef-a', 'DEPENDS_ON', 'SPDXRef-b'), rel('SPDXRef-a', 'DEPENDS_ON', 'SPDXRef-zzz')]);
      } catch (e) {
        return e as AppError;
      }
      throw new Error('accepted');
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/relationships/1/relatedSpdxElement');
  });
});

describe('the described package becomes the subject', () => {
  const subjectOf = (overrides: Record<string, unknown>) =>
    importDoc(spdxDoc({ packages, relationships: [], ...overrides })).sbom;

  it('via a DESCRIBES relationship', () => {
    const sbom = subjectOf({ relationships: [rel('SPDXRef-DOCUMENT', 'DESCRIBES', 'SPDXRef-b')] });
    expect(sbom.subject?.ref).toBe('SPDXRef-b');
    expect(sbom.components.map((c) => c.ref)).toEqual(['SPDXRef-a', 'SPDXRef-c']);
  });

  it('via DESCRIBED_BY and via documentDescribes', () => {
    expect(subjectOf({ relationships: [rel('SPDXRef-c', 'DESCRIBED_BY', 'SPDXRef-DOCUMENT')] }).subject?.ref).toBe(
      'SPDXRef-c',
    );
    expect(subjectOf({ documentDescribes: ['SPDXRef-a'] }).subject?.ref).toBe('SPDXRef-a');
  });

  it('not when two packages are described', () => {
    const sbom = subjectOf({ documentDescribes: ['SPDXRef-a', 'SPDXRef-b'] });
    expect(sbom.subject).toBeUndefined();
    expect(sbom.components).toHaveLength(3);
  });
});
