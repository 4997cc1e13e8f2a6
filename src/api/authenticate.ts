import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/app-error.js';
import type { ServiceContext } from '../services/context.js';
import { authenticateToken } from '../services/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, set by the bearer-token hook on every /api/v1 route. */
    serviceContext: ServiceContext;
  }
}

type Store = ServiceContext['store'];

const bearerPattern = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Reads `Authorization: Bearer <token>` and resolves it to the calling actor, or throws `unauthorized`. */
export async function authenticate(request: FastifyRequest, store: Store): Promise<ServiceContext> {
  const header = request.headers.authorization;
  if (header === undefined) throw new AppError('unauthorized', 'Missing Authorization: Bearer <token> header.');
  const token = bearerPattern.exec(header)?.[1];
  if (token === undefined) throw new AppError('unauthorized', 'The Authorization header must be "Bearer <token>".');
  const actor = await authenticateToken(store, token);
  return { store, actor };
}
