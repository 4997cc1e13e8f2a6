import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, it } from 'vitest';
import { isAppError } from '../../src/core/app-error.js';
import { spdxReader } from '../../src/formats/spdx/index.js';
import { corpusFiles, describeCorpus } from '../support/corpus.js';

/**
 * The SPDX corpus (spdx-spec examples and spdx-examples): every SPDX 2.2/2.3 JSON and
 * tag-value document imports; every SPDX 3.0 JSON-LD document is refused as unsupported.
 * Not read here: the YAML, XML and RDF/XML serializations of the spec example (jointsec reads
 * SPDX JSON and tag-value only), the JSON schemas, and the `.sha256` / `shas` checksum files.
 */
const all = corpusFiles('spdx', (n) => n !== 'README.md');
const skipped = all.filter(
  (f) => /\.(yaml|xml|sha256)$/.test(f) || basename(f) === 'shas' || basename(f) === 'spdx-schema.json',
);
const spdx3 = all.filter((f) => /spdx3\.0\//.test(f) || f.endsWith('.spdx3.json'));
const spdx2 = all.filter((f) => !skipped.includes(f) && !spdx3.includes(f));

function parseFile(file: string) {
  const text = readFileSync(file, 'utf8');
  const kind = spdxReader.detect(text);
  if (!kind) throw new Error(`${file} not detected as SPDX`);
  return { kind, ...spdxReader.parse(text, kind) };
}

describeCorpus('SPDX corpus conformance', () => {
  it('has the documents the corpus README lists', () => {
    expect(spdx2.length).toBe(34); // 20 JSON + 14 tag-value
    expect(spdx3.length).toBe(26); // the README: 26 SPDX 3.0 JSON-LD files
    expect(skipped.map((f) => basename(f)).sort()).toEqual([
      'SPDXRdfExample-v2.3.spdx.rdf.xml',
      'SPDXXMLExample-v2.3.spdx.xml',
      'SPDXYAMLExample-2.2.spdx.yaml',
      'SPDXYAMLExample-2.3.spdx.yaml',
      'hello-dist.spdx.json.sha256',
      'hello-src.spdx.json.sha256',
      'shas',
      'spdx-schema.json',
      'spdx-schema.json',
    ]);
  });

  it.each(spdx2.map((f) => [f.slice(f.indexOf('spdx/') + 5), f]))('imports %s', (_name, file) => {
    const { kind, sbom } = parseFile(file);
    expect(kind.specVersion).toMatch(/^2\.[23]$/);
    expect(kind.encoding).toBe(file.endsWith('.json') ? 'json' : 'tag-value');
    expect(sbom.components.length + (sbom.subject ? 1 : 0)).toBeGreaterThan(0);
    expect(sbom.metadata.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it.each(spdx3.map((f) => [f.slice(f.indexOf('spdx/') + 5), f]))('refuses SPDX 3.0 %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    let caught: unknown;
    try {
      spdxReader.detect(text);
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('unsupported-version');
    expect((caught as Error).message).toMatch(/^SPDX 3\.0 is not supported yet/);
  });

  it('reads the same model from the JSON and tag-value spec examples (2.2 and 2.3)', () => {
    for (const v of ['2.2', '2.3']) {
      const json = parseFile(all.find((f) => f.endsWith(`SPDXJSONExample-v${v}.spdx.json`)) ?? '').sbom;
      const tag = parseFile(all.find((f) => f.endsWith(`SPDXTagExample-v${v}.spdx`)) ?? '').sbom;
      const refs = (s: typeof json) => [s.subject?.ref, ...s.components.map((c) => c.ref)].sort();
      expect(refs(tag)).toEqual(refs(json));
      expect(tag.dependencies).toEqual(json.dependencies);
      expect(tag.subject?.name).toBe('glibc');
      expect(tag.subject?.version).toBe(json.subject?.version);
      expect(tag.subject?.hashes).toEqual(json.subject?.hashes);
      expect(tag.subject?.cpe).toBe(json.subject?.cpe);
    }
  });

  it('maps the SPDX 2.3 spec example glibc package as the spec states it', () => {
    const { sbom } = parseFile(all.find((f) => f.endsWith('SPDXJSONExample-v2.3.spdx.json')) ?? '');
    expect(sbom.metadata.serialNumber).toBe(
      'http://spdx.org/spdxdocs/spdx-example-444504E0-4F89-41D3-9A0C-0305E82C3301',
    );
    expect(sbom.metadata.tools).toEqual(['LicenseFind-1.0']);
    expect(sbom.metadata.authors).toEqual(['ExampleCodeInspect', 'Jane Doe']);
    const glibc = sbom.subject;
    expect(glibc?.ref).toBe('SPDXRef-Package');
    expect(glibc?.version).toBe('2.11.1');
    expect(glibc?.supplier).toBe('Jane Doe (jane.doe@example.com)');
    expect(glibc?.license).toBe('(LGPL-2.0-only OR LicenseRef-3)');
    expect(glibc?.endOfSupportDate).toBe('2014-01-29T18:30:22Z');
    expect(glibc?.hashes).toContainEqual({
      alg: 'SHA-256',
      value: '11b6d3ee554eedf79299905a98f9b9a04e498210b59f15094c916c91d150efcd',
    });
    expect(glibc?.hashes).toContainEqual({ alg: 'BLAKE2b-384', value: expect.stringMatching(/^aaabd89c/) });
    expect(glibc?.properties).toContainEqual({ name: 'spdx:primaryPackagePurpose', value: 'SOURCE' });
    expect(glibc?.externalReferences).toContainEqual({ type: 'website', url: 'http://ftp.gnu.org/gnu/glibc' });
  });
});
