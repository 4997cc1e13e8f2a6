import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createToken, listTokens, revokeToken } from '../../services/tokens.js';
import { pageOf, pageQuery } from '../pagination.js';

const tags = ['tokens'];

const createTokenBody = z.object({
  name: z.string().trim().min(1).max(200).describe('What the token is for.'),
  expiresInDays: z.number().int().min(1).max(3650).optional().describe('Days until the token stops working.'),
  userId: z.string().min(1).optional().describe('Whose token (admins only); yourself when absent.'),
});

/** API tokens: create (plaintext returned once), list (never the secret), revoke. */
export const tokenRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token',
        description: 'The `token` field of the answer is the secret; it is shown here once and never again.',
        body: createTokenBody,
      },
    },
    async (request, reply) => {
      const ctx = request.serviceContext;
      const { userId, ...rest } = request.body;
      const { token, plaintext } = await createToken(ctx, { ...rest, userId: userId ?? ctx.actor.userId ?? '' });
      return reply.code(201).send({ ...token, token: plaintext });
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'List API tokens',
        description: 'Admins see every token of the organization; others only their own.',
        querystring: pageQuery,
      },
    },
    async (request) => {
      const ctx = request.serviceContext;
      const own = ctx.actor.role === 'admin' || ctx.actor.userId === null ? {} : { userId: ctx.actor.userId };
      return pageOf(await listTokens(ctx, { ...request.query, ...own }), request.query);
    },
  );

  app.delete(
    '/tokens/:tokenId',
    { schema: { tags, summary: 'Revoke an API token', params: z.object({ tokenId: z.string().min(1) }) } },
    async (request) => revokeToken(request.serviceContext, request.params.tokenId),
  );
  done();
};
