import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { spdxReader } from '../../src/formats/spdx/index.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

/** Generator output from GUAC's and OSV-Scanner's test data (see each corpus folder's README). */
function importFile(path: string) {
  const text = readFileSync(corpusPath(path), 'utf8');
  const kind = spdxReader.detect(text);
  if (!kind) throw new Error(`${path} not detected`);
  return spdxReader.parse(text, kind);
}

function refusal(path: string): AppError {
  try {
    importFile(path);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`${path} was accepted`);
}

describeCorpus('real-world SPDX documents', () => {
  it.each([
    // file, components incl. subject, dependency edges
    ['guac-sbom-vex-testdata/alpine-spdx.json', 14, 0],
    ['guac-sbom-vex-testdata/oci-spdx.json', 15, 0],
    ['guac-sbom-vex-testdata/oci-kubectl-linux-amd64-spdx.json', 88, 0],
    ['guac-sbom-vex-testdata/go-spdx-multi-arch_1.json', 3, 1],
    ['guac-sbom-vex-testdata/go-spdx-multi-arch_3.json', 4, 0],
    ['guac-sbom-vex-testdata/small-spdx.json', 3, 0],
    ['guac-sbom-vex-testdata/invalid-spdx-identifier-spdx.json', 3, 0],
    ['osv-scanner-sbom-testdata/only-unimportant.spdx.json', 1, 0],
  ] as const)('imports %s', (path, count, edges) => {
    const { sbom } = importFile(path);
    expect(sbom.components.length + (sbom.subject ? 1 : 0)).toBe(count);
    expect(sbom.dependencies.length).toBe(edges);
  });

  it('imports syft output without copyrightText, with purls and CPEs', () => {
    const { sbom, warnings } = importFile('guac-sbom-vex-testdata/alpine-spdx.json');
    const busybox = sbom.components.find((c) => c.name === 'busybox');
    expect(busybox?.purl).toMatch(/^pkg:alpine\/busybox@1\.35\.0-r17/);
    expect(busybox?.cpe).toMatch(/^cpe:2\.3:a:busybox:busybox:/);
    expect(busybox?.copyright).toBeUndefined();
    expect(sbom.metadata.tools).toEqual(['syft-0.57.0']);
    expect(sbom.metadata.authors).toEqual(['Anchore, Inc']);
    expect(warnings.filter((w) => w.path.includes('copyright'))).toEqual([]);
  });

  it('imports object creators and "packageName" keys with warnings', () => {
    const { sbom, warnings } = importFile('guac-sbom-vex-testdata/small-spdx.json');
    expect(sbom.metadata.authors).toEqual(['Nisha K (nishak@vmware.com)']);
    expect(sbom.components.map((c) => c.name).sort()).toEqual(['golang.org/x/text', 'rsc.io/quote', 'rsc.io/sampler']);
    expect(warnings.map((w) => w.path)).toContain('/creationInfo/creators/0');
    expect(warnings.map((w) => w.path)).toContain('/packages/0/packageName');
  });

  it('warns about the empty document SPDXID of invalid-spdx-identifier-spdx.json', () => {
    const { warnings } = importFile('guac-sbom-vex-testdata/invalid-spdx-identifier-spdx.json');
    expect(warnings).toContainEqual(expect.objectContaining({ path: '/SPDXID', severity: 'warning' }));
  });

  it('rejects invalid-spdx.json, naming spdxVersion and its wrong type', () => {
    const error = refusal('guac-sbom-vex-testdata/invalid-spdx.json');
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/spdxVersion');
    expect(error.message).toContain('spdxVersion must be a string');
    expect(error.message).toContain('number');
  });

  it('rejects alpine-small-spdx.json, a trimmed copy whose relationships name packages it no longer contains', () => {
    const error = refusal('guac-sbom-vex-testdata/alpine-small-spdx.json');
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/relationships/0/spdxElementId');
    expect(error.message).toContain('"SPDXRef-2bc2db5bac1d0fe4", which is not in the document');
  });

  it('keeps Ubuntu epoch versions of SCALIBR output and drops its NOASSERTION supplier', () => {
    const { sbom } = importFile('osv-scanner-sbom-testdata/only-unimportant.spdx.json');
    const [pkg] = sbom.components;
    expect(pkg?.version).toBe('2:8.39-12ubuntu0.1');
    expect(pkg?.purl).toMatch(/^pkg:deb\/ubuntu\/pcre3@/);
    expect(pkg?.supplier).toBeUndefined();
  });
});
