import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiFixture, call, createTestOrg, type TestOrg } from './api-harness.js';

const feeds = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const advisory = readFileSync(`${feeds}alias/PYSEC-2022-48.json`);
const sbom = readFileSync(`${feeds}sboms/protobuf-app.cdx.json`);

describe('vulnerability routes', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let acme: TestOrg;
  beforeEach(async () => {
    const fixture = await apiFixture();
    ({ app, close } = fixture);
    acme = await createTestOrg(fixture.store, 'Acme');
    await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/products',
      payload: { name: 'Pump', manufacturer: 'Acme' },
    });
    await call(app, acme.token, { method: 'POST', url: '/api/v1/products/Pump/versions', payload: { version: '2.0' } });
  });
  afterEach(async () => close());

  const upload = (url: string, payload: Buffer, token = acme.token) =>
    call(app, token, { method: 'POST', url, headers: { 'content-type': 'application/json' }, payload });

  it('imports a feed file, matches the stored SBOM, and answers findings, show and where-used', async () => {
    expect((await upload('/api/v1/products/Pump/versions/2.0/sboms', sbom)).statusCode).toBe(201);
    const imported = await upload('/api/v1/feeds/import?filename=PYSEC-2022-48.json', advisory);
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({
      sources: [{ source: 'osv', added: 1 }],
      findings: { componentsEvaluated: 1, findingsOpened: 1 },
    });

    const findings = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Pump/versions/2.0/findings' });
    expect(findings.statusCode).toBe(200);
    const list = findings.json<{
      total: number;
      findings: { component: { name: string }; vulnerability: { id: string } }[];
    }>();
    expect(list.total).toBe(1);
    expect(list.findings.map((f) => `${f.component.name} ${f.vulnerability.id}`)).toEqual(['protobuf CVE-2021-22570']);

    const shown = await call(app, acme.token, { method: 'GET', url: '/api/v1/vulnerabilities/GHSA-77rm-9x9h-xj3g' });
    expect(shown.json()).toMatchObject({ id: 'CVE-2021-22570', records: [{ source: 'osv', id: 'PYSEC-2022-48' }] });

    const used = await call(app, acme.token, {
      method: 'GET',
      url: '/api/v1/vulnerabilities/CVE-2021-22570/where-used',
    });
    expect(used.json()).toMatchObject({
      productVersions: [
        { product: 'Pump', version: '2.0', components: [{ name: 'protobuf', fixedVersions: ['3.15.0'] }] },
      ],
    });

    const status = await call(app, acme.token, { method: 'GET', url: '/api/v1/feeds/status' });
    expect(status.json()).toMatchObject({ sources: [{ source: 'osv', records: 1 }] });
  });

  it('scans an uploaded SBOM against the database as JSON or SARIF, storing nothing', async () => {
    await upload('/api/v1/feeds/import?filename=a.json', advisory);
    const json = await upload('/api/v1/scan', sbom);
    expect(json.statusCode).toBe(200);
    expect(json.json<{ findings: unknown[] }>().findings).toHaveLength(1);
    const sarif = await upload('/api/v1/scan?format=sarif', sbom);
    expect(sarif.headers['content-type']).toMatch(/^application\/sarif\+json/);
    expect(sarif.json<{ version: string }>().version).toBe('2.1.0');
    const findings = await call(app, acme.token, { method: 'GET', url: '/api/v1/products/Pump/versions/2.0/findings' });
    expect(findings.json<{ total: number }>().total).toBe(0);
  });

  it('answers an unknown vulnerability with a 404 problem, and refuses feed imports to a viewer', async () => {
    const missing = await call(app, acme.token, { method: 'GET', url: '/api/v1/vulnerabilities/CVE-1999-0001' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);

    const created = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'viewer@acme.example', displayName: 'Vera', role: 'viewer' },
    });
    const userId = created.json<{ id: string }>().id;
    const issued = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/tokens',
      payload: { name: 'v', userId },
    });
    const viewer = issued.json<{ token: string }>().token;
    expect((await upload('/api/v1/feeds/import', advisory, viewer)).statusCode).toBe(403);
    expect((await call(app, viewer, { method: 'GET', url: '/api/v1/feeds/status' })).statusCode).toBe(200);
  });

  it('maps a component identity and lists the mapping', async () => {
    await upload('/api/v1/feeds/import?filename=a.json', advisory);
    const mapped = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/identity-mappings',
      payload: { componentName: 'protobuf-lite', purl: 'pkg:pypi/protobuf' },
    });
    expect(mapped.statusCode).toBe(201);
    const list = await call(app, acme.token, { method: 'GET', url: '/api/v1/identity-mappings' });
    expect(list.json()).toMatchObject([{ componentName: 'protobuf-lite', purl: 'pkg:pypi/protobuf' }]);
    const bad = await call(app, acme.token, {
      method: 'POST',
      url: '/api/v1/identity-mappings',
      payload: { componentName: 'x', purl: 'not a purl' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
