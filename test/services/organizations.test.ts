import { expect, it } from 'vitest';
import { createOrganization, getOrganization, listOrganizations } from '../../src/services/organizations.js';
import { systemActor } from '../../src/services/context.js';
import { listAuditEntries } from '../../src/store/queries/audit-log.js';
import { listUsers } from '../../src/store/queries/users.js';
import { bootstrapOrganization, describeEachStore } from '../support/stores.js';

describeEachStore('organization service', (fixture) => {
  it('bootstraps an organization with an admin user, both audited', async () => {
    const store = await fixture.open();
    const { organization, admin } = await createOrganization(
      { store, actor: systemActor() },
      { name: 'Mercy Hospital', kind: 'hdo', admin: { email: 'CISO@Mercy.example', displayName: 'CISO' } },
    );
    expect(organization).toMatchObject({ name: 'Mercy Hospital', kind: 'hdo' });
    expect(admin).toMatchObject({
      orgId: organization.id,
      role: 'admin',
      email: 'ciso@mercy.example',
      hasPassword: false,
    });
    expect(await listUsers(store.db, organization.id)).toEqual([admin]);
    const audit = await listAuditEntries(store.db, organization.id);
    expect(audit.map((e) => [e.action, e.actor]).sort()).toEqual([
      ['organization.create', 'system'],
      ['user.create', 'system'],
    ]);
  });

  it('refuses organization creation by a user and rejects bad input naming the field', async () => {
    const store = await fixture.open();
    const { ctx } = await bootstrapOrganization(store);
    await expect(
      createOrganization(ctx, { name: 'X', kind: 'hdo', admin: { email: 'a@x.example', displayName: 'A' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createOrganization(
        { store, actor: systemActor() },
        { name: 'X', kind: 'clinic' as 'hdo', admin: { email: 'a@x.example', displayName: 'A' } },
      ),
    ).rejects.toMatchObject({ code: 'invalid-input', location: { path: 'kind' } });
  });

  it('rolls back the organization when its admin cannot be created', async () => {
    const store = await fixture.open();
    const first = await bootstrapOrganization(store, { name: 'First' });
    await expect(
      createOrganization(
        { store, actor: systemActor() },
        { name: 'Second', kind: 'hdo', admin: { email: first.admin.email, displayName: 'Dup' } },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    const names = (await listOrganizations({ store, actor: systemActor() })).map((o) => o.name);
    expect(names).toEqual(['First']);
  });

  it('shows a user only their own organization; the system actor sees all', async () => {
    const store = await fixture.open();
    const a = await bootstrapOrganization(store, { name: 'A' });
    const b = await bootstrapOrganization(store, { name: 'B' });
    expect((await listOrganizations(a.ctx)).map((o) => o.name)).toEqual(['A']);
    expect((await listOrganizations({ store, actor: systemActor() })).map((o) => o.name)).toEqual(['A', 'B']);
    expect(await getOrganization(a.ctx, a.organization.id)).toEqual(a.organization);
    await expect(getOrganization(a.ctx, b.organization.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
