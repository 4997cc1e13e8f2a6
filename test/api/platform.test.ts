import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiFixture } from './api-harness.js';

describe('unauthenticated platform routes', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  beforeAll(async () => ({ app, close } = await apiFixture()));
  afterAll(() => close());

  it('answers /healthz without a token', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves the landing page that links the docs, with no external resources', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('jointsec');
    expect(response.body).toContain('href="/docs"');
    expect(response.body).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('publishes an OpenAPI 3 document listing the API routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const expected: [string, string][] = [
      ['/api/v1/me', 'get'],
      ['/api/v1/organization', 'get'],
      ['/api/v1/users', 'post'],
      ['/api/v1/tokens', 'post'],
      ['/api/v1/tokens/{tokenId}', 'delete'],
      ['/api/v1/products', 'get'],
      ['/api/v1/products/{product}', 'patch'],
      ['/api/v1/products/{product}/versions', 'post'],
      ['/api/v1/products/{product}/versions/{version}', 'patch'],
      ['/api/v1/products/{product}/versions/{version}/sboms', 'post'],
      ['/api/v1/products/{product}/versions/{version}/export', 'get'],
      ['/api/v1/products/{product}/versions/{version}/quality', 'get'],
      ['/api/v1/products/{product}/diff', 'get'],
      ['/api/v1/sbom/validate', 'post'],
      ['/api/v1/sbom/quality', 'post'],
      ['/api/v1/sbom/convert', 'post'],
      ['/api/v1/sbom/diff', 'post'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    // Documentation plumbing is not part of the API.
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
  });

  it('documents request bodies from the zod schemas, and raw uploads as binary', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }>
      >;
    }>();
    const createProduct = doc.paths['/api/v1/products']?.post?.requestBody?.content['application/json']?.schema;
    expect(createProduct).toMatchObject({ type: 'object', required: expect.arrayContaining(['name', 'manufacturer']) });
    const upload = doc.paths['/api/v1/products/{product}/versions/{version}/sboms']?.post?.requestBody?.content;
    expect(upload?.['application/vnd.cyclonedx+json']?.schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('serves the docs page at /docs (the landing page link) with local absolute asset paths', async () => {
    const response = await app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    const scripts = [...response.body.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/docs\/static\//);
  });

  it('serves the docs page and its assets locally, with no URL to another host', async () => {
    const page = await app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
    const assetUrls = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assetUrls.length).toBeGreaterThan(0);
    for (const url of assetUrls) expect(url, url).not.toMatch(/^(https?:)?\/\//);
    const initializer = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    // Comments may cite web pages; code must not load anything from another host.
    const code = initializer.body.replace(/\/\/ .*$/gm, '');
    expect(code).not.toMatch(/https?:\/\//);
    for (const url of assetUrls.filter((u) => u.endsWith('.js') || u.endsWith('.css'))) {
      const asset = await app.inject({ method: 'GET', url: new URL(url, 'http://x/docs/').pathname });
      expect(asset.statusCode, url).toBe(200);
    }
  });

  it('answers unknown routes with a problem+json 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, code: 'not-found' });
  });
});
