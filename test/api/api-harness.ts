import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/api/build-app.js';
import { systemActor } from '../../src/services/context.js';
import { createOrganization } from '../../src/services/organizations.js';
import { createToken } from '../../src/services/tokens.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** An organization created for a test, with its admin and an admin API token. */
export interface TestOrg {
  readonly orgId: string;
  readonly adminId: string;
  readonly token: string;
}

/** Creates an organization and an admin token through the services (not the API under test). */
export async function createTestOrg(
  store: Store,
  name: string,
  kind: 'manufacturer' | 'hdo' = 'manufacturer',
): Promise<TestOrg> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const { organization, admin } = await createOrganization(
    { store, actor: systemActor() },
    { name, kind, admin: { email: `admin@${slug}.example`, displayName: `${name} admin` } },
  );
  const { plaintext } = await createToken(
    { store, actor: systemActor(organization.id) },
    { userId: admin.id, name: 'test' },
  );
  return { orgId: organization.id, adminId: admin.id, token: plaintext };
}

/** A fresh in-memory store and app, with a request helper that adds the bearer token. */
export async function apiFixture(options: { bodyLimit?: number; location?: string } = {}): Promise<{
  store: Store;
  app: FastifyInstance;
  close: () => Promise<void>;
}> {
  const store = await openStore(options.location ?? ':memory:');
  const app = buildApp({ store, ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }) });
  await app.ready();
  return {
    store,
    app,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** `app.inject` with `Authorization: Bearer <token>`. */
export function call(app: FastifyInstance, token: string, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...options.headers } });
}
