import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createProduct,
  createProductSchema,
  getProduct,
  listProducts,
  updateProduct,
  updateProductSchema,
} from '../../services/products.js';
import { pageOf, pageQuery } from '../pagination.js';

const tags = ['products'];

/** `:product` is a product id or its (unique per organization) name. */
export const productParams = z.object({ product: z.string().min(1).describe('Product id or name.') });

/** The product catalog of the caller's organization. */
export const productRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/products',
    { schema: { tags, summary: 'Create a product', body: createProductSchema } },
    async (request, reply) => reply.code(201).send(await createProduct(request.serviceContext, request.body)),
  );

  app.get('/products', { schema: { tags, summary: 'List products', querystring: pageQuery } }, async (request) =>
    pageOf(await listProducts(request.serviceContext, request.query), request.query),
  );

  app.get('/products/:product', { schema: { tags, summary: 'Get one product', params: productParams } }, (request) =>
    getProduct(request.serviceContext, request.params.product),
  );

  app.patch(
    '/products/:product',
    {
      schema: {
        tags,
        summary: 'Change a product',
        description: 'Only the fields sent change; `null` clears an optional field.',
        params: productParams,
        body: updateProductSchema,
      },
    },
    (request) => updateProduct(request.serviceContext, { product: request.params.product, patch: request.body }),
  );
  done();
};
