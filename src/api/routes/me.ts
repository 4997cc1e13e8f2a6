import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { getOrganization } from '../../services/organizations.js';

/** GET /me: who the token belongs to, and their organization. */
export const meRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.get('/me', { schema: { tags: ['identity'], summary: 'The calling user and organization' } }, async (request) => {
    const ctx = request.serviceContext;
    const { orgId, userId, role } = ctx.actor;
    const organization = orgId === null ? null : await getOrganization(ctx, orgId);
    return { userId, role, organization };
  });
  done();
};
