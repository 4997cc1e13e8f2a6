import { z } from 'zod';
/** The hard ceiling on one page; the store clamps to the same value. */
export const maxPageSize = 500;
export const defaultPageSize = 50;

/**
 * `?limit=&offset=` as every list route accepts it. A limit above the hard maximum is
 * clamped (as the store does), and the response's `limit` says what was applied.
 */
export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultPageSize)
    .transform((n) => Math.min(n, maxPageSize))
    .describe(`Page size, default ${defaultPageSize}; values above ${maxPageSize} are clamped to ${maxPageSize}.`),
  offset: z.coerce.number().int().min(0).default(0).describe('Number of items to skip.'),
});

export type PageQuery = z.infer<typeof pageQuery>;

/** The envelope every list route answers with. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly limit: number;
  readonly offset: number;
  readonly total?: number;
}

/** Wraps one page of items (already limited by the service) in the envelope. */
export function pageOf<T>(items: readonly T[], query: PageQuery, total?: number): Page<T> {
  return { items, limit: query.limit, offset: query.offset, ...(total === undefined ? {} : { total }) };
}
