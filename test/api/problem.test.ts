import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/core/app-error.js';
import { problem, problemTypes } from '../../src/api/problem.js';

describe('problem types', () => {
  it('gives every error code a client or server status and a title', () => {
    for (const code of errorCodes) {
      const { status, title } = problemTypes[code];
      expect(status >= 400 && status < 600, code).toBe(true);
      expect(title.length, code).toBeGreaterThan(0);
    }
  });

  it('uses the HTTP statuses clients rely on', () => {
    expect(problemTypes['invalid-input'].status).toBe(400);
    expect(problemTypes.unauthorized.status).toBe(401);
    expect(problemTypes.forbidden.status).toBe(403);
    expect(problemTypes['not-found'].status).toBe(404);
    expect(problemTypes.conflict.status).toBe(409);
    expect(problemTypes['too-large'].status).toBe(413);
    expect(problemTypes.internal.status).toBe(500);
  });

  it('builds an RFC 9457 body with the stable code', () => {
    expect(problem('conflict', 'a product named "X" already exists', { instance: '/api/v1/products' })).toEqual({
      type: 'urn:jointsec:problem:conflict',
      title: 'Conflict',
      status: 409,
      detail: 'a product named "X" already exists',
      code: 'conflict',
      instance: '/api/v1/products',
    });
  });
});
