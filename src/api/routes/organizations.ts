import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { actorOrgId } from '../../services/context.js';
import { getOrganization } from '../../services/organizations.js';

/**
 * GET /organization: the caller's own organization. Organizations are created with
 * `jointsec org create` (bootstrapping needs the system actor, which the API never is).
 */
export const organizationRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get('/organization', { schema: { tags: ['identity'], summary: "The caller's organization" } }, (request) => {
    const ctx = request.serviceContext;
    return getOrganization(ctx, actorOrgId(ctx.actor));
  });
  done();
};
