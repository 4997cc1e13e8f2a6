import { AppError, isAppError, type Diagnostic } from '../../core/app-error.js';
import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import type { SbomParseResult, SbomReader } from '../sbom-reader.js';
import { jsonOf, textOf, type SbomInput } from '../sbom/sbom-text.js';
import { detectSpdx } from './detect-spdx.js';
import { malformedJsonError } from '../json/malformed-json-error.js';
import { readSpdxDocument } from './read-spdx-document.js';
import { spdxVersionProfile, type SpdxVersionProfile } from './spdx-version-profile.js';
import { readTagValue } from './tag-value/read-tag-value.js';
import { tagValueLocator } from './tag-value/tag-value-locator.js';
import { validateSpdxJson } from './validate-spdx-json.js';

/** A document in SPDX JSON shape, whichever encoding it came in, and how to locate a pointer in the original. */
interface SpdxSource {
  readonly doc: unknown;
  readonly locate: (pointer: string) => string;
  readonly warnings: readonly Diagnostic[];
}

function profileOf(kind: SbomDocumentKind): SpdxVersionProfile {
  const profile = spdxVersionProfile(kind.specVersion);
  if (!profile) throw new AppError('unsupported-version', `SPDX version ${kind.specVersion} is not supported`);
  return profile;
}

function load(input: SbomInput, kind: SbomDocumentKind): SpdxSource {
  if (kind.encoding === 'tag-value') {
    const converted = readTagValue(textOf(input));
    return { doc: converted.doc, locate: tagValueLocator(converted.lines), warnings: converted.warnings };
  }
  try {
    return { doc: jsonOf(input), locate: (p) => p, warnings: [] };
  } catch (cause) {
    throw malformedJsonError(textOf(input), cause);
  }
}

/** SPDX 2.2 / 2.3, JSON and tag-value. */
export const spdxReader: SbomReader = {
  detect: detectSpdx,

  validate(text, kind) {
    return Promise.resolve(validateSpdx(text, kind));
  },

  parse(text, kind): SbomParseResult {
    const source = load(text, kind);
    // detect() has checked this already; parse may be called directly with a kind.
    detectSpdx(text);
    const result = readSpdxDocument(source.doc, {
      profile: profileOf(kind),
      encoding: kind.encoding,
      locate: source.locate,
    });
    return { sbom: result.sbom, warnings: [...source.warnings, ...result.warnings] };
  },
};

/** Our schema of the SPDX 2.x document model, with tag-value paths mapped back to lines. */
function validateSpdx(text: SbomInput, kind: SbomDocumentKind): Diagnostic[] {
  let source: SpdxSource;
  try {
    source = load(text, kind);
  } catch (error) {
    if (!isAppError(error)) throw error;
    return [{ severity: 'error', path: error.location?.path ?? '', message: error.message }];
  }
  const diagnostics = validateSpdxJson(source.doc, profileOf(kind)).map((d) => {
    const where = source.locate(d.path);
    return where === d.path ? d : { ...d, path: where, message: `${d.path}: ${d.message}` };
  });
  return [...source.warnings, ...diagnostics];
}
