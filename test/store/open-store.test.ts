import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { openStore } from '../../src/store/open-store.js';
import { getOrganization, insertOrganization } from '../../src/store/queries/organizations.js';
import { insertUser } from '../../src/store/queries/users.js';
import { isPostgresLocation, resolveStoreLocation } from '../../src/store/resolve-store-location.js';
import { describeEachStore } from '../support/stores.js';

describeEachStore('openStore', (fixture) => {
  it('reports its dialect and applies every migration in order', async () => {
    const store = await fixture.open();
    expect(store.dialect).toBe(fixture.dialect);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
    expect(rows.rows.map((r) => r.name)).toEqual(['0001-foundation', '0002-vulnerabilities']);
  });

  it('is idempotent: reopening keeps the data and re-runs no migration', async () => {
    const location = await fixture.newLocation();
    const first = await fixture.openAt(location);
    const org = await insertOrganization(first.db, { name: 'Acme', kind: 'manufacturer' });
    await first.close();
    const second = await fixture.openAt(location);
    expect(await getOrganization(second.db, org.id)).toEqual(org);
    const rows = await sql<{ n: number | string }>`select count(*) as n from kysely_migration`.execute(second.db);
    expect(Number(rows.rows[0]?.n)).toBe(2);
  });

  it('enforces foreign keys', async () => {
    const store = await fixture.open();
    const attempt = insertUser(store.db, 'no-such-org', { email: 'a@example.org', displayName: 'A', role: 'viewer' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict' });
  });

  it('rejects values outside a CHECK constraint as invalid-input', async () => {
    const store = await fixture.open();
    const attempt = insertOrganization(store.db, { name: 'X', kind: 'pharmacy' as 'hdo' });
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('resolveStoreLocation', () => {
  it('prefers --db, then JOINTSEC_DB, then DATABASE_URL, then ./jointsec.db', () => {
    const env = { JOINTSEC_DB: '/var/j.db', DATABASE_URL: 'postgres://h/db' };
    expect(resolveStoreLocation({ flag: 'x.db', env })).toBe('x.db');
    expect(resolveStoreLocation({ env })).toBe('/var/j.db');
    expect(resolveStoreLocation({ env: { DATABASE_URL: 'postgres://h/db' } })).toBe('postgres://h/db');
    expect(resolveStoreLocation({ flag: '', env: { JOINTSEC_DB: ' ' } })).toBe('./jointsec.db');
  });

  it('recognises PostgreSQL URLs', () => {
    expect(isPostgresLocation('postgres://u@h/db')).toBe(true);
    expect(isPostgresLocation('postgresql://u@h/db')).toBe(true);
    expect(isPostgresLocation('./postgres.db')).toBe(false);
    expect(isPostgresLocation(':memory:')).toBe(false);
  });
});

describe('openStore on SQLite files', () => {
  it('uses WAL, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jointsec-open-'));
    const store = await openStore(join(dir, 'j.db'));
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
      expect(busy.rows[0]?.timeout).toBeGreaterThan(0);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a file in a missing directory as source-unavailable, not a driver error', async () => {
    const attempt = openStore('/nonexistent-dir-for-jointsec/x.db');
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'source-unavailable' });
  });
});

describe('openStore on an unreachable PostgreSQL', () => {
  it('reports source-unavailable, not a pg error', async () => {
    const attempt = openStore('postgres://postgres@127.0.0.1:1/nowhere');
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'source-unavailable' });
  });
});

describe('openStore page size', () => {
  it('creates databases with 16 KiB pages in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jointsec-page-size-'));
    try {
      const store = await openStore(join(dir, 'store.db'));
      const pageSize = await sql<{ page_size: number }>`pragma page_size`.execute(store.db);
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      await store.close();
      expect(pageSize.rows[0]?.page_size).toBe(16_384);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
