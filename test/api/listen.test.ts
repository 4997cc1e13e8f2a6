import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { apiFixture, createTestOrg } from './api-harness.js';

describe('the API on a real socket', () => {
  let app: FastifyInstance;
  let store: Store;
  let close: () => Promise<void>;
  let base: string;
  let token: string;
  beforeAll(async () => {
    ({ app, store, close } = await apiFixture());
    token = (await createTestOrg(store, 'Loopback Org')).token;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => close());

  it('answers over HTTP on loopback, survives a malformed upload, and enforces tokens', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const auth = { authorization: `Bearer ${token}` };
    const created = await fetch(`${base}/api/v1/products`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Net Pump', manufacturer: 'Loopback' }),
    });
    expect(created.status).toBe(201);
    await fetch(`${base}/api/v1/products/Net%20Pump/versions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ version: '1' }),
    });

    const malformed = await fetch(`${base}/api/v1/products/Net%20Pump/versions/1/sboms`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/xml' },
      body: '<bom xmlns="http://cyclonedx.org/schema/bom/1.6"><components><component',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await malformed.json()).toMatchObject({ code: 'invalid-input' });

    const after = await fetch(`${base}/api/v1/products/Net%20Pump/versions/1/sboms`, { headers: auth });
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ items: [] });

    const anonymous = await fetch(`${base}/api/v1/products`);
    expect(anonymous.status).toBe(401);
  });
});
