import type { FastifyPluginCallbackZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFindings } from '../../services/findings.js';
import {
  listIdentityMappings,
  mapIdentity,
  mapIdentitySchema,
  unmapIdentity,
} from '../../services/identity-mappings.js';
import { writeScanDocument } from '../../services/scan-output.js';
import { scanUploadedSbom } from '../../services/scan-sbom.js';
import { showVulnerability, whereUsed } from '../../services/vulnerabilities.js';
import { pageQuery } from '../pagination.js';
import { acceptRawDocuments, fileNameQuery, rawDocumentTypes, uploadedDocument } from '../raw-document-body.js';
import { versionParams } from './product-versions.js';

const tags = ['vulnerabilities'];
const idParams = z.object({ id: z.string().min(1).describe('Any identifier: CVE-…, GHSA-…, PYSEC-…, a vendor id.') });

/**
 * Vulnerability intelligence as the organization sees it: one vulnerability from every
 * source, where it is used, a product version's findings, identity mappings, and a scan of an
 * uploaded SBOM against the database (nothing stored).
 */
export const vulnerabilityRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get(
    '/vulnerabilities/:id',
    {
      schema: {
        tags,
        summary: 'One vulnerability, by any of its ids, merged from every imported source',
        params: idParams,
      },
    },
    (request) => showVulnerability(request.serviceContext, request.params.id),
  );

  app.get(
    '/vulnerabilities/:id/where-used',
    {
      schema: {
        tags,
        summary: "The organization's product versions and components affected by a vulnerability",
        params: idParams,
      },
    },
    (request) => whereUsed(request.serviceContext, request.params.id),
  );

  app.get(
    '/products/:product/versions/:version/findings',
    {
      schema: {
        tags,
        summary: "A product version's findings, kept up to date as SBOMs and feeds change",
        description:
          'One finding per component and vulnerability, with evidence, enrichment (CVSS, CWE, KEV, EPSS) and ' +
          'first-seen / last-seen / resolved times. `total` counts every finding, `findings` is one page.',
        params: versionParams,
        querystring: pageQuery.extend({
          resolved: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .describe('Include resolved findings.'),
        }),
      },
    },
    (request) =>
      listFindings(request.serviceContext, {
        ...request.params,
        includeResolved: request.query.resolved,
        limit: request.query.limit,
        offset: request.query.offset,
      }),
  );

  app.get(
    '/identity-mappings',
    { schema: { tags, summary: "The organization's manual component identities" } },
    (request) => listIdentityMappings(request.serviceContext),
  );

  app.post(
    '/identity-mappings',
    {
      schema: {
        tags,
        summary: 'Map components (by name, optionally version) to a purl and/or CPE; they are re-matched at once',
        body: mapIdentitySchema,
      },
    },
    async (request, reply) => reply.code(201).send(await mapIdentity(request.serviceContext, request.body)),
  );

  app.delete(
    '/identity-mappings/:id',
    {
      schema: {
        tags,
        summary: 'Remove a manual identity; its components are re-matched',
        params: z.object({ id: z.string() }),
      },
    },
    (request) => unmapIdentity(request.serviceContext, request.params.id),
  );

  // An encapsulated scope: the raw-body parsers apply to the scan route only.
  void app.register((scope, _scopeOptions, scopeDone) => {
    acceptRawDocuments(scope);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/scan',
      {
        schema: {
          tags,
          summary: 'Scan an uploaded SBOM against the database (nothing is stored)',
          description:
            'The same report as `jointsec scan --format json`, or SARIF 2.1.0 / a CycloneDX 1.6 VDR with `format`.',
          consumes: [...rawDocumentTypes],
          querystring: fileNameQuery.extend({
            format: z.enum(['json', 'sarif', 'cyclonedx-vdr']).default('json').describe('Report format.'),
          }),
        },
      },
      async (request, reply) => {
        const report = await scanUploadedSbom(request.serviceContext, uploadedDocument(request));
        if (request.query.format === 'json') return report;
        const type = request.query.format === 'sarif' ? 'application/sarif+json' : 'application/vnd.cyclonedx+json';
        return reply.type(`${type}; charset=utf-8`).send(writeScanDocument(report, request.query.format));
      },
    );
    scopeDone();
  });
  done();
};
