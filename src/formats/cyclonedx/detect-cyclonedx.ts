import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import { requireCycloneDxVersion } from './cyclonedx-version.js';
import { parseJsonDocument } from './parse-json-document.js';
import { cycloneDxNamespaceVersion, readCycloneDxJsonHeader } from './read-cyclonedx-header.js';
import { readXmlRoot } from '../xml/read-xml-root.js';
import { isJsonObject } from './typed-field.js';
import { textOf, type SbomInput } from '../sbom/sbom-text.js';

/**
 * Recognizes CycloneDX JSON (a `bomFormat` member, or a `$schema` on cyclonedx.org) and
 * CycloneDX XML (root `bom` in namespace `http://cyclonedx.org/schema/bom/1.N`).
 *
 * Returns undefined only when the text does not try to be CycloneDX, so the dispatcher can ask
 * the next format. A document that does try but cannot be read — malformed JSON mentioning
 * `bomFormat`, `bomFormat` other than "CycloneDX", a missing or unsupported `specVersion`,
 * a CycloneDX namespace of an unsupported version (1.0, 1.1, unknown) — throws AppError
 * (`invalid-input` or `unsupported-version`) naming the field, instead of being reported as
 * an unknown format.
 */
export function detectCycloneDx(input: SbomInput): SbomDocumentKind | undefined {
  const text = textOf(input);
  const first = firstNonSpace(text);
  if (first === '{') return detectJson(input, text);
  if (first === '<') return detectXml(text.replace(/^\uFEFF/, '').trimStart());
  return undefined;
}

/** The first character after a byte-order mark and whitespace, without copying a large text. */
function firstNonSpace(text: string): string | undefined {
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch.trim() !== '') return ch;
  }
  return undefined;
}

function detectJson(input: SbomInput, text: string): SbomDocumentKind | undefined {
  if (!/"bomFormat"|cyclonedx\.org\/schema/.test(text)) return undefined;
  const document = parseJsonDocument(input);
  if (!isJsonObject(document)) return undefined;
  const claimsCycloneDx =
    'bomFormat' in document ||
    (typeof document.$schema === 'string' && document.$schema.includes('cyclonedx.org/schema'));
  if (!claimsCycloneDx) return undefined;
  return { format: 'cyclonedx', encoding: 'json', specVersion: readCycloneDxJsonHeader(document) };
}

function detectXml(text: string): SbomDocumentKind | undefined {
  const root = readXmlRoot(text);
  if (root === undefined || root.localName !== 'bom') return undefined;
  const version = cycloneDxNamespaceVersion(root.namespace);
  if (version === undefined) return undefined;
  return { format: 'cyclonedx', encoding: 'xml', specVersion: requireCycloneDxVersion(version, 'line 1: bom/@xmlns') };
}
