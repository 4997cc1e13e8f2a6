import type { Diagnostic } from '../core/app-error.js';
import type { Sbom } from '../core/sbom.js';
import type { SbomDocumentKind } from '../core/sbom-document-kind.js';
import type { SbomInput } from './sbom/sbom-text.js';

/**
 * What every SBOM format module provides to the format dispatcher. `validate` checks a
 * document against its official schema and returns diagnostics; `parse` builds the neutral
 * model and throws AppError (`invalid-input`, with a location) only when the document cannot
 * be understood: wrong types in fields we read, duplicate refs, dangling dependency refs.
 * Problems we can live with (a malformed purl on one component) come back as warnings.
 *
 * Each method takes the text, or an `SbomText` whose JSON tree is parsed once and shared by
 * detect, validate and parse (the dispatcher passes one; none of them may modify the tree).
 */
export interface SbomReader {
  /** Recognizes the document from its text, or returns undefined when it is not this format. */
  detect(text: SbomInput): SbomDocumentKind | undefined;
  /** Async because XML schema validation runs libxml2 (WASM) off the event loop. */
  validate(text: SbomInput, kind: SbomDocumentKind): Promise<Diagnostic[]>;
  parse(text: SbomInput, kind: SbomDocumentKind): SbomParseResult;
}

export interface SbomParseResult {
  readonly sbom: Sbom;
  readonly warnings: readonly Diagnostic[];
}
