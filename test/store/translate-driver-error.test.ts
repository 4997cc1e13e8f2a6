import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { translateDriverError, withConflictMessage } from '../../src/store/translate-driver-error.js';

function driverError(code: string, message = 'boom', extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code }, extra);
}

describe('translateDriverError', () => {
  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', 'conflict'],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'conflict'],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 'conflict'],
    ['SQLITE_CONSTRAINT_CHECK', 'invalid-input'],
    ['SQLITE_CONSTRAINT_TRIGGER', 'forbidden'],
    ['SQLITE_BUSY', 'source-unavailable'],
    ['SQLITE_CANTOPEN', 'source-unavailable'],
    ['SQLITE_IOERR_WRITE', 'source-unavailable'],
    ['SQLITE_ERROR', 'internal'],
  ] as const)('maps SQLite %s to %s', (code, expected) => {
    const translated = translateDriverError(driverError(code), 'sqlite');
    expect(translated).toBeInstanceOf(AppError);
    expect(translated.code).toBe(expected);
  });

  it.each([
    ['23505', 'conflict'],
    ['23503', 'conflict'],
    ['23514', 'invalid-input'],
    ['JS001', 'forbidden'],
    ['08006', 'source-unavailable'],
    ['28P01', 'source-unavailable'],
    ['3D000', 'source-unavailable'],
    ['57P01', 'source-unavailable'],
    ['ECONNREFUSED', 'source-unavailable'],
    ['42601', 'internal'],
  ] as const)('maps PostgreSQL %s to %s', (code, expected) => {
    expect(translateDriverError(driverError(code), 'postgres').code).toBe(expected);
  });

  it('names the table in conflicts and keeps the driver error only as the cause', () => {
    const cause = driverError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: products.org_id, products.name');
    const translated = translateDriverError(cause, 'sqlite');
    expect(translated.message).toContain('products');
    expect(translated.cause).toBe(cause);
    expect(translateDriverError(driverError('23505', 'dup', { table: 'users' }), 'postgres').message).toContain(
      'users',
    );
  });

  it('passes AppErrors through and wraps non-errors as internal', () => {
    const appError = new AppError('not-found', 'x');
    expect(translateDriverError(appError, 'sqlite')).toBe(appError);
    expect(translateDriverError('weird', 'postgres').code).toBe('internal');
  });
});

describe('withConflictMessage', () => {
  it('replaces the message of conflicts only', async () => {
    await expect(
      withConflictMessage('product "P" exists', () => Promise.reject(new AppError('conflict', 'raw'))),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'product "P" exists',
    });
    await expect(
      withConflictMessage('unused', () => Promise.reject(new AppError('internal', 'raw'))),
    ).rejects.toMatchObject({
      code: 'internal',
      message: 'raw',
    });
    await expect(withConflictMessage('unused', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
