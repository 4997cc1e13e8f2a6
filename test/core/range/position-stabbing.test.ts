import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../bench/seeded-random.js';
import { PositionStabbing } from '../../../src/core/range/position-stabbing.js';

const stab = (tree: PositionStabbing, position: number): number[] => {
  const out: number[] = [];
  tree.stab(position, out);
  return out.sort((a, b) => a - b);
};

describe('PositionStabbing', () => {
  it('finds the intervals holding a position, ends included', () => {
    const tree = new PositionStabbing(10);
    tree.add(0, 9, 1);
    tree.add(2, 4, 2);
    tree.add(4, 4, 3);
    tree.add(5, 9, 4);
    expect(stab(tree, 0)).toEqual([1]);
    expect(stab(tree, 2)).toEqual([1, 2]);
    expect(stab(tree, 4)).toEqual([1, 2, 3]);
    expect(stab(tree, 5)).toEqual([1, 4]);
    expect(stab(tree, 9)).toEqual([1, 4]);
    expect(stab(tree, 10)).toEqual([]);
  });

  it('refuses intervals outside its positions', () => {
    const tree = new PositionStabbing(3);
    expect(() => tree.add(0, 3, 1)).toThrow(RangeError);
    expect(() => tree.add(2, 1, 1)).toThrow(RangeError);
    expect(() => new PositionStabbing(0)).toThrow(RangeError);
  });

  it('agrees with checking every interval, on random intervals', () => {
    const rng = seededRandom(5);
    for (let round = 0; round < 20; round++) {
      const size = rng.int(1, 200);
      const tree = new PositionStabbing(size);
      const intervals = Array.from({ length: rng.int(0, 60) }, (_, id) => {
        const a = rng.int(0, size - 1);
        const b = rng.int(0, size - 1);
        return { from: Math.min(a, b), to: Math.max(a, b), id };
      });
      for (const { from, to, id } of intervals) tree.add(from, to, id);
      for (let position = 0; position < size; position++) {
        const expected = intervals.filter((i) => i.from <= position && position <= i.to).map((i) => i.id);
        expect(stab(tree, position)).toEqual(expected);
      }
    }
  });
});
