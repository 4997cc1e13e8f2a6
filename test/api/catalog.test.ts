import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../support/stores.js';
import { apiFixture, call, createTestOrg, type TestOrg } from './api-harness.js';

interface Problem {
  status: number;
  code: string;
  errors?: { path: string; message: string }[];
}

describeEachStore('product catalog over the API', (fixture) => {
  let app: FastifyInstance;
  let store: Store;
  let close: () => Promise<void>;
  let acme: TestOrg;
  let hospital: TestOrg;
  beforeAll(async () => {
    ({ app, store, close } = await apiFixture({ location: await fixture.newLocation() }));
    acme = await createTestOrg(store, 'Acme Medical');
    hospital = await createTestOrg(store, 'General Hospital', 'hdo');
  });
  afterAll(() => close());

  it('creates, reads, lists and patches a product', async () => {
    const created = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Infusion Pump X', manufacturer: 'Acme Medical', modelNumbers: ['IPX-100'], cyberDevice: true },
    });
    expect(created.statusCode).toBe(201);
    const product = created.json<{ id: string; name: string; cyberDevice: boolean; modelNumbers: string[] }>();
    expect(product).toMatchObject({ name: 'Infusion Pump X', cyberDevice: true, modelNumbers: ['IPX-100'] });

    const byId = await call(app, acme.token, { method: 'GET', url: `/api/v1/products/${product.id}` });
    expect(byId.json()).toMatchObject({ id: product.id });
    const byName = await call(app, acme.token, {
      method: 'GET',
      url: `/api/v1/products/${encodeURIComponent('Infusion Pump X')}`,
    });
    expect(byName.json()).toMatchObject({ id: product.id });

    const patched = await call(app, acme.token, {
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      payload: { deviceType: 'infusion pump' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: product.id, deviceType: 'infusion pump', name: 'Infusion Pump X' });

    const list = await call(app, acme.token, { method: 'GET', url: '/api/v1/products' });
    expect(list.json()).toMatchObject({ limit: 50, offset: 0, items: [{ id: product.id }] });
  });

  it('answers a duplicate name with 409 conflict', async () => {
    const payload = { name: 'Duplicate Monitor', manufacturer: 'Acme Medical' };
    expect((await call(app, acme.token, { method: 'POST', url: '/api/v1/products', payload })).statusCode).toBe(201);
    const again = await call(app, acme.token, { method: 'POST', url: '/api/v1/products', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('conflict');
  });

  it('answers invalid input with 400 invalid-input naming the fields', async () => {
    const response = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: '', cyberDevice: 'yes' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('invalid-input');
    const paths = (problem.errors ?? []).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/name', 'body/manufacturer', 'body/cyberDevice']));
  });

  it('answers a broken JSON body with 400 invalid-input', async () => {
    const response = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Pump",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().code).toBe('invalid-input');
  });

  it('refuses unknown fields in a patch', async () => {
    const created = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Patch Target', manufacturer: 'Acme Medical' },
    });
    const id = created.json<{ id: string }>().id;
    const response = await call(app, acme.token, {
      method: 'PATCH',
      url: `/api/v1/products/${id}`,
      payload: { colour: 'red' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<Problem>().code).toBe('invalid-input');
  });

  it('pages lists and clamps the page size to 500', async () => {
    for (let i = 0; i < 3; i++) {
      await call(app, hospital.token, {
        method: 'POST',
        url: '/api/v1/products',
        payload: { name: `Bed ${i}`, manufacturer: 'BedCo' },
      });
    }
    const page = await call(app, hospital.token, { method: 'GET', url: '/api/v1/products?limit=2&offset=1' });
    const body = page.json<{ items: { name: string }[]; limit: number; offset: number }>();
    expect(body.limit).toBe(2);
    expect(body.offset).toBe(1);
    expect(body.items).toHaveLength(2);

    const huge = await call(app, hospital.token, { method: 'GET', url: '/api/v1/products?limit=100000' });
    expect(huge.statusCode).toBe(200);
    expect(huge.json<{ limit: number }>().limit).toBe(500);

    for (const bad of ['limit=0', 'limit=abc', 'offset=-1']) {
      const response = await call(app, hospital.token, { method: 'GET', url: `/api/v1/products?${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.json<Problem>().errors?.[0]?.path, bad).toMatch(/^querystring\//);
    }
  });

  it('keeps organizations apart: another organization cannot see or change a product', async () => {
    const created = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Secret Ventilator', manufacturer: 'Acme Medical' },
    });
    const id = created.json<{ id: string }>().id;
    for (const url of [
      `/api/v1/products/${id}`,
      `/api/v1/products/Secret%20Ventilator`,
      `/api/v1/products/${id}/versions`,
    ]) {
      const response = await call(app, hospital.token, { method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<Problem>().code).toBe('not-found');
    }
    const patch = await call(app, hospital.token, {
      method: 'PATCH',
      url: `/api/v1/products/${id}`,
      payload: { name: 'Mine now' },
    });
    expect(patch.statusCode).toBe(404);
    const list = await call(app, hospital.token, { method: 'GET', url: '/api/v1/products' });
    expect(list.body).not.toContain('Secret Ventilator');
    const org = await call(app, hospital.token, { method: 'GET', url: '/api/v1/organization' });
    expect(org.json()).toMatchObject({ id: hospital.orgId, kind: 'hdo' });
    const users = await call(app, hospital.token, { method: 'GET', url: '/api/v1/users' });
    expect(users.body).not.toContain('acme');
  });

  it('adds versions, lists them, and moves the lifecycle forward only', async () => {
    await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Monitor M', manufacturer: 'Acme Medical' },
    });
    const added = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products/Monitor%20M/versions',
      payload: { version: '2.0.0', releaseDate: '2025-01-10', lifecycle: 'released' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ version: '2.0.0', lifecycle: 'released', releaseDate: '2025-01-10' });

    const list = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Monitor%20M/versions' });
    expect(list.json<{ items: { version: string }[] }>().items.map((v) => v.version)).toEqual(['2.0.0']);

    const one = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Monitor%20M/versions/2.0.0' });
    expect(one.json()).toMatchObject({ version: '2.0.0' });

    const forward = await call(app, acme.token, {
      method: 'PATCH',
      url: '/api/v1/products/Monitor%20M/versions/2.0.0',
      payload: { lifecycle: 'end-of-sale', date: '2026-01-01' },
    });
    expect(forward.statusCode).toBe(200);
    expect(forward.json()).toMatchObject({ lifecycle: 'end-of-sale', endOfSaleDate: '2026-01-01' });

    const back = await call(app, acme.token, {
      method: 'PATCH',
      url: '/api/v1/products/Monitor%20M/versions/2.0.0',
      payload: { lifecycle: 'development' },
    });
    expect(back.statusCode).toBe(409);

    const badDate = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products/Monitor%20M/versions',
      payload: { version: '3.0.0', releaseDate: '10/01/2025' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<Problem>().errors?.map((e) => e.path)).toContain('body/releaseDate');

    const missing = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Monitor%20M/versions/9.9.9' });
    expect(missing.statusCode).toBe(404);
  });
});
