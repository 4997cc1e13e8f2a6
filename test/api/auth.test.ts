import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../support/stores.js';
import { apiFixture, call, createTestOrg, type TestOrg } from './api-harness.js';

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown },
  status: number,
  code: string,
): void {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({
    type: `urn:jointsec:problem:${code}`,
    status,
    code,
    title: expect.any(String),
    detail: expect.any(String),
  });
}

describeEachStore('bearer token authentication', (fixture) => {
  let app: FastifyInstance;
  let store: Store;
  let close: () => Promise<void>;
  let acme: TestOrg;
  beforeAll(async () => {
    ({ app, store, close } = await apiFixture({ location: await fixture.newLocation() }));
    acme = await createTestOrg(store, 'Acme Medical');
  });
  afterAll(() => close());

  it('refuses a request without a token with 401 problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/me' });
    expectProblem(response, 401, 'unauthorized');
  });

  it('refuses a malformed Authorization header', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic YTpi' } });
    expectProblem(response, 401, 'unauthorized');
  });

  it('refuses an unknown token', async () => {
    const response = await call(app, 'jsk_not-a-real-token', { method: 'GET', url: '/api/v1/products' });
    expectProblem(response, 401, 'unauthorized');
  });

  it('refuses before validating input, so anonymous callers learn nothing about routes', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/products', payload: { bogus: true } });
    expectProblem(response, 401, 'unauthorized');
  });

  it('accepts a valid token and says who is calling', async () => {
    const response = await call(app, acme.token, { method: 'GET', url: '/api/v1/me' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      userId: acme.adminId,
      role: 'admin',
      organization: { id: acme.orgId, name: 'Acme Medical' },
    });
  });

  it('creates a token once in plaintext, lists it without the secret, and stops accepting it after revocation', async () => {
    const created = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'ci', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(token).toMatch(/^jsk_/);
    expect((await call(app, token, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);

    const list = await call(app, acme.token, { method: 'GET', url: '/api/v1/tokens' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token);
    expect(list.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toContain(id);

    const revoked = await call(app, acme.token, { method: 'DELETE', url: `/api/v1/tokens/${id}` });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, revokedAt: expect.any(String) });
    expectProblem(await call(app, token, { method: 'GET', url: '/api/v1/me' }), 401, 'unauthorized');
  });

  it('lets a viewer read but not write, with 403 from the service role check', async () => {
    const user = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'viewer@acme.example', displayName: 'Vera Viewer', role: 'viewer' },
    });
    expect(user.statusCode).toBe(201);
    const userId = user.json<{ id: string }>().id;
    const issued = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'viewer', userId },
    });
    const viewerToken = issued.json<{ token: string }>().token;

    expect((await call(app, viewerToken, { method: 'GET', url: '/api/v1/products' })).statusCode).toBe(200);
    const write = await call(app, viewerToken, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Forbidden pump', manufacturer: 'Acme' },
    });
    expectProblem(write, 403, 'forbidden');
    // A viewer lists only their own tokens.
    const tokens = await call(app, viewerToken, { method: 'GET', url: '/api/v1/tokens' });
    expect(tokens.statusCode).toBe(200);
    expect(tokens.json<{ items: { userId: string }[] }>().items.every((t) => t.userId === userId)).toBe(true);
  });
});
