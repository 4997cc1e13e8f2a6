import { AppError, type Diagnostic } from '../../core/app-error.js';
import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import type { SbomParseResult, SbomReader } from '../sbom-reader.js';
import { textOf, type SbomInput } from '../sbom/sbom-text.js';
import { parseSafeXml } from '../xml/parse-safe-xml.js';
import { requireCycloneDxVersion } from './cyclonedx-version.js';
import { cycloneDxXmlToJson } from './cyclonedx-xml-to-json.js';
import { detectCycloneDx } from './detect-cyclonedx.js';
import { parseJsonDocument } from './parse-json-document.js';
import { readCycloneDxDocument } from './read-cyclonedx-document.js';
import { cycloneDxNamespaceVersion, readCycloneDxJsonHeader } from './read-cyclonedx-header.js';
import { isJsonObject } from './typed-field.js';
import { validateCycloneDxJson } from './validate-cyclonedx-json.js';
import { validateCycloneDxXml } from './validate-cyclonedx-xml.js';

/** CycloneDX 1.2–1.7, JSON and XML, behind the format-neutral reader interface. */
export const cycloneDxReader: SbomReader = {
  detect: detectCycloneDx,
  validate: validateCycloneDx,
  parse: parseCycloneDx,
};

/** Official-schema validation: ajv for JSON, libxml2 (XSD, off the event loop) for XML. */
export async function validateCycloneDx(input: SbomInput, kind: SbomDocumentKind): Promise<Diagnostic[]> {
  const version = requireCycloneDxVersion(kind.specVersion, 'specVersion');
  return kind.encoding === 'xml' ? validateCycloneDxXml(textOf(input), version) : validateCycloneDxJson(input, version);
}

/**
 * Parses into the neutral model. The document's own header decides the version (`kind` only
 * picks the encoding), so a caller cannot mislabel a document into being read.
 */
export function parseCycloneDx(input: SbomInput, kind: SbomDocumentKind): SbomParseResult {
  if (kind.format !== 'cyclonedx') {
    throw new AppError('unsupported-format', `the CycloneDX reader cannot read ${kind.format}`);
  }
  if (kind.encoding === 'xml') {
    const root = parseSafeXml(textOf(input));
    const namespace = root.attributes[root.name.includes(':') ? `xmlns:${root.name.split(':')[0]}` : 'xmlns'];
    const version = cycloneDxNamespaceVersion(namespace);
    if (root.localName !== 'bom' || version === undefined) {
      throw new AppError(
        'invalid-input',
        `line 1: the root element must be <bom xmlns="http://cyclonedx.org/schema/bom/1.N">, found <${root.name}>${namespace === undefined ? '' : ` in namespace ${namespace}`}`,
        { location: { path: 'line 1' } },
      );
    }
    const specVersion = requireCycloneDxVersion(version, 'bom/@xmlns');
    return readCycloneDxDocument(cycloneDxXmlToJson(root), { ...kind, specVersion });
  }
  if (kind.encoding !== 'json') {
    throw new AppError('unsupported-format', `CycloneDX has no ${kind.encoding} encoding`);
  }
  const document = parseJsonDocument(input);
  if (!isJsonObject(document)) {
    throw new AppError('invalid-input', '/: a CycloneDX BOM must be a JSON object', { location: { path: '/' } });
  }
  return readCycloneDxDocument(document, { ...kind, specVersion: readCycloneDxJsonHeader(document) });
}
