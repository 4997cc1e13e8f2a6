import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { createUser, createUserSchema, listUsers } from '../../services/users.js';
import { pageOf, pageQuery } from '../pagination.js';

const tags = ['users'];

/** Users of the caller's organization: create (admin) and list. */
export const userRoutes: FastifyPluginCallbackZod = (app, _options, done) => {
  app.post(
    '/users',
    { schema: { tags, summary: 'Create a user in your organization (admin)', body: createUserSchema } },
    async (request, reply) => reply.code(201).send(await createUser(request.serviceContext, request.body)),
  );

  app.get(
    '/users',
    { schema: { tags, summary: 'List users of your organization', querystring: pageQuery } },
    async (request) => pageOf(await listUsers(request.serviceContext, request.query), request.query),
  );
  done();
};
