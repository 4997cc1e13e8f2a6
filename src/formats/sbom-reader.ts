import type { Diagnostic } from '../core/app-error.js';
import type { Sbom } from '../core/sbom.js';
import type { SbomDocumentKind } from '../core/sbom-document-kind.js';

/**
 * What every SBOM format module provides to the format dispatcher. `validate` checks a
 * document against its official schema and returns diagnostics; `parse` builds the neutral
 * model and throws AppError (`invalid-input`, with a location) only when the document cannot
 * be understood: wrong types in fields we read, duplicate refs, dangling dependency refs.
 * Problems we can live with (a malformed purl on one component) come back as warnings.
 */
export interface SbomReader {
  /** Recognizes the document from its text, or returns undefined when it is not this format. */
  detect(text: string): SbomDocumentKind | undefined;
  /** Async because XML schema validation runs libxml2 (WASM) off the event loop. */
  validate(text: string, kind: SbomDocumentKind): Promise<Diagnostic[]>;
  parse(text: string, kind: SbomDocumentKind): SbomParseResult;
}

export interface SbomParseResult {
  readonly sbom: Sbom;
  readonly warnings: readonly Diagnostic[];
}
