import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { authenticateToken, createToken, listTokens, revokeToken } from '../../src/services/tokens.js';
import { createUser } from '../../src/services/users.js';
import { listAuditEntries } from '../../src/store/queries/audit-log.js';
import { bootstrapOrganization, describeEachStore } from '../support/stores.js';

describeEachStore('token service', (fixture) => {
  it('shows the secret once and stores only its sha256 and prefix', async () => {
    const store = await fixture.open();
    const { ctx, admin } = await bootstrapOrganization(store);
    const { token, plaintext } = await createToken(ctx, { userId: admin.id, name: 'ci' });
    expect(plaintext).toMatch(/^jsk_[A-Za-z0-9_-]{43}$/);
    expect(token.tokenPrefix).toBe(plaintext.slice(0, 12));
    const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(store.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]?.token_hash).toBe(createHash('sha256').update(plaintext).digest('hex'));
    expect(JSON.stringify(rows.rows)).not.toContain(plaintext);
    const listed = await listTokens(ctx);
    expect(listed).toEqual([token]);
    expect(JSON.stringify(listed)).not.toContain(plaintext.slice(12));
    expect(JSON.stringify(await listAuditEntries(store.db, admin.orgId))).not.toContain(plaintext.slice(12));
  });

  it('authenticates to the user, records last use, and refuses after revocation', async () => {
    const store = await fixture.open();
    const { ctx, organization } = await bootstrapOrganization(store);
    const analyst = await createUser(ctx, { email: 'an@example.org', displayName: 'An', role: 'analyst' });
    const { token, plaintext } = await createToken(ctx, { userId: analyst.id, name: 'laptop' });
    expect(token.lastUsedAt).toBeUndefined();
    const actor = await authenticateToken(store, plaintext);
    expect(actor).toEqual({ orgId: organization.id, userId: analyst.id, role: 'analyst' });
    expect((await listTokens(ctx))[0]?.lastUsedAt).toBeDefined();

    const revoked = await revokeToken(ctx, token.id);
    expect(revoked.revokedAt).toBeDefined();
    await expect(authenticateToken(store, plaintext)).rejects.toMatchObject({ code: 'unauthorized' });
    const actions = (await listAuditEntries(store.db, organization.id, { entityId: token.id })).map((e) => e.action);
    expect(actions.sort()).toEqual(['token.create', 'token.revoke']);
  });

  it('refuses expired, unknown and malformed tokens', async () => {
    const store = await fixture.open();
    const { ctx, admin } = await bootstrapOrganization(store);
    const { token, plaintext } = await createToken(ctx, { userId: admin.id, name: 'short-lived', expiresInDays: 1 });
    const expiresAt = Date.parse(token.expiresAt!);
    expect(expiresAt - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    await expect(authenticateToken(store, plaintext, new Date(expiresAt - 1000))).resolves.toMatchObject({
      userId: admin.id,
    });
    await expect(authenticateToken(store, plaintext, new Date(expiresAt + 1000))).rejects.toMatchObject({
      code: 'unauthorized',
    });
    await expect(authenticateToken(store, `jsk_${'A'.repeat(43)}`)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(authenticateToken(store, 'Bearer nonsense')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(createToken(ctx, { userId: admin.id, name: 'bad', expiresInDays: 0 })).rejects.toMatchObject({
      code: 'invalid-input',
      location: { path: 'expiresInDays' },
    });
  });

  it('lets a non-admin manage only their own tokens, within their organization', async () => {
    const store = await fixture.open();
    const { ctx, admin } = await bootstrapOrganization(store);
    const other = await bootstrapOrganization(store);
    const viewer = await createUser(ctx, { email: 'v@example.org', displayName: 'V', role: 'viewer' });
    const asViewer = { store, actor: { orgId: ctx.actor.orgId, userId: viewer.id, role: 'viewer' as const } };
    const own = await createToken(asViewer, { userId: viewer.id, name: 'mine' });
    await expect(createToken(asViewer, { userId: admin.id, name: 'theirs' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const adminToken = await createToken(ctx, { userId: admin.id, name: 'admin' });
    await expect(revokeToken(asViewer, adminToken.token.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await listTokens(asViewer, { userId: viewer.id })).map((t) => t.id)).toEqual([own.token.id]);
    await expect(listTokens(asViewer)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(revokeToken(other.ctx, own.token.id)).rejects.toMatchObject({ code: 'not-found' });
    await expect(createToken(other.ctx, { userId: viewer.id, name: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
