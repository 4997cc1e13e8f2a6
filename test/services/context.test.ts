import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../src/core/app-error.js';
import { actorOrgId, parseInput, requireRole, systemActor, type Actor, type Role } from '../../src/services/context.js';

const actor = (role: Role): Actor => ({ orgId: 'o', userId: 'u', role });

describe('requireRole', () => {
  it.each([
    ['viewer', 'viewer', true],
    ['viewer', 'analyst', false],
    ['viewer', 'admin', false],
    ['analyst', 'viewer', true],
    ['analyst', 'analyst', true],
    ['analyst', 'admin', false],
    ['admin', 'admin', true],
  ] as const)('%s acting where %s is needed: allowed=%s', (role, minimum, allowed) => {
    const check = () => requireRole(actor(role), minimum);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('treats the system actor as admin', () => {
    expect(() => requireRole(systemActor('o'), 'admin')).not.toThrow();
  });
});

describe('actorOrgId', () => {
  it('refuses a system actor bound to no organization', () => {
    expect(() => actorOrgId(systemActor())).toThrow(AppError);
    expect(actorOrgId(systemActor('org-1'))).toBe('org-1');
  });
});

describe('parseInput', () => {
  it('returns parsed data and names the offending field on failure', () => {
    const schema = z.object({ name: z.string().min(1), tags: z.array(z.string()) });
    expect(parseInput(schema, { name: 'a', tags: [] })).toEqual({ name: 'a', tags: [] });
    let caught: unknown;
    try {
      parseInput(schema, { name: 'a', tags: ['ok', 3] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ code: 'invalid-input', location: { path: 'tags.1' } });
    expect((caught as AppError).message).toContain('tags.1');
  });
});
