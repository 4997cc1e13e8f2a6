import type { SbomEncoding, SbomFormat } from './sbom.js';

/** What a byte sequence is, as far as SBOM format detection can tell. */
export interface SbomDocumentKind {
  readonly format: SbomFormat;
  readonly encoding: SbomEncoding;
  /** `1.6`, `2.3`, …; as written in the document. */
  readonly specVersion: string;
}
