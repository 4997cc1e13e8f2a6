import type { ParsedVersion, VersionScheme } from '../version/version-scheme.js';
import type { OsvAffectedHit } from './osv-affected-index.js';
import type { OsvAffectedShape } from './osv-affected-shape.js';
import { osvRangeAffects, type PlacedEvent } from './osv-range.js';
import type { RangeStatus } from './range-verdict.js';
import { PositionStabbing } from './position-stabbing.js';

/**
 * Entries placed on version lines, one per scheme. Evaluating an entry only ever asks how the
 * version orders against the bounds of its ranges and its listed versions; so those versions
 * are sorted once into a line of points (a class of equal versions per point), every entry
 * becomes the positions where it says `affected` (point `c` is position `2c + 1`, the gap below
 * it `2c`), and a lookup is a binary search for the version's position plus one walk down a
 * segment tree. What an entry says elsewhere does not depend on the version (`otherwise`).
 * A version one of an entry's schemes cannot read, or a line whose scheme ordered its points
 * inconsistently, sends the entry back to a full check (`osvAffectedShapeStatus`), so the lines
 * give no answer the evaluation would not. They rely on what a VersionScheme promises:
 * `compare` is a total order on the versions the scheme reads.
 */
export class OsvVersionLines {
  readonly #shapes: readonly OsvAffectedShape[];
  readonly #lines: readonly Line[];
  /** Entries on no line, or with a list no scheme orders: checked at every lookup. */
  readonly #unplaced: readonly number[];
  /** Placed entries that are not `not-affected` off their positions: reported at every lookup. */
  readonly #constant: readonly number[];
  // Per-lookup marks, stamped rather than cleared so a lookup costs what it finds, not the entry count.
  readonly #seen: Uint32Array;
  readonly #hit: Uint32Array;
  readonly #checked: Uint32Array;
  readonly #scratch: number[] = [];
  #stamp = 0;

  constructor(
    shapes: readonly OsvAffectedShape[],
    schemes: readonly (readonly [number, VersionScheme])[],
    listed: readonly (ReadonlyMap<string, ParsedVersion | undefined> | undefined)[],
  ) {
    this.#shapes = shapes;
    const builders: LineBuilder[] = [];
    for (const [slot, scheme] of schemes) builders[slot] = new LineBuilder(scheme, slot);
    const unplaced: number[] = [];
    const constant: number[] = [];
    for (const [id, shape] of shapes.entries()) {
      for (const range of shape.ordered) builders[range.slot]?.addRange(id, range.events);
      const { slot, versions } = shape;
      if (slot !== undefined) {
        // An entry whose list is ordered by a scheme needs the version read by it, listed or not.
        const builder = builders[slot];
        builder?.addListing(id);
        for (const version of versions) {
          const v = listed[slot]?.get(version);
          if (v !== undefined) builder?.addListed(id, v);
        }
      }
      // No line holds a list no scheme orders: such entries are checked at every lookup.
      if ((shape.ordered.length === 0 && slot === undefined) || (slot === undefined && versions.length > 0)) {
        unplaced.push(id);
      } else if (shape.otherwise !== 'not-affected') constant.push(id);
    }
    this.#lines = schemes.flatMap(([slot]) => builders[slot]?.build() ?? []);
    this.#unplaced = unplaced;
    this.#constant = constant;
    this.#seen = new Uint32Array(shapes.length);
    this.#hit = new Uint32Array(shapes.length);
    this.#checked = new Uint32Array(shapes.length);
  }

  /**
   * The entries not `not-affected` at the version `parsed` gives by scheme slot; `check` answers
   * for an entry the lines cannot place (a scheme of it cannot read the version, or its line is
   * unusable), by checking it on its own.
   */
  hitsAt(parsed: readonly (ParsedVersion | undefined)[], check: (id: number) => RangeStatus): OsvAffectedHit[] {
    const stamp = this.#nextStamp();
    const candidates: number[] = [];
    const seen = this.#seen;
    for (const line of this.#lines) {
      const v = parsed[line.slot];
      if (line.points === undefined || line.stabbing === undefined || v === undefined) {
        for (const id of line.ids) {
          this.#checked[id] = stamp;
          if (seen[id] !== stamp) {
            seen[id] = stamp;
            candidates.push(id);
          }
        }
        continue;
      }
      const scratch = this.#scratch;
      scratch.length = 0;
      line.stabbing.stab(positionOn(line.points, line.scheme, v), scratch);
      for (const id of scratch) {
        this.#hit[id] = stamp;
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          candidates.push(id);
        }
      }
    }
    for (const id of this.#unplaced) {
      this.#checked[id] = stamp;
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        candidates.push(id);
      }
    }
    for (const id of this.#constant) {
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        candidates.push(id);
      }
    }
    candidates.sort((a, b) => a - b);
    const hits: OsvAffectedHit[] = [];
    for (const id of candidates) {
      const shape = this.#shapes[id] as OsvAffectedShape;
      const status = this.#checked[id] === stamp ? check(id) : this.#hit[id] === stamp ? 'affected' : shape.otherwise;
      if (status !== 'not-affected') hits.push({ index: id, status });
    }
    return hits;
  }

  #nextStamp(): number {
    if (this.#stamp === 0xffffffff) {
      this.#stamp = 0;
      this.#seen.fill(0);
      this.#hit.fill(0);
      this.#checked.fill(0);
    }
    return ++this.#stamp;
  }
}

interface Line {
  readonly scheme: VersionScheme;
  readonly slot: number;
  /** One version per class of equal versions, ascending; undefined when the scheme contradicted itself. */
  readonly points: readonly ParsedVersion[] | undefined;
  readonly stabbing: PositionStabbing | undefined;
  /** Every entry with a range or a list ordered by this scheme: all need the version read by it. */
  readonly ids: readonly number[];
}

interface Part {
  readonly ranges: (readonly PlacedEvent[])[];
  readonly listed: ParsedVersion[];
}

class LineBuilder {
  readonly #parts = new Map<number, Part>();
  readonly #versions = new Map<string, ParsedVersion>();

  constructor(
    readonly scheme: VersionScheme,
    readonly slot: number,
  ) {}

  addRange(id: number, events: readonly PlacedEvent[]): void {
    this.#part(id).ranges.push(events);
    for (const e of events) if (e.parsed !== undefined) this.#versions.set(e.parsed.original, e.parsed);
  }

  addListed(id: number, listed: ParsedVersion): void {
    this.#part(id).listed.push(listed);
    this.#versions.set(listed.original, listed);
  }

  addListing(id: number): void {
    this.#part(id);
  }

  build(): Line {
    const { scheme, slot } = this;
    const ids = [...this.#parts.keys()];
    const classes = this.#classes();
    if (classes === undefined) return { scheme, slot, points: undefined, stabbing: undefined, ids };
    const { points, classOf } = classes;
    const size = 2 * points.length + 1;
    const stabbing = new PositionStabbing(size);
    const positionOf = (v: ParsedVersion): number => 2 * (classOf.get(v.original) as number) + 1;
    for (const [id, part] of this.#parts) {
      const intervals: [number, number][] = [];
      for (const events of part.ranges) intervals.push(...affectedIntervals(events, positionOf, size));
      for (const v of part.listed) intervals.push([positionOf(v), positionOf(v)]);
      for (const [from, to] of mergeIntervals(intervals)) stabbing.add(from, to, id);
    }
    return { scheme, slot, points, stabbing, ids };
  }

  #part(id: number): Part {
    let part = this.#parts.get(id);
    if (part === undefined) {
      part = { ranges: [], listed: [] };
      this.#parts.set(id, part);
    }
    return part;
  }

  /** The distinct versions sorted and grouped into classes of equal ones; undefined if the order contradicts itself. */
  #classes(): { points: ParsedVersion[]; classOf: Map<string, number> } | undefined {
    const { scheme } = this;
    const sorted = [...this.#versions.values()].sort((a, b) => scheme.compare(a, b));
    const points: ParsedVersion[] = [];
    const classOf = new Map<string, number>();
    for (const v of sorted) {
      const last = points[points.length - 1];
      if (last === undefined) points.push(v);
      else {
        const order = scheme.compare(v, last);
        if (order < 0 || order !== -scheme.compare(last, v)) return undefined;
        if (order > 0) points.push(v);
      }
      classOf.set(v.original, points.length - 1);
    }
    return { points, classOf };
  }
}

/** The positions where a range says `affected`: its answer changes only at its own events' points. */
function affectedIntervals(
  events: readonly PlacedEvent[],
  positionOf: (v: ParsedVersion) => number,
  size: number,
): [number, number][] {
  const own = [...new Set(events.flatMap((e) => (e.parsed === undefined ? [] : [positionOf(e.parsed)])))].sort(
    (a, b) => a - b,
  );
  const segments: [number, number][] = [];
  let from = 0;
  for (const point of own) {
    if (from < point) segments.push([from, point - 1]);
    segments.push([point, point]);
    from = point + 1;
  }
  if (from < size) segments.push([from, size - 1]);
  return segments.filter(([at]) =>
    osvRangeAffects(events, (e) => Math.sign(at - positionOf(e.parsed as ParsedVersion))),
  );
}

function mergeIntervals(intervals: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The position of `v` on a line: `2c + 1` when it equals point `c`, else `2c` for the first point above it. */
function positionOn(points: readonly ParsedVersion[], scheme: VersionScheme, v: ParsedVersion): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (scheme.compare(v, points[mid] as ParsedVersion) > 0) lo = mid + 1;
    else hi = mid;
  }
  const at = points[lo];
  return at !== undefined && scheme.compare(v, at) === 0 ? 2 * lo + 1 : 2 * lo;
}
