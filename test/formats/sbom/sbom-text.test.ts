import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSbom, recognizeSbom, validateSbom } from '../../../src/formats/sbom/sbom-formats.js';
import { SbomText } from '../../../src/formats/sbom/sbom-text.js';

const cdx = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', 'bom-ref': 'a', name: 'a', version: '1', purl: 'pkg:npm/a@1' }],
});
const spdx = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'doc',
  documentNamespace: 'https://example.com/doc',
  creationInfo: { created: '2024-01-01T00:00:00Z', creators: ['Tool: test'] },
  packages: [
    { SPDXID: 'SPDXRef-a', name: 'a', versionInfo: '1', downloadLocation: 'NOASSERTION', filesAnalyzed: false },
  ],
});

afterEach(() => vi.restoreAllMocks());

/** How many times JSON.parse ran over a whole document of this length while `work` ran. */
async function documentParses(text: string, work: () => Promise<unknown>): Promise<number> {
  const parse = vi.spyOn(JSON, 'parse');
  await work();
  return parse.mock.calls.filter(([arg]) => typeof arg === 'string' && arg.length >= text.length).length;
}

describe('one JSON parse per document', () => {
  it.each([
    ['CycloneDX', cdx],
    ['SPDX', spdx],
  ])('%s: recognize, validate and parse share a single JSON.parse', async (_label, text) => {
    const bytes = new TextEncoder().encode(text);
    const parses = await documentParses(text, async () => {
      const doc = recognizeSbom({ bytes, fileName: 'doc.json' });
      const { errors } = await validateSbom(doc);
      expect(errors).toEqual([]);
      expect(parseSbom(doc).sbom.components.map((c) => c.name)).toEqual(['a']);
    });
    expect(parses).toBe(1);
  });
});

describe('SbomText', () => {
  it('lets the text go once parsed and decodes it again only when asked', () => {
    const reread = vi.fn(() => cdx);
    const text = new SbomText(cdx, { reread });
    expect(text.json()).toMatchObject({ bomFormat: 'CycloneDX' });
    expect(reread).not.toHaveBeenCalled();
    expect(text.text).toBe(cdx);
    expect(reread).toHaveBeenCalledTimes(1);
  });

  it('keeps the syntax error of malformed JSON and the text to locate it', () => {
    const text = new SbomText('{"a": ', { reread: () => 'unused' });
    expect(() => text.json()).toThrow(SyntaxError);
    expect(() => text.json()).toThrow(SyntaxError);
    expect(text.parsed()).toBeUndefined();
    expect(text.text).toBe('{"a": ');
  });
});
