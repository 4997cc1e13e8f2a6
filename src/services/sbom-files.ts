import type { Diagnostic } from '../core/app-error.js';
import type { Sbom } from '../core/sbom.js';
import { diffComponents, type SbomDiff } from '../core/sbom-diff.js';
import { assessQuality, type SbomQualityReport } from '../core/sbom-quality.js';
import {
  parseSbom,
  recognizeSbom,
  validateSbom,
  writeSbom,
  type DocumentSource,
  type SbomTarget,
} from '../formats/sbom/sbom-formats.js';

/** The answer to `jointsec sbom validate`; field names are part of the CLI contract. */
export interface SbomValidation {
  readonly valid: boolean;
  readonly format: Sbom['format'];
  readonly specVersion: string;
  readonly errors: readonly { path: string; message: string }[];
  readonly warnings: readonly { path: string; message: string }[];
}

/**
 * Validates one SBOM file against its official schema and our structural rules. An
 * unrecognizable or unreadable file is not "invalid" but unusable: it throws.
 */
export async function validateSbomFile(source: DocumentSource): Promise<SbomValidation> {
  const doc = recognizeSbom(source);
  const { errors, warnings } = await validateSbom(doc);
  return {
    valid: errors.length === 0,
    format: doc.kind.format,
    specVersion: doc.kind.specVersion,
    errors: errors.map(pathAndMessage),
    warnings: warnings.map(pathAndMessage),
  };
}

/** Reads a file into the neutral model, keeping the parser's warnings. */
export function readSbomFile(source: DocumentSource): { sbom: Sbom; warnings: readonly Diagnostic[] } {
  return parseSbom(recognizeSbom(source), source.fileName);
}

/** NTIA minimum elements and FDA support fields of one SBOM file. */
export function assessSbomQuality(
  source: DocumentSource,
): SbomQualityReport & { format: Sbom['format']; specVersion: string } {
  const { sbom } = readSbomFile(source);
  return { format: sbom.format, specVersion: sbom.specVersion, ...assessQuality(sbom) };
}

/** Components added, removed and changed from `before` to `after`, whatever their formats. */
export function diffSbomFiles(before: DocumentSource, after: DocumentSource): SbomDiff {
  const a = readSbomFile(before).sbom;
  const b = readSbomFile(after).sbom;
  return diffComponents(withSubject(a), withSubject(b));
}

/** Re-encodes an SBOM in another format, carrying every field the neutral model holds. */
export function convertSbom(source: DocumentSource, to: SbomTarget): { text: string; mediaType: string } {
  const { sbom } = readSbomFile(source);
  return writeSbom(sbom, to);
}

function withSubject(sbom: Sbom): Sbom['components'] {
  return sbom.subject ? [sbom.subject, ...sbom.components] : sbom.components;
}

function pathAndMessage(d: Diagnostic): { path: string; message: string } {
  return { path: d.path, message: d.message };
}
