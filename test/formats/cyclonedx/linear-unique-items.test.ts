import { describe, expect, it } from 'vitest';
import { findDuplicateItem } from '../../../src/formats/cyclonedx/linear-unique-items.js';

describe('findDuplicateItem (JSON Schema uniqueItems in linear time)', () => {
  it('finds no duplicate among distinct items, small or large', () => {
    expect(findDuplicateItem([])).toBeUndefined();
    expect(findDuplicateItem(['a', 'b', 'c'])).toBeUndefined();
    const many = Array.from({ length: 5000 }, (_, i) => ({
      type: 'library',
      name: `p${i}`,
      hashes: [{ alg: 'MD5', content: `${i}` }],
    }));
    expect(findDuplicateItem(many)).toBeUndefined();
  });

  it('reports the first pair, earlier index first, in small and large arrays', () => {
    expect(findDuplicateItem(['a', 'b', 'a'])).toEqual([0, 2]);
    const many: unknown[] = Array.from({ length: 1000 }, (_, i) => `ref-${i}`);
    many.push('ref-417');
    expect(findDuplicateItem(many)).toEqual([417, 1000]);
  });

  it('ignores member order but not array order (draft-07 §4.2.2 equality)', () => {
    const items = (extra: unknown[]): unknown[] => [...Array.from({ length: 20 }, (_, i) => ({ n: i })), ...extra];
    expect(
      findDuplicateItem(
        items([
          { a: 1, b: [1, 2] },
          { b: [1, 2], a: 1 },
        ]),
      ),
    ).toEqual([20, 21]);
    expect(
      findDuplicateItem(
        items([
          { a: 1, b: [1, 2] },
          { a: 1, b: [2, 1] },
        ]),
      ),
    ).toBeUndefined();
    expect(findDuplicateItem(items([{ a: { x: 'y', z: null } }, { a: { z: null, x: 'y' } }]))).toEqual([20, 21]);
  });

  it('tells values of different JSON types apart', () => {
    const items = (extra: unknown[]): unknown[] => [...Array.from({ length: 20 }, (_, i) => `s${i}`), ...extra];
    expect(findDuplicateItem(items([1, '1', true, 'true', null, 'null', [], {}]))).toBeUndefined();
    expect(findDuplicateItem(items([{ a: 1 }, { a: '1' }, { a: 1, b: undefined }]))).toBeUndefined();
  });
});
