import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/app-error.js';
import {
  cycloneDxReader,
  validateCycloneDxXmlFiles,
  type CycloneDxVersion,
} from '../../src/formats/cyclonedx/index.js';
import { corpusFiles, describeCorpus } from '../support/corpus.js';

/**
 * CycloneDX/specification's own test resources (corpus cyclonedx-specification): every
 * `valid-*` document must validate against its version's official schema and every
 * `invalid-*` one must not. 1.4–1.7 are what the corpus holds (1.2/1.3 have no resources).
 */
const versions: readonly CycloneDxVersion[] = ['1.4', '1.5', '1.6', '1.7'];

/**
 * The corpus README's known validator-dependent corner: these 8 documents carry JSF
 * `signature` objects and fail python-jsonschema inside the JSF `oneOf`, while upstream's
 * Java suite accepts them. Our ajv setup resolves jsf-0.82.schema.json locally and accepts
 * them too, so they are NOT exceptions here — asserted below, so this note cannot go stale.
 */
const jsfSignatureCorner = [
  '1.4/valid-signatures-1.4.json',
  '1.5/valid-signatures-1.5.json',
  '1.6/valid-signatures-1.6.json',
  '1.7/valid-signatures-1.7.json',
  '1.6/valid-attestation-1.6.json',
  '1.7/valid-attestation-1.7.json',
  '1.6/valid-standard-1.6.json',
  '1.7/valid-standard-1.7.json',
];

/**
 * Documents whose verdict is expected to contradict their file name, with the reason.
 * Empty today; the last test asserts that this list is exactly the set of contradictions.
 */
const expectedToDiffer: Readonly<Record<string, string>> = {};

/**
 * 1.7 also ships `informal-invalid-*` documents: they break a prose rule (a `versionRange`
 * only on external components) that no schema can express, so upstream names them
 * "informal". Schema validation must accept them; the semantic rule is not checked here.
 */
const informalInvalid = (name: string): boolean => name.startsWith('informal-invalid-');

const relative = (file: string): string => `${basename(dirname(file))}/${basename(file)}`;
const expectedValid = (file: string): boolean =>
  (basename(file).startsWith('valid-') || informalInvalid(basename(file))) !== relative(file) in expectedToDiffer;
const verdicts = new Map<string, boolean>();

describeCorpus('CycloneDX specification test resources', () => {
  for (const version of versions) {
    const dir = `cyclonedx-specification/test-resources/${version}`;
    const jsonFiles = corpusFiles(dir, (n) => n.endsWith('.json'));
    const xmlFiles = corpusFiles(dir, (n) => n.endsWith('.xml'));

    it(`has JSON and XML resources for ${version}`, () => {
      expect(jsonFiles.length).toBeGreaterThan(40);
      expect(xmlFiles.length).toBeGreaterThan(40);
    });

    for (const file of jsonFiles) {
      it(`JSON ${relative(file)} is ${expectedValid(file) ? 'valid' : 'invalid'}`, async () => {
        const diagnostics = await cycloneDxReader.validate(readFileSync(file, 'utf8'), {
          format: 'cyclonedx',
          encoding: 'json',
          specVersion: version,
        });
        verdicts.set(relative(file), diagnostics.length === 0);
        if (expectedValid(file)) expect(diagnostics).toEqual([]);
        else expect(diagnostics.length).toBeGreaterThan(0);
      });
    }

    describeCorpus(`XML ${version}`, () => {
      // One libxml2 run per version: the XSD is compiled once instead of once per document.
      let results = new Map<string, Diagnostic[]>();
      beforeAll(async () => {
        results = await validateCycloneDxXmlFiles(
          xmlFiles.map((f) => ({ fileName: basename(f), contents: readFileSync(f, 'utf8') })),
          version,
        );
      });
      for (const file of xmlFiles) {
        it(`XML ${relative(file)} is ${expectedValid(file) ? 'valid' : 'invalid'}`, () => {
          const diagnostics = results.get(basename(file));
          expect(diagnostics).toBeDefined();
          verdicts.set(relative(file), diagnostics?.length === 0);
          if (expectedValid(file)) expect(diagnostics).toEqual([]);
          else expect(diagnostics?.length).toBeGreaterThan(0);
        });
      }
    });
  }

  it('classifies every resource by its name prefix', () => {
    const names = [...verdicts.keys()].map((n) => basename(n));
    expect(names.filter((n) => !/^(valid|invalid|informal-invalid)-/.test(n))).toEqual([]);
    expect(names.filter(informalInvalid).length).toBe(2);
  });

  it('accepts the JSF-signature documents that python-jsonschema rejects', () => {
    for (const name of jsfSignatureCorner) expect(verdicts.get(name), name).toBe(true);
  });

  it('lists exactly the documents whose verdict contradicts their name', () => {
    const contradicting = [...verdicts]
      .filter(([name, valid]) => valid !== (basename(name).startsWith('valid-') || informalInvalid(basename(name))))
      .map(([name]) => name)
      .sort();
    expect(verdicts.size).toBeGreaterThan(500);
    expect(contradicting).toEqual(Object.keys(expectedToDiffer).sort());
  });
});
