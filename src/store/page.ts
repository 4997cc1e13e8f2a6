import { AppError } from '../core/app-error.js';

/** Limit/offset paging for every list query. */
export interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

/** The hard maximum page size: larger requests are clamped, never honoured. */
export const maxPageSize = 500;
export const defaultPageSize = 100;

/** Resolves a requested page to concrete bounds, clamping the limit to `maxPageSize`. */
export function resolvePage(page: Page = {}): { limit: number; offset: number } {
  const limit = page.limit ?? defaultPageSize;
  const offset = page.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new AppError('invalid-input', `limit must be a positive integer, got ${String(limit)}`, {
      location: { path: 'limit' },
    });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AppError('invalid-input', `offset must be a non-negative integer, got ${String(offset)}`, {
      location: { path: 'offset' },
    });
  }
  return { limit: Math.min(limit, maxPageSize), offset };
}
