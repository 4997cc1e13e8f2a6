import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isAppError, type Diagnostic, type ErrorCode } from '../core/app-error.js';
import { problem, problemContentType, type Problem } from './problem.js';

/**
 * Turns anything a route throws into one problem+json reply: AppErrors by their code,
 * request validation failures as 400 `invalid-input` with field paths, fastify's own
 * transport errors (body too large, bad media type, broken JSON) by status, and anything
 * else as a 500 `internal` that is logged but never shown to the client.
 */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error, request);
  if (body.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  return reply.code(body.status).type(problemContentType).send(body);
}

function toProblem(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url;
  if (isAppError(error)) {
    const errors: Diagnostic[] = [...error.details];
    if (errors.length === 0 && error.location?.path !== undefined) {
      errors.push({ severity: 'error', path: error.location.path, message: error.message });
    }
    const where = error.location?.file === undefined ? '' : `${error.location.file}: `;
    return problem(error.code, `${where}${error.message}`, { instance, errors });
  }
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => diagnostic(`/${issue.path.join('/')}`, issue.message));
    return problem('invalid-input', 'The request is not valid.', { instance, errors });
  }
  const fastifyError = error as Partial<FastifyError> | null;
  if (fastifyError !== null && typeof fastifyError === 'object') {
    if (Array.isArray(fastifyError.validation)) {
      const where = fastifyError.validationContext ?? 'request';
      const errors = fastifyError.validation.map((v) =>
        diagnostic(`${where}${v.instancePath}`, v.message ?? 'invalid'),
      );
      return problem('invalid-input', `The ${where} is not valid.`, { instance, errors });
    }
    const status = fastifyError.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return problem(codeForStatus(status), fastifyError.message ?? 'Bad request', { instance });
    }
  }
  return problem('internal', 'An internal error occurred; it has been logged.', { instance });
}

/** Fastify's own client errors (FST_ERR_CTP_*) carry only a status; map it back to our codes. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 413:
      return 'too-large';
    case 415:
      return 'unsupported-format';
    default:
      return 'invalid-input';
  }
}

function diagnostic(path: string, message: string): Diagnostic {
  return { severity: 'error', path, message };
}
