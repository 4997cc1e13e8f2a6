import type { FastifyPluginAsync } from 'fastify';
import type { ServiceContext } from '../services/context.js';
import { authenticate } from './authenticate.js';
import { feedRoutes } from './routes/feeds.js';
import { meRoutes } from './routes/me.js';
import { organizationRoutes } from './routes/organizations.js';
import { productRoutes } from './routes/products.js';
import { productVersionRoutes } from './routes/product-versions.js';
import { sbomRoutes } from './routes/sboms.js';
import { sbomToolRoutes } from './routes/sbom-tools.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { vulnerabilityRoutes } from './routes/vulnerabilities.js';

type Store = ServiceContext['store'];

/** Everything under /api/v1: one bearer-token gate, then one plugin per resource. */
export const apiRoutes: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.decorateRequest('serviceContext', null as never);
  app.addHook('onRequest', async (request) => {
    request.serviceContext = await authenticate(request, store);
  });
  await app.register(meRoutes);
  await app.register(organizationRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(productRoutes);
  await app.register(productVersionRoutes);
  await app.register(sbomRoutes);
  await app.register(sbomToolRoutes);
  await app.register(vulnerabilityRoutes);
  await app.register(feedRoutes);
};
