import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { describeEachStore } from '../support/stores.js';
import { apiFixture, call, createTestOrg, type TestOrg } from './api-harness.js';

const sample = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../cli/fixtures/${name}`, import.meta.url)), 'utf8');
const pump10 = sample('pump-1.0.cdx.json');
const pump11 = sample('pump-1.1.cdx.json');

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

describeEachStore('SBOMs over the API', (fixture) => {
  let app: FastifyInstance;
  let store: Store;
  let close: () => Promise<void>;
  let acme: TestOrg;
  let hospital: TestOrg;
  const versionUrl = (v: string): string => `/api/v1/products/Pump/versions/${v}`;

  beforeAll(async () => {
    // A small body limit so the 413 test needs no 256 MiB payload.
    ({ app, store, close } = await apiFixture({ bodyLimit: 64 * 1024, location: await fixture.newLocation() }));
    acme = await createTestOrg(store, 'Acme Medical');
    hospital = await createTestOrg(store, 'General Hospital', 'hdo');
    await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Pump', manufacturer: 'Acme' },
    });
    for (const version of ['1.0.0', '1.1.0']) {
      await call(app, acme.token, { method: 'POST', url: '/api/v1/products/Pump/versions', payload: { version } });
    }
  });
  afterAll(() => close());

  const upload = (version: string, body: string, contentType = 'application/vnd.cyclonedx+json', token = acme.token) =>
    call(app, token, {
      method: 'POST',
      url: `${versionUrl(version)}/sboms?filename=bom.json`,
      headers: { 'content-type': contentType },
      payload: body,
    });

  it('refuses a malformed upload with a 400 problem naming file and location, stores nothing, and keeps serving', async () => {
    const response = await upload('1.0.0', '{"bomFormat": "CycloneDX", "components": [');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('invalid-input');
    expect(problem.detail).toMatch(/^bom\.json: /);
    expect(problem.errors?.[0]?.path).toMatch(/^line 1/);

    const garbage = await upload('1.0.0', '\u0000\u0001binary', 'application/octet-stream');
    expect(garbage.statusCode).toBe(400);

    const listed = await call(app, acme.token, { method: 'GET', url: `${versionUrl('1.0.0')}/sboms` });
    expect(listed.json()).toMatchObject({ items: [] });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('refuses an unsupported document format with 415 and an unsupported media type with 415', async () => {
    const notSbom = await upload('1.0.0', '{"hello": "world"}', 'application/json');
    expect(notSbom.statusCode).toBe(415);
    expect(notSbom.json<Problem>().code).toBe('unsupported-format');
    const wrongType = await upload('1.0.0', pump10, 'image/png');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json<Problem>().code).toBe('unsupported-format');
  });

  it('refuses a body over the limit with 413 too-large', async () => {
    const big = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', padding: 'x'.repeat(70 * 1024) });
    const response = await upload('1.0.0', big);
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<Problem>().code).toBe('too-large');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('imports SBOMs, lists them, and exports the merged version in each format with its media type', async () => {
    const first = await upload('1.0.0', pump10);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ format: 'cyclonedx', specVersion: '1.6', componentCount: 4 });
    expect((await upload('1.1.0', pump11, 'application/json')).statusCode).toBe(201);

    const listed = await call(app, acme.token, { method: 'GET', url: `${versionUrl('1.0.0')}/sboms` });
    const items = listed.json<{ items: { id: string; format: string; fileName: string }[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ format: 'cyclonedx', fileName: 'bom.json' });

    const expectations = [
      ['cyclonedx-json', 'application/vnd.cyclonedx+json', '"bomFormat"'],
      ['cyclonedx-xml', 'application/vnd.cyclonedx+xml', '<bom'],
      ['spdx-json', 'application/spdx+json', '"spdxVersion"'],
    ] as const;
    for (const [format, mediaType, marker] of expectations) {
      const exported = await call(app, acme.token, {
        method: 'GET',
        url: `${versionUrl('1.0.0')}/export?format=${format}`,
      });
      expect(exported.statusCode, format).toBe(200);
      expect(exported.headers['content-type'], format).toContain(mediaType);
      expect(exported.headers['content-disposition'], format).toMatch(/^attachment; filename="Pump-1\.0\.0\./);
      expect(exported.body, format).toContain(marker);
      expect(exported.body, format).toContain('openssl');
    }
    const badFormat = await call(app, acme.token, { method: 'GET', url: `${versionUrl('1.0.0')}/export?format=swid` });
    expect(badFormat.statusCode).toBe(400);
  });

  it('reports quality and the diff between two versions', async () => {
    const quality = await call(app, acme.token, { method: 'GET', url: `${versionUrl('1.0.0')}/quality` });
    expect(quality.statusCode).toBe(200);
    expect(quality.json()).toMatchObject({ componentCount: 4, ntiaComplete: false });

    const diff = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Pump/diff?from=1.0.0&to=1.1.0' });
    expect(diff.statusCode).toBe(200);
    const body = diff.json<{
      added: { name: string }[];
      removed: { name: string }[];
      changed: { name: string; from: string; to: string }[];
    }>();
    expect(body.added.map((c) => c.name)).toEqual(['sqlite']);
    expect(body.removed.map((c) => c.name)).toEqual(['busybox']);
    expect(body.changed).toContainEqual(expect.objectContaining({ name: 'openssl', from: '3.0.13', to: '3.0.15' }));

    const missingParam = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Pump/diff?from=1.0.0' });
    expect(missingParam.statusCode).toBe(400);
    expect(missingParam.json<Problem>().errors?.map((e) => e.path)).toContain('querystring/to');
  });

  it("keeps another organization's SBOMs out of reach", async () => {
    for (const url of [
      `${versionUrl('1.0.0')}/sboms`,
      `${versionUrl('1.0.0')}/export`,
      `${versionUrl('1.0.0')}/quality`,
    ]) {
      const response = await call(app, hospital.token, { method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
    }
    expect((await upload('1.0.0', pump10, 'application/json', hospital.token)).statusCode).toBe(404);
  });

  it('serves the original document byte for byte and the merged components, within the organization', async () => {
    const uploaded = await upload('1.1.0', pump11);
    expect(uploaded.statusCode).toBe(201);
    const { sbomId } = uploaded.json<{ sbomId: string }>();

    const original = await call(app, acme.token, { method: 'GET', url: `/api/v1/sboms/${sbomId}/original` });
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toMatch(/^application\/vnd\.cyclonedx\+json/);
    expect(original.rawPayload.equals(Buffer.from(pump11))).toBe(true);
    const digest = createHash('sha256').update(pump11).digest('base64');
    expect(original.headers['digest']).toBe(`sha-256=${digest}`);

    const meta = await call(app, acme.token, { method: 'GET', url: `/api/v1/sboms/${sbomId}` });
    expect(meta.json()).toMatchObject({ id: sbomId, format: 'cyclonedx', byteSize: Buffer.byteLength(pump11) });

    const page = await call(app, acme.token, { method: 'GET', url: `${versionUrl('1.1.0')}/components?limit=2` });
    expect(page.statusCode).toBe(200);
    expect(page.json<{ items: { name: string }[] }>().items).toHaveLength(2);

    const foreign = await call(app, hospital.token, { method: 'GET', url: `/api/v1/sboms/${sbomId}/original` });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('stateless SBOM tools over the API', () => {
  let app: FastifyInstance;
  let store: Store;
  let close: () => Promise<void>;
  let token: string;
  beforeAll(async () => {
    ({ app, store, close } = await apiFixture());
    token = (await createTestOrg(store, 'Tools Org')).token;
  });
  afterAll(() => close());

  const post = (url: string, payload: string, contentType = 'application/json') =>
    call(app, token, { method: 'POST', url, headers: { 'content-type': contentType }, payload });

  it('validates: 200 with valid true/false, problem for unreadable input', async () => {
    const valid = await post('/api/v1/sbom/validate', pump10, 'application/json; charset=utf-8');
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ valid: true, format: 'cyclonedx', specVersion: '1.6', errors: [] });

    const invalid = await post(
      '/api/v1/sbom/validate',
      sample('invalid-schema.cdx.json'),
      'application/vnd.cyclonedx+json',
    );
    expect(invalid.statusCode).toBe(200);
    expect(invalid.json()).toMatchObject({
      valid: false,
      errors: [expect.objectContaining({ path: '/components/0/type' })],
    });

    const broken = await post('/api/v1/sbom/validate?filename=x.json', '{"a":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json<Problem>().detail).toMatch(/^x\.json: /);
  });

  it('assesses quality, converts with the right media type, and diffs two documents', async () => {
    const quality = await post('/api/v1/sbom/quality', pump10);
    expect(quality.json()).toMatchObject({ format: 'cyclonedx', componentCount: 4 });

    const converted = await post('/api/v1/sbom/convert?to=spdx-json', pump10);
    expect(converted.statusCode).toBe(200);
    expect(converted.headers['content-type']).toContain('application/spdx+json');
    expect((JSON.parse(converted.body) as { spdxVersion: string }).spdxVersion).toBe('SPDX-2.3');

    const noTarget = await post('/api/v1/sbom/convert', pump10);
    expect(noTarget.statusCode).toBe(400);

    const diff = await call(app, token, {
      method: 'POST',
      url: '/api/v1/sbom/diff',
      payload: { a: pump10, b: pump11 },
    });
    expect(diff.statusCode).toBe(200);
    expect(diff.json<{ added: { name: string }[] }>().added.map((c) => c.name)).toEqual(['sqlite']);

    const oneSided = await call(app, token, { method: 'POST', url: '/api/v1/sbom/diff', payload: { a: pump10 } });
    expect(oneSided.statusCode).toBe(400);
    expect(oneSided.json<Problem>().errors?.map((e) => e.path)).toContain('body/b');
  });

  it('needs a token like every API route', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sbom/validate',
      headers: { 'content-type': 'application/json' },
      payload: pump10,
    });
    expect(response.statusCode).toBe(401);
  });
});
