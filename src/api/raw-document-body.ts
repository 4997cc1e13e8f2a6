import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DocumentSource } from '../formats/sbom/sbom-formats.js';

/** The media types an SBOM upload may be sent as; anything else is 415 `unsupported-format`. */
export const rawDocumentTypes = [
  'application/json',
  'application/xml',
  'text/xml',
  'text/plain',
  'text/spdx',
  'application/vnd.cyclonedx+json',
  'application/vnd.cyclonedx+xml',
  'application/spdx+json',
  'application/octet-stream',
] as const;

/**
 * Makes every route in this (encapsulated) plugin receive the request body as raw bytes:
 * the SBOM services detect the format themselves and must see the document byte for byte.
 * The server-wide body limit still applies (413 `too-large`).
 */
export function acceptRawDocuments(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser([...rawDocumentTypes], { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
}

/** The raw body as the route handler sees it (an empty body arrives as undefined). */
export function rawBody(body: unknown): Uint8Array {
  return body instanceof Uint8Array ? body : new Uint8Array();
}

/**
 * The uploaded document as the SBOM services take it: bytes, the client's file name (for
 * error messages) and the server's body limit as the document size limit.
 */
export function uploadedDocument(request: {
  readonly body: unknown;
  readonly query: { readonly filename?: string | undefined };
  readonly server: { readonly initialConfig: { readonly bodyLimit?: number } };
}): DocumentSource {
  return {
    bytes: rawBody(request.body),
    fileName: request.query.filename ?? 'upload',
    ...(request.server.initialConfig.bodyLimit === undefined
      ? {}
      : { maxBytes: request.server.initialConfig.bodyLimit }),
  };
}

/** `?filename=` lets a client name the upload so errors can name it too. */
export const fileNameQuery = z.object({
  filename: z.string().min(1).max(255).optional().describe('Name of the uploaded file, used in error messages.'),
});
