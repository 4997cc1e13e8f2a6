export { errorOf as refusal } from '../../support/error-of.js';
import type { SbomDocumentKind } from '../../../src/core/sbom-document-kind.js';

/** Small hand-written CycloneDX documents and helpers shared by the format tests. */
export const json16: SbomDocumentKind = { format: 'cyclonedx', encoding: 'json', specVersion: '1.6' };
export const xml16: SbomDocumentKind = { format: 'cyclonedx', encoding: 'xml', specVersion: '1.6' };

/** A CycloneDX 1.6 JSON text with the given top-level members. */
export function cdxJson(members: Record<string, unknown>, specVersion = '1.6'): string {
  return JSON.stringify({ bomFormat: 'CycloneDX', specVersion, version: 1, ...members }, null, 2);
}

/** A CycloneDX XML text whose `<bom>` holds `body`. */
export function cdxXml(body: string, version = '1.6'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/${version}" version="1">\n${body}\n</bom>\n`;
}
