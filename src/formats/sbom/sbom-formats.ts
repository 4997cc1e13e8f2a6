import { AppError, type Diagnostic } from '../../core/app-error.js';
import type { Sbom } from '../../core/sbom.js';
import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import { cycloneDxReader, writeCycloneDxJson, writeCycloneDxXml } from '../cyclonedx/index.js';
import type { SbomReader } from '../sbom-reader.js';
import { spdxReader, writeSpdxJson } from '../spdx/index.js';
import { decodeDocumentText } from './decode-text.js';
import { SbomText } from './sbom-text.js';
import { malformedJsonError } from '../json/malformed-json-error.js';

/** The formats jointsec can write an SBOM in; the names are part of the CLI and API contract. */
export const sbomTargets = ['cyclonedx-json', 'cyclonedx-xml', 'spdx-json'] as const;
export type SbomTarget = (typeof sbomTargets)[number];

const writers: Record<SbomTarget, { write: (sbom: Sbom) => string; mediaType: string; extension: string }> = {
  'cyclonedx-json': { write: writeCycloneDxJson, mediaType: 'application/vnd.cyclonedx+json', extension: 'cdx.json' },
  'cyclonedx-xml': { write: writeCycloneDxXml, mediaType: 'application/vnd.cyclonedx+xml', extension: 'cdx.xml' },
  'spdx-json': { write: writeSpdxJson, mediaType: 'application/spdx+json', extension: 'spdx.json' },
};

const readers: readonly SbomReader[] = [cycloneDxReader, spdxReader];

export interface DocumentSource {
  readonly bytes: Uint8Array;
  /** Named in every error so a person knows which upload failed. */
  readonly fileName?: string;
  readonly maxBytes?: number;
}

/**
 * A document that has been recognized: its text (with the JSON tree detection parsed, which
 * validation and parsing reuse), what it is, and who reads it. Drop it once parsed: at 100k
 * components the tree is several hundred MiB.
 */
export interface RecognizedDocument {
  readonly text: SbomText;
  readonly kind: SbomDocumentKind;
  readonly reader: SbomReader;
}

/** Decodes and recognizes an SBOM; throws AppError naming the file for anything else. */
export function recognizeSbom(source: DocumentSource): RecognizedDocument {
  const text = new SbomText(decodeDocumentText(source.bytes, source), {
    reread: () => decodeDocumentText(source.bytes, source),
  });
  return withFile(source.fileName, () => {
    for (const reader of readers) {
      const kind = reader.detect(text);
      if (kind) return { text, kind, reader };
    }
    throw unrecognized(text);
  });
}

/** Schema validation of a recognized document, with the parser's own structural checks. */
export async function validateSbom(doc: RecognizedDocument): Promise<{ errors: Diagnostic[]; warnings: Diagnostic[] }> {
  const errors = await doc.reader.validate(doc.text, doc.kind);
  try {
    const { warnings } = doc.reader.parse(doc.text, doc.kind);
    return { errors, warnings: [...warnings] };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid-input') throw error;
    const structural = { severity: 'error' as const, path: error.location?.path ?? '', message: error.message };
    return { errors: [...errors, structural], warnings: [] };
  }
}

/** Parses a recognized document into the neutral model; errors name the file. */
export function parseSbom(doc: RecognizedDocument, fileName?: string): { sbom: Sbom; warnings: readonly Diagnostic[] } {
  return withFile(fileName, () => doc.reader.parse(doc.text, doc.kind));
}

/** Writes the neutral model in one of the supported target formats. */
export function writeSbom(sbom: Sbom, target: SbomTarget): { text: string; mediaType: string; extension: string } {
  const writer = writers[target];
  return { text: writer.write(sbom), mediaType: writer.mediaType, extension: writer.extension };
}

export function isSbomTarget(value: string): value is SbomTarget {
  return (sbomTargets as readonly string[]).includes(value);
}

function unrecognized(doc: SbomText): AppError {
  const text = doc.text;
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      doc.json();
    } catch (cause) {
      return malformedJsonError(text, cause);
    }
    return new AppError('unsupported-format', 'JSON document is neither CycloneDX (bomFormat) nor SPDX (spdxVersion)');
  }
  if (start === '<')
    return new AppError('unsupported-format', 'XML document is not a CycloneDX BOM (root element bom)');
  return new AppError('unsupported-format', 'not a CycloneDX (JSON, XML) or SPDX (JSON, tag-value) document');
}

/** Runs `work`, adding the file name to any AppError's location that lacks one. */
function withFile<T>(file: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (file === undefined || !(error instanceof AppError) || error.location?.file !== undefined) throw error;
    throw new AppError(error.code, error.message, {
      location: { ...error.location, file },
      details: error.details,
      cause: error.cause,
    });
  }
}
