import type { SbomDocumentKind } from '../../../src/core/sbom-document-kind.js';
import { spdxReader } from '../../../src/formats/spdx/index.js';

/** A small, valid SPDX 2.3 JSON document; tests override parts of it. */
export function spdxDoc(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: 'infusion-pump-firmware',
    documentNamespace: 'https://example.com/spdx/pump-1.0',
    creationInfo: { created: '2024-05-01T10:00:00Z', creators: ['Organization: Acme Medical', 'Tool: builder-2.1'] },
    packages: [
      {
        SPDXID: 'SPDXRef-pump',
        name: 'pump-firmware',
        versionInfo: '1.0',
        downloadLocation: 'NOASSERTION',
        primaryPackagePurpose: 'FIRMWARE',
      },
      {
        SPDXID: 'SPDXRef-zlib',
        name: 'zlib',
        versionInfo: '1.3.1',
        downloadLocation: 'https://zlib.net/zlib-1.3.1.tar.gz',
      },
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-pump' },
      { spdxElementId: 'SPDXRef-pump', relationshipType: 'DEPENDS_ON', relatedSpdxElement: 'SPDXRef-zlib' },
    ],
    ...overrides,
  };
}

export const json23: SbomDocumentKind = { format: 'spdx', encoding: 'json', specVersion: '2.3' };
export const tagValue23: SbomDocumentKind = { format: 'spdx', encoding: 'tag-value', specVersion: '2.3' };

/** detect + parse, as the format dispatcher does. */
export function importText(text: string) {
  const kind = spdxReader.detect(text);
  if (!kind) throw new Error('not detected as SPDX');
  return spdxReader.parse(text, kind);
}

export const importDoc = (doc: unknown) => importText(JSON.stringify(doc, null, 2));
