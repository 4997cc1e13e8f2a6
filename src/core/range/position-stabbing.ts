/**
 * Which intervals of integer positions contain a given position (a segment tree): each
 * interval is filed under the O(log n) nodes that tile it, so a lookup walks one root-to-leaf
 * path and meets exactly the intervals holding the position, each once for disjoint intervals
 * of one id. Built once; `stab` allocates nothing beyond what it appends to `out`.
 */
export class PositionStabbing {
  readonly #size: number;
  readonly #nodes: (number[] | undefined)[];

  /** Positions run from 0 to `size - 1`. */
  constructor(size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`position count ${size} is not a positive integer`);
    this.#size = size;
    this.#nodes = new Array<number[] | undefined>(4 * size).fill(undefined);
  }

  /** Files `id` under every position from `from` to `to`, both included. */
  add(from: number, to: number, id: number): void {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to >= this.#size || from > to) {
      throw new RangeError(`interval ${from}..${to} is not within 0..${this.#size - 1}`);
    }
    this.#add(1, 0, this.#size - 1, from, to, id);
  }

  /** Appends to `out` the id of every interval holding `position` (in no particular order). */
  stab(position: number, out: number[]): void {
    if (position < 0 || position >= this.#size) return;
    let node = 1;
    let lo = 0;
    let hi = this.#size - 1;
    for (;;) {
      const ids = this.#nodes[node];
      if (ids !== undefined) for (const id of ids) out.push(id);
      if (lo === hi) return;
      const mid = (lo + hi) >>> 1;
      if (position <= mid) {
        node = 2 * node;
        hi = mid;
      } else {
        node = 2 * node + 1;
        lo = mid + 1;
      }
    }
  }

  #add(node: number, lo: number, hi: number, from: number, to: number, id: number): void {
    if (from <= lo && hi <= to) {
      const ids = this.#nodes[node];
      if (ids === undefined) this.#nodes[node] = [id];
      else ids.push(id);
      return;
    }
    const mid = (lo + hi) >>> 1;
    if (from <= mid) this.#add(2 * node, lo, mid, from, to, id);
    if (to > mid) this.#add(2 * node + 1, mid + 1, hi, from, to, id);
  }
}
