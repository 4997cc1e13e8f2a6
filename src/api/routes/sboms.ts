import type { FastifyPluginCallbackZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sbomTargets } from '../../formats/sbom/sbom-formats.js';
import { listComponents } from '../../services/components.js';
import { getSbomDocument, getSbomDocumentOriginal } from '../../services/sbom-documents.js';
import { diffProductVersions, exportSbom, getVersionQuality, importSbom, listSboms } from '../../services/sboms.js';
import { pageOf, pageQuery } from '../pagination.js';
import { acceptRawDocuments, fileNameQuery, rawDocumentTypes, uploadedDocument } from '../raw-document-body.js';
import { versionParams } from './product-versions.js';
import { productParams } from './products.js';

const tags = ['sboms'];
const sbomParams = z.object({ sbomId: z.string().min(1) });

/**
 * SBOMs attached to product versions: upload (the raw document as the body), list, the
 * merged export in a standard format, quality, and the diff between two versions.
 */
export const sbomRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  // An encapsulated scope: the raw-body parsers apply to these routes only.
  void app.register((scope, _scopeOptions, scopeDone) => {
    acceptRawDocuments(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/products/:product/versions/:version/sboms',
      {
        schema: {
          tags,
          summary: 'Attach an SBOM to a product version',
          description:
            'Send the document byte for byte as the body (CycloneDX 1.2–1.7 JSON, 1.0–1.7 XML, SPDX 2.2/2.3 ' +
            'JSON/tag-value; detected automatically). A document that cannot be read is refused and ' +
            'nothing is stored. Schema violations are returned as warnings unless `strict=true`.',
          consumes: [...rawDocumentTypes],
          params: versionParams,
          querystring: fileNameQuery.extend({
            strict: z
              .enum(['true', 'false'])
              .optional()
              .transform((v) => v === 'true')
              .describe('Refuse documents with schema errors.'),
          }),
        },
      },
      async (request, reply) => {
        const result = await importSbom(request.serviceContext, {
          ...request.params,
          ...uploadedDocument(request),
          strict: request.query.strict,
        });
        return reply.code(201).send(result);
      },
    );
    scopeDone();
  });

  app.get(
    '/products/:product/versions/:version/sboms',
    {
      schema: {
        tags,
        summary: 'List the SBOM documents of a product version',
        params: versionParams,
        querystring: pageQuery,
      },
    },
    async (request) =>
      pageOf(await listSboms(request.serviceContext, { ...request.params, ...request.query }), request.query),
  );

  app.get(
    '/products/:product/versions/:version/export',
    {
      schema: {
        tags,
        summary: 'The merged SBOM of a product version',
        description: 'Every component of every attached document, once, in CycloneDX 1.6 JSON/XML or SPDX 2.3 JSON.',
        params: versionParams,
        querystring: z.object({ format: z.enum(sbomTargets).default('cyclonedx-json').describe('Output format.') }),
      },
    },
    async (request, reply) => {
      const { text, mediaType, fileName } = await exportSbom(request.serviceContext, {
        ...request.params,
        to: request.query.format,
      });
      return reply
        .type(`${mediaType}; charset=utf-8`)
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(text);
    },
  );

  app.get(
    '/products/:product/versions/:version/quality',
    {
      schema: {
        tags,
        summary: 'NTIA minimum elements and FDA fields over the merged components',
        params: versionParams,
      },
    },
    (request) => getVersionQuality(request.serviceContext, request.params),
  );

  app.get(
    '/products/:product/versions/:version/components',
    {
      schema: {
        tags,
        summary: 'List the merged components of a product version',
        params: versionParams,
        querystring: pageQuery,
      },
    },
    async (request) =>
      pageOf(await listComponents(request.serviceContext, { ...request.params, ...request.query }), request.query),
  );

  app.get(
    '/sboms/:sbomId',
    {
      schema: { tags, summary: 'One stored SBOM document (metadata)', params: sbomParams },
    },
    (request) => getSbomDocument(request.serviceContext, request.params.sbomId),
  );

  app.get(
    '/sboms/:sbomId/original',
    {
      schema: {
        tags,
        summary: 'The SBOM document exactly as it was imported',
        description: 'Byte for byte; the sha256 of the bytes is in the `digest` header (RFC 3230 style).',
        params: sbomParams,
      },
    },
    async (request, reply) => {
      const original = await getSbomDocumentOriginal(request.serviceContext, request.params.sbomId);
      return reply
        .type(original.mediaType)
        .header('digest', `sha-256=${Buffer.from(original.sha256, 'hex').toString('base64')}`)
        .header('content-disposition', `attachment; filename="${original.fileName.replace(/["\\\r\n]/g, '_')}"`)
        .send(Buffer.from(original.bytes));
    },
  );

  app.get(
    '/products/:product/diff',
    {
      schema: {
        tags,
        summary: 'Components added, removed and changed between two versions of a product',
        params: productParams,
        querystring: z.object({ from: z.string().min(1), to: z.string().min(1) }),
      },
    },
    (request) => diffProductVersions(request.serviceContext, { product: request.params.product, ...request.query }),
  );
  done();
};
