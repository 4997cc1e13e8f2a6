import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../../src/core/app-error.js';
import { parseSbom, recognizeSbom } from '../../../src/formats/sbom/sbom-formats.js';

const cdx = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [
      { type: 'library', 'bom-ref': 'a', name: 'a', version: '1' },
      { type: 'library', 'bom-ref': 'b', name: 'b', version: '2' },
    ],
    ...extra,
  });

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><components><component type="library"><name>&lol2;</name></component></components></bom>`;
const xxe = `<?xml version="1.0"?>
<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1"><metadata><component type="library"><name>&xxe;</name></component></metadata></bom>`;

/** Each case: a file that must be refused, the code, and a fragment the message or location must name. */
const cases: [string, Uint8Array | string, ErrorCode, RegExp][] = [
  ['empty file', '', 'invalid-input', /empty/],
  ['binary garbage', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), 'invalid-input', /binary/],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'invalid-input', /UTF-8/],
  ['malformed JSON', '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.6",\n  oops\n}', 'invalid-input', /line 4/],
  ['truncated JSON', cdx().slice(0, 60), 'invalid-input', /line 1/],
  ['JSON of no SBOM format', '{"hello": "world"}', 'unsupported-format', /CycloneDX|SPDX/],
  ['plain text', 'just some notes\nabout a device\n', 'unsupported-format', /CycloneDX|SPDX/],
  ['unknown CycloneDX version', cdx({ specVersion: '1.9' }), 'unsupported-version', /1\.9/],
  [
    'SPDX 3.0',
    JSON.stringify({ '@context': 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld', '@graph': [] }),
    'unsupported-version',
    /SPDX 3/,
  ],
  ['wrong type for components', cdx({ components: 'none' }), 'invalid-input', /components/],
  ['wrong type for a component name', cdx({ components: [{ type: 'library', name: 42 }] }), 'invalid-input', /name/],
  [
    'duplicate bom-ref',
    cdx({
      components: [
        { type: 'library', 'bom-ref': 'x', name: 'x' },
        { type: 'library', 'bom-ref': 'x', name: 'y' },
      ],
    }),
    'invalid-input',
    /x/,
  ],
  ['dangling dependency', cdx({ dependencies: [{ ref: 'a', dependsOn: ['ghost'] }] }), 'invalid-input', /ghost/],
  ['XML with an internal DTD (billion laughs)', billionLaughs, 'invalid-input', /DOCTYPE|DTD|entit/i],
  ['XML with an external entity (XXE)', xxe, 'invalid-input', /DOCTYPE|DTD|entit/i],
  [
    'malformed XML',
    '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">\n<components>\n</bom>',
    'invalid-input',
    /line/,
  ],
];

describe('bad SBOM input', () => {
  it.each(cases)('refuses %s with a clear error naming the file', (label, content, code, names) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const fileName = `${label.replaceAll(' ', '-')}.input`;
    let error: unknown;
    try {
      const doc = recognizeSbom({ bytes, fileName });
      parseSbom(doc, fileName);
    } catch (e) {
      error = e;
    }
    expect(error, `${label} was accepted`).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe(code);
    expect(appError.location?.file).toBe(fileName);
    expect(`${appError.message} ${appError.location?.path ?? ''}`).toMatch(names);
  });

  it('refuses a file over the configured size limit before reading it', () => {
    const bytes = new TextEncoder().encode(cdx());
    const error = (() => {
      try {
        recognizeSbom({ bytes, fileName: 'big.json', maxBytes: 100 });
      } catch (e) {
        return e;
      }
    })();
    expect((error as AppError).code).toBe('too-large');
    expect((error as AppError).message).toMatch(/100 bytes/);
    expect((error as AppError).location?.file).toBe('big.json');
  });

  it('accepts the well-formed document the cases are made from', () => {
    const doc = recognizeSbom({ bytes: new TextEncoder().encode(cdx()), fileName: 'ok.json' });
    expect(parseSbom(doc).sbom.components.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
