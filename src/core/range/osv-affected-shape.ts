import { readVersion } from '../version/define-version-scheme.js';
import type { ParsedVersion, VersionScheme } from '../version/version-scheme.js';
import { osvAffectedScheme, type OsvAffectedInput, type OsvAffectedOptions } from './osv-affected.js';
import { osvRangeContains, osvRangeShape, type PlacedEvent } from './osv-range.js';
import type { RangeStatus } from './range-verdict.js';

/**
 * Schemes numbered once per process, so that an entry's shape names the slots of its schemes
 * and can be shared by every index holding the entry. Weak keys: a scheme no one holds goes.
 */
const slotNumbers = new WeakMap<VersionScheme, number>();
let slotsTaken = 0;

function slotOf(scheme: VersionScheme): number {
  let slot = slotNumbers.get(scheme);
  if (slot === undefined) {
    slot = slotsTaken++;
    slotNumbers.set(scheme, slot);
  }
  return slot;
}

/**
 * The schemes a set of entries orders versions by: a lookup reads the version once per scheme
 * (`read`) and every range and list finds its reading by slot.
 */
export class OsvSchemeSlots {
  readonly #schemes = new Map<number, VersionScheme>();

  /** Notes the schemes of a shape. */
  add(shape: OsvAffectedShape): void {
    for (const range of shape.ordered) if (!this.#schemes.has(range.slot)) this.#schemes.set(range.slot, range.scheme);
    if (shape.slot !== undefined && shape.scheme !== undefined) this.#schemes.set(shape.slot, shape.scheme);
  }

  /** Every slot in use with its scheme. */
  get used(): readonly (readonly [number, VersionScheme])[] {
    return [...this.#schemes];
  }

  schemeAt(slot: number): VersionScheme | undefined {
    return this.#schemes.get(slot);
  }

  /** The version parsed by each scheme, by slot; undefined where the scheme cannot read it. */
  read(version: string): (ParsedVersion | undefined)[] {
    const parsed: (ParsedVersion | undefined)[] = [];
    for (const [slot, scheme] of this.#schemes) parsed[slot] = readVersion(scheme, version);
    return parsed;
  }
}

/** A range that orders versions: its sorted events and the slot of its scheme. */
export interface OrderedRange {
  readonly slot: number;
  readonly scheme: VersionScheme;
  readonly events: readonly PlacedEvent[];
}

/**
 * One `affected[]` entry as `evaluateOsvAffected` sees it, independently of the version: read
 * once, then asked about many versions.
 */
export interface OsvAffectedShape {
  /** The entry's scheme (for `ECOSYSTEM` ranges and `versions` equality) and its slot. */
  readonly scheme: VersionScheme | undefined;
  readonly slot: number | undefined;
  /** The ranges that order versions. */
  readonly ordered: readonly OrderedRange[];
  /** A range whose own bound cannot be ordered: the entry is never `not-affected`. */
  readonly unorderedBound: boolean;
  readonly versions: readonly string[];
  /**
   * The answer for a version every scheme of the entry can read and that neither a range nor the
   * list covers: `unknown-version` after an unorderable bound, `not-affected` when something
   * decided, else `not-evaluated` (only GIT ranges, unknown range types, or nothing at all).
   */
  readonly otherwise: 'not-affected' | 'unknown-version' | 'not-evaluated';
}

/**
 * Shapes of entries read without a scheme override, by entry. Weak keys, like the prepared
 * ranges: a server builds a new advisory index for every scan from the same parsed records, and
 * an entry read for one scan is read for the next.
 */
const shapes = new WeakMap<OsvAffectedInput, OsvAffectedShape>();

/** Reads an entry as `evaluateOsvAffected(affected, v, options)` would for any `v`. */
export function shapeOsvAffected(affected: OsvAffectedInput, options: OsvAffectedOptions = {}): OsvAffectedShape {
  if (options.scheme !== undefined) return shapeUncached(affected, options);
  let shape = shapes.get(affected);
  if (shape === undefined) {
    shape = shapeUncached(affected, options);
    shapes.set(affected, shape);
  }
  return shape;
}

function shapeUncached(affected: OsvAffectedInput, options: OsvAffectedOptions): OsvAffectedShape {
  const scheme = osvAffectedScheme(affected, options);
  const ordered: OrderedRange[] = [];
  let unorderedBound = false;
  for (const range of affected.ranges ?? []) {
    const shape = osvRangeShape(range, scheme);
    if (typeof shape === 'object')
      ordered.push({ slot: slotOf(shape.scheme), scheme: shape.scheme, events: shape.events });
    else if (shape === 'unknown-version') unorderedBound = true;
  }
  const versions = affected.versions ?? [];
  const slot = scheme === undefined || versions.length === 0 ? undefined : slotOf(scheme);
  return {
    scheme,
    slot,
    ordered,
    unorderedBound,
    versions,
    otherwise: unorderedBound
      ? 'unknown-version'
      : ordered.length > 0 || versions.length > 0
        ? 'not-affected'
        : 'not-evaluated',
  };
}

/**
 * `evaluateOsvAffected(affected, version).status` for a shaped entry, given the version as each
 * scheme slot parsed it (undefined where the scheme cannot read it) and whether the entry's
 * `versions` list it (the same string, or one its scheme holds equal): the same comparisons
 * with the ranges' bounds, without building an explanation.
 */
export function osvAffectedShapeStatus(
  shape: OsvAffectedShape,
  parsed: readonly (ParsedVersion | undefined)[],
  listed: boolean,
): RangeStatus {
  let unknown = shape.unorderedBound;
  for (const range of shape.ordered) {
    const v = parsed[range.slot];
    if (v === undefined) unknown = true;
    else if (osvRangeContains(range.events, range.scheme, v)) return 'affected';
  }
  if (listed) return 'affected';
  if (unknown) return 'unknown-version';
  if (shape.slot !== undefined && parsed[shape.slot] === undefined) return 'unknown-version';
  return shape.otherwise;
}
