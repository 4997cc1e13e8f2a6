import { describe, expect, it } from 'vitest';
import { maxPageSize, resolvePage } from '../../src/store/page.js';

describe('resolvePage', () => {
  it('defaults to 100 rows from the start', () => {
    expect(resolvePage()).toEqual({ limit: 100, offset: 0 });
  });

  it('clamps the limit to the hard maximum of 500', () => {
    expect(maxPageSize).toBe(500);
    expect(resolvePage({ limit: 501 })).toEqual({ limit: 500, offset: 0 });
    expect(resolvePage({ limit: 500, offset: 1500 })).toEqual({ limit: 500, offset: 1500 });
  });

  it.each([{ limit: 0 }, { limit: -1 }, { limit: 2.5 }, { offset: -1 }, { offset: Number.NaN }])(
    'rejects %o as invalid-input',
    (page) => {
      expect(() => resolvePage(page)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    },
  );
});
