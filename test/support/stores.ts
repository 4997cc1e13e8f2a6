import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, describe, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import type { Store, StoreDialect } from '../../src/store/store.js';

/** Admin URL of the PostgreSQL server the suites create throwaway databases on. */
const pgAdminUrl = process.env.JOINTSEC_TEST_PG_URL;
const inCi = process.env.CI === 'true';

/** What a store-backed suite gets for one engine. */
export interface StoreFixture {
  readonly dialect: StoreDialect;
  /** Opens a store on a fresh, empty database (closed after the test). */
  open(): Promise<Store>;
  /** A fresh, empty database location, for tests that open the same database twice. */
  newLocation(): Promise<string>;
  /** Opens a store at `location` (closed after the test). */
  openAt(location: string): Promise<Store>;
}

/**
 * Runs one suite against SQLite and against PostgreSQL, each test on its own fresh database
 * (vitest runs files in parallel workers, so nothing is shared). Without
 * JOINTSEC_TEST_PG_URL the PostgreSQL variant is skipped locally and fails under CI=true.
 */
export function describeEachStore(title: string, body: (fixture: StoreFixture) => void): void {
  describe(`${title} [sqlite]`, () => body(fixtureFor('sqlite')));
  if (pgAdminUrl !== undefined && pgAdminUrl !== '') {
    describe(`${title} [postgres]`, () => body(fixtureFor('postgres')));
  } else if (inCi) {
    describe(`${title} [postgres]`, () => {
      it('has a PostgreSQL server to run on', () => {
        throw new Error('CI=true but JOINTSEC_TEST_PG_URL is not set: the PostgreSQL variant cannot run');
      });
    });
  } else {
    describe.skip(`${title} [postgres] (set JOINTSEC_TEST_PG_URL to run)`, () => body(fixtureFor('postgres')));
  }
}

function fixtureFor(dialect: StoreDialect): StoreFixture {
  const open: Store[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
  });
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  const openAt = async (location: string): Promise<Store> => {
    const store = await openStore(location);
    open.push(store);
    return store;
  };
  const newLocation = async (): Promise<string> => {
    if (dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'jointsec-test-'));
      cleanups.push(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
      return join(dir, 'test.db');
    }
    const { url, drop } = await createPostgresDatabase();
    cleanups.push(drop);
    return url;
  };
  return {
    dialect,
    openAt,
    newLocation,
    open: async () => openAt(dialect === 'sqlite' ? ':memory:' : await newLocation()),
  };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `jointsec_test_${randomUUID().replaceAll('-', '')}`;
  await withAdmin((client) => client.query(`create database ${name}`));
  const url = new URL(pgAdminUrl ?? '');
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** Query-level seed: an organization with one product and one version, straight through the store. */
export async function seedCatalog(
  store: Store,
  name = `org-${randomUUID()}`,
): Promise<{ orgId: string; productId: string; productVersionId: string }> {
  const { insertOrganization } = await import('../../src/store/queries/organizations.js');
  const { insertProduct } = await import('../../src/store/queries/products.js');
  const { insertProductVersion } = await import('../../src/store/queries/product-versions.js');
  const org = await insertOrganization(store.db, { name, kind: 'manufacturer' });
  const product = await insertProduct(store.db, org.id, {
    name: 'Infusion Pump',
    manufacturer: 'Acme Medical',
    modelNumbers: ['IP-1'],
    cyberDevice: true,
  });
  const version = await insertProductVersion(store.db, org.id, {
    productId: product.id,
    version: '1.0.0',
    lifecycle: 'development',
  });
  return { orgId: org.id, productId: product.id, productVersionId: version.id };
}

/**
 * Service-level seed: an organization bootstrapped through createOrganization, with a
 * context acting as its admin user.
 */
export async function bootstrapOrganization(
  store: Store,
  options: { readonly name?: string; readonly kind?: 'manufacturer' | 'hdo' } = {},
) {
  const { createOrganization } = await import('../../src/services/organizations.js');
  const { systemActor } = await import('../../src/services/context.js');
  const name = options.name ?? `org-${randomUUID()}`;
  const { organization, admin } = await createOrganization(
    { store, actor: systemActor() },
    {
      name,
      kind: options.kind ?? 'manufacturer',
      admin: { email: `admin@${name.toLowerCase().replace(/[^a-z0-9]/g, '')}.example`, displayName: 'Admin' },
    },
  );
  const ctx = { store, actor: { orgId: organization.id, userId: admin.id, role: admin.role } };
  return { organization, admin, ctx };
}
