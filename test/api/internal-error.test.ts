import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/build-app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

describe('unexpected errors', () => {
  let app: FastifyInstance;
  let store: Store;
  let logged = '';
  beforeAll(async () => {
    store = await openStore(':memory:');
    const logger = pino({ level: 'error' }, { write: (line: string) => (logged += line) });
    app = buildApp({ store, logger });
    // A route outside the API that fails the way a bug would.
    app.get('/boom', { schema: { hide: true } }, () => {
      throw new Error('connection to /var/secret/db.sqlite lost');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 500 internal without leaking the message, and logs it', async () => {
    const response = await app.inject({ method: 'GET', url: '/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ code: 'internal', status: 500 });
    expect(response.body).not.toContain('secret');
    expect(logged).toContain('/var/secret/db.sqlite');
  });
});
