import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addProductVersion,
  addProductVersionSchema,
  getProductVersion,
  listProductVersions,
  updateLifecycle,
  updateLifecycleSchema,
} from '../../services/product-versions.js';
import { pageOf, pageQuery } from '../pagination.js';
import { productParams } from './products.js';

const tags = ['product versions'];

/** `/products/:product/versions/:version`, the version by its version string. */
export const versionParams = productParams.extend({
  version: z.string().min(1).describe('Version string, e.g. 2.1.0.'),
});

/** Releases of a product and their lifecycle (development → released → end-of-sale → end-of-support). */
export const productVersionRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/products/:product/versions',
    {
      schema: {
        tags,
        summary: 'Add a version (release) to a product',
        params: productParams,
        body: addProductVersionSchema.omit({ product: true }),
      },
    },
    async (request, reply) => {
      const created = await addProductVersion(request.serviceContext, {
        ...request.body,
        product: request.params.product,
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/products/:product/versions',
    { schema: { tags, summary: 'List the versions of a product', params: productParams, querystring: pageQuery } },
    async (request) => {
      const versions = await listProductVersions(request.serviceContext, {
        ...request.query,
        product: request.params.product,
      });
      return pageOf(versions, request.query);
    },
  );

  app.get(
    '/products/:product/versions/:version',
    { schema: { tags, summary: 'Get one version of a product', params: versionParams } },
    (request) => getProductVersion(request.serviceContext, request.params),
  );

  app.patch(
    '/products/:product/versions/:version',
    {
      schema: {
        tags,
        summary: 'Move a version forward in its lifecycle',
        description: 'Lifecycle only moves forward; the date defaults to today (UTC).',
        params: versionParams,
        body: updateLifecycleSchema.omit({ product: true, version: true }),
      },
    },
    (request) => updateLifecycle(request.serviceContext, { ...request.body, ...request.params }),
  );
  done();
};
