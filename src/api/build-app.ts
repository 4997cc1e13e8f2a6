import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceContext } from '../services/context.js';
import { apiRoutes } from './api-routes.js';
import { sendProblem } from './error-handler.js';
import { readLandingPage } from './landing-page.js';
import { openApiTransform } from './openapi-transform.js';
import { problem, problemContentType } from './problem.js';

/** 256 MiB: the largest request body (an SBOM upload) the server reads by default. */
export const defaultBodyLimit = 256 * 1024 * 1024;

export interface BuildAppOptions {
  readonly store: ServiceContext['store'];
  /** A pino logger (the server logs to stderr); silent when omitted. */
  readonly logger?: FastifyBaseLogger;
  /** Largest request body in bytes; larger ones get 413 `too-large`. */
  readonly bodyLimit?: number;
}

/**
 * The REST API as a fastify instance, not yet listening: tests call `app.inject()`,
 * `jointsec serve` calls `app.listen()`.
 */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const app = Fastify({
    ...(options.logger === undefined ? { logger: false } : { loggerInstance: options.logger }),
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type(problemContentType)
      .send(problem('not-found', `No route ${request.method} ${request.url.split('?')[0]}`, { instance: request.url })),
  );

  void app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'jointsec API',
        description:
          'Product catalog and SBOMs for the HSCC Joint Security Plan. Every /api/v1 route needs ' +
          '`Authorization: Bearer <token>`. Errors are application/problem+json with a stable `code`.',
        version: '1',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: openApiTransform,
  });
  // Swagger UI serves its bundle from the package itself: no CDN, so it works air-gapped.
  void app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    uiConfig: { validatorUrl: null },
    theme: { title: 'jointsec API' },
  });

  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, () => ({ status: 'ok' }));
  const landingPage = readLandingPage();
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(landingPage),
  );

  void app.register(apiRoutes, { prefix: '/api/v1', store: options.store });
  return app;
}
