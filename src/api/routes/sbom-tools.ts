import type { FastifyPluginCallbackZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sbomTargets } from '../../formats/sbom/sbom-formats.js';
import { assessSbomQuality, convertSbom, diffSbomFiles, validateSbomFile } from '../../services/sbom-files.js';
import { acceptRawDocuments, fileNameQuery, rawDocumentTypes, uploadedDocument } from '../raw-document-body.js';

const tags = ['sbom tools'];
const consumes = [...rawDocumentTypes];

/**
 * Stateless SBOM tools: the same checks as `jointsec sbom validate|quality|convert|diff`,
 * nothing is stored. Documents are sent as the raw request body, except for diff, which
 * needs two documents and takes them as text in a JSON body `{a, b}` (multipart is not
 * supported).
 */
export const sbomToolRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  // An encapsulated scope: the raw-body parsers apply to these routes only.
  void app.register((raw, _scopeOptions, scopeDone) => {
    acceptRawDocuments(raw);
    const rawApp = raw.withTypeProvider<ZodTypeProvider>();

    rawApp.post(
      '/sbom/validate',
      {
        schema: {
          tags,
          summary: 'Validate an SBOM against its official schema',
          description:
            'Answers 200 with `valid: false` and the errors for an invalid document; an unreadable or ' +
            'unrecognizable one is a problem (400/415/422).',
          consumes,
          querystring: fileNameQuery,
        },
      },
      (request) => validateSbomFile(uploadedDocument(request)),
    );

    rawApp.post(
      '/sbom/quality',
      {
        schema: {
          tags,
          summary: 'NTIA minimum elements and FDA support fields of an SBOM',
          consumes,
          querystring: fileNameQuery,
        },
      },
      (request) => assessSbomQuality(uploadedDocument(request)),
    );

    rawApp.post(
      '/sbom/convert',
      {
        schema: {
          tags,
          summary: 'Convert an SBOM to CycloneDX 1.6 JSON/XML or SPDX 2.3 JSON',
          consumes,
          querystring: fileNameQuery.extend({ to: z.enum(sbomTargets).describe('Target format.') }),
        },
      },
      (request, reply) => {
        const { text, mediaType } = convertSbom(uploadedDocument(request), request.query.to);
        return reply.type(`${mediaType}; charset=utf-8`).send(text);
      },
    );
    scopeDone();
  });

  app.post(
    '/sbom/diff',
    {
      schema: {
        tags,
        summary: 'Components added, removed and changed between two SBOMs',
        description: 'Both documents are sent as text in one JSON body; any supported format, mixed.',
        body: z.object({
          a: z.string().min(1).describe('The "before" SBOM, as text.'),
          b: z.string().min(1).describe('The "after" SBOM, as text.'),
          aName: z.string().max(255).optional().describe('File name of a, for error messages.'),
          bName: z.string().max(255).optional().describe('File name of b, for error messages.'),
        }),
      },
    },
    (request) => {
      const { a, b, aName, bName } = request.body;
      const encoder = new TextEncoder();
      return diffSbomFiles(
        { bytes: encoder.encode(a), fileName: aName ?? 'a' },
        { bytes: encoder.encode(b), fileName: bName ?? 'b' },
      );
    },
  );
  done();
};
