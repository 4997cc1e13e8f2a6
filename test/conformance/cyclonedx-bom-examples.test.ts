import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { isAppError } from '../../src/core/app-error.js';
import { cycloneDxReader } from '../../src/formats/cyclonedx/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../support/corpus.js';

/**
 * Every BOM in CycloneDX/bom-examples imports: real SBOMs (1.2–1.4, JSON and XML) and, per
 * that folder's README, the VEX, SaaSBOM, CBOM, HBOM and OBOM examples, which are CycloneDX
 * BOMs too (some with no components at all) and must parse as well.
 */
const root = 'cyclonedx-bom-examples';

/**
 * Documents that must be refused, with the reason: none. (The laravel example also ships as
 * CycloneDX 1.1 XML, which is read too: it just has no metadata or dependency graph.)
 */
const refused: Readonly<Record<string, string>> = {};

describeCorpus('CycloneDX bom-examples', () => {
  const files = corpusFiles(root, (n) => /\.(json|xml)$/.test(n));

  it('finds the documents the README lists', () => {
    expect(files.length).toBe(69);
  });

  for (const file of files) {
    const name = relative(corpusPath(root), file);
    const expectedCode = refused[name];
    it(`${name} ${expectedCode === undefined ? 'parses' : `is refused (${expectedCode})`}`, () => {
      const text = readFileSync(file, 'utf8');
      if (expectedCode !== undefined) {
        let error: unknown;
        try {
          cycloneDxReader.detect(text);
        } catch (e) {
          error = e;
        }
        expect(isAppError(error) && error.code).toBe(expectedCode);
        return;
      }
      const kind = cycloneDxReader.detect(text);
      expect(kind?.format).toBe('cyclonedx');
      if (kind === undefined) return;
      const { sbom } = cycloneDxReader.parse(text, kind);
      expect(sbom.specVersion).toBe(kind.specVersion);
      const refs = [sbom.subject, ...sbom.components].flatMap((c) => (c === undefined ? [] : [c.ref]));
      expect(new Set(refs).size).toBe(refs.length);
    });
  }
});
