import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  createUser,
  hashPassword,
  listUsers,
  setPassword,
  verifyPassword,
} from '../../src/services/users.js';
import { listAuditEntries } from '../../src/store/queries/audit-log.js';
import { bootstrapOrganization, describeEachStore } from '../support/stores.js';

describe('password hashing', () => {
  it('encodes scrypt N=2^15 r=8 p=1 with a random salt', async () => {
    const one = await hashPassword('correct horse battery');
    const two = await hashPassword('correct horse battery');
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(await checkPassword(one, 'correct horse battery')).toBe(true);
    expect(await checkPassword(two, 'correct horse battery')).toBe(true);
    expect(await checkPassword(one, 'correct horse batterY')).toBe(false);
  });

  it('treats malformed or tampered hashes as a mismatch', async () => {
    const good = await hashPassword('pw-pw-pw-pw-pw');
    expect(await checkPassword('plain', 'pw-pw-pw-pw-pw')).toBe(false);
    expect(await checkPassword(good.replace('$32768$', '$1073741824$'), 'pw-pw-pw-pw-pw')).toBe(false);
    expect(await checkPassword(good.slice(0, -4), 'pw-pw-pw-pw-pw')).toBe(false);
  });
});

describeEachStore('user service', (fixture) => {
  it('creates users (admin only), lists them and refuses duplicates', async () => {
    const store = await fixture.open();
    const { ctx, admin } = await bootstrapOrganization(store);
    const analyst = await createUser(ctx, { email: 'Ann@Example.org', displayName: 'Ann', role: 'analyst' });
    expect(analyst).toMatchObject({ email: 'ann@example.org', role: 'analyst' });
    expect((await listUsers(ctx)).map((u) => u.id).sort()).toEqual([admin.id, analyst.id].sort());
    await expect(
      createUser(ctx, { email: 'ann@example.org', displayName: 'Ann 2', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const asAnalyst = { store, actor: { orgId: ctx.actor.orgId, userId: analyst.id, role: 'analyst' as const } };
    await expect(
      createUser(asAnalyst, { email: 'b@example.org', displayName: 'B', role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createUser(ctx, { email: 'not-an-email', displayName: 'B', role: 'viewer' })).rejects.toMatchObject({
      code: 'invalid-input',
      location: { path: 'email' },
    });
  });

  it('sets and verifies passwords, never auditing the hash', async () => {
    const store = await fixture.open();
    const { ctx, admin, organization } = await bootstrapOrganization(store);
    await setPassword(ctx, { userId: admin.id, password: 'a long enough secret' });
    const { actor, user } = await verifyPassword(store, {
      email: admin.email.toUpperCase(),
      password: 'a long enough secret',
    });
    expect(actor).toEqual({ orgId: organization.id, userId: admin.id, role: 'admin' });
    expect(user.hasPassword).toBe(true);
    await expect(verifyPassword(store, { email: admin.email, password: 'wrong secret!!' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(
      verifyPassword(store, { email: 'nobody@x.example', password: 'a long enough secret' }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(setPassword(ctx, { userId: admin.id, password: 'short' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    const audit = await listAuditEntries(store.db, organization.id, { entityId: admin.id });
    const entry = audit.find((e) => e.action === 'user.set-password');
    expect(entry?.after).toEqual({ hasPassword: true });
    expect(JSON.stringify(audit)).not.toContain('scrypt$');
  });

  it('lets users change only their own password unless admin', async () => {
    const store = await fixture.open();
    const { ctx, admin } = await bootstrapOrganization(store);
    const viewer = await createUser(ctx, { email: 'v@example.org', displayName: 'V', role: 'viewer' });
    const asViewer = { store, actor: { orgId: ctx.actor.orgId, userId: viewer.id, role: 'viewer' as const } };
    await setPassword(asViewer, { userId: viewer.id, password: 'viewer password 1' });
    await expect(setPassword(asViewer, { userId: admin.id, password: 'hijack password' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(setPassword(ctx, { userId: 'missing', password: 'some password 1' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
