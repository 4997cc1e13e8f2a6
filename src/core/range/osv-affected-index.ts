import { readVersion } from '../version/define-version-scheme.js';
import type { ParsedVersion } from '../version/version-scheme.js';
import type { OsvAffectedInput, OsvAffectedOptions } from './osv-affected.js';
import {
  OsvSchemeSlots,
  osvAffectedShapeStatus,
  shapeOsvAffected,
  type OsvAffectedShape,
} from './osv-affected-shape.js';
import { OsvVersionLines } from './osv-version-lines.js';
import type { RangeStatus } from './range-verdict.js';

/** An entry whose answer at a version is not `not-affected`. */
export interface OsvAffectedHit {
  /** Position of the entry in the indexed list. */
  readonly index: number;
  readonly status: Exclude<RangeStatus, 'not-affected'>;
}

/**
 * The entries of one package, read once so that asking about a version costs little.
 * `hitsAt(v)` lists, in index order, exactly the entries `i` for which
 * `evaluateOsvAffected(entries[i], v, options).status` is not `not-affected`, with that status.
 */
export interface OsvAffectedIndex {
  readonly size: number;
  hitsAt(version: string): readonly OsvAffectedHit[];
}

export interface OsvAffectedIndexOptions extends OsvAffectedOptions {
  /**
   * Lookups answered by checking every entry before the entries are placed on version lines
   * (`OsvVersionLines`), after which a lookup only meets the entries concerning it. Placing
   * costs about as much as a few full checks; default 3.
   */
  readonly linesAfter?: number;
}

/**
 * Indexes `entries` (in practice: the entries of one package). Each entry is read once
 * (`shapeOsvAffected`): its ranges' events parsed and sorted. A lookup compares the version
 * with each entry's bounds and searches each list for the version's string; the spellings a
 * scheme holds equal to it (`1.0` for `1.0.0`) are found once per lookup among the distinct
 * listed versions of all entries, not once per list: popular packages list the same few
 * hundred versions thousands of times. A package asked about more versions than `linesAfter`
 * is placed on version lines instead.
 */
export function indexOsvAffected(
  entries: readonly OsvAffectedInput[],
  options: OsvAffectedIndexOptions = {},
): OsvAffectedIndex {
  const { linesAfter = 3, ...evaluation } = options;
  const shapes = entries.map((affected) => shapeOsvAffected(affected, evaluation));
  const first = shapes[0];
  if (first === undefined || evaluation.scheme !== undefined || options.linesAfter !== undefined) {
    return new Index(shapes, linesAfter);
  }
  const known = indexesByFirst.get(first)?.find((index) => index.holds(shapes));
  if (known !== undefined) return known;
  const index = new Index(shapes, linesAfter);
  const siblings = indexesByFirst.get(first) ?? [];
  // A handful per first entry at most (a package's list, its release-less list); the bound guards the rest.
  indexesByFirst.set(first, [index, ...siblings.slice(0, 7)]);
  return index;
}

/**
 * Indexes by the shape of their first entry. A server builds a new advisory index for every
 * scan from records it keeps parsed: the same package meets the same entries again, and finds
 * them already gathered and placed. Weak keys: the index goes with its entries.
 */
const indexesByFirst = new WeakMap<OsvAffectedShape, Index[]>();

/** Answers kept per index, by version. */
const answersKept = 64;

/** A version being looked up, as every entry's check needs it. */
interface Lookup {
  readonly version: string;
  /** By scheme slot. */
  readonly parsed: readonly (ParsedVersion | undefined)[];
  /** Whether some list holds the version's own string. */
  readonly exactly: boolean;
  /** By scheme slot, once found: other listed spellings the scheme holds equal to the version. */
  readonly spellings: (readonly string[] | undefined)[];
}

/** Every version the entries list, gathered once per index. */
interface Listed {
  /** By scheme slot: the versions listed under that slot's scheme, parsed where it reads them. */
  readonly bySlot: readonly (ReadonlyMap<string, ParsedVersion | undefined> | undefined)[];
  /** Versions listed by entries without a scheme, which only the identical string matches. */
  readonly exact: ReadonlySet<string>;
}

class Index implements OsvAffectedIndex {
  readonly size: number;
  readonly #slots = new OsvSchemeSlots();
  readonly #shapes: readonly OsvAffectedShape[];
  #listed: Listed | undefined;
  readonly #linesAfter: number;
  #lookups = 0;
  readonly #answers = new Map<string, readonly OsvAffectedHit[]>();
  #lines: OsvVersionLines | undefined;

  constructor(shapes: readonly OsvAffectedShape[], linesAfter: number) {
    this.size = shapes.length;
    this.#linesAfter = linesAfter;
    this.#shapes = shapes;
    for (const shape of shapes) this.#slots.add(shape);
  }

  /** Whether this index is over exactly these entries, in this order. */
  holds(shapes: readonly OsvAffectedShape[]): boolean {
    return shapes.length === this.#shapes.length && shapes.every((shape, i) => shape === this.#shapes[i]);
  }

  hitsAt(version: string): readonly OsvAffectedHit[] {
    const known = this.#answers.get(version);
    if (known !== undefined) return known;
    const hits = this.#lookUp(version);
    // Bounded: the versions an index was asked about most recently (a server's next scans ask again).
    if (this.#answers.size >= answersKept) this.#answers.delete(this.#answers.keys().next().value as string);
    this.#answers.set(version, hits);
    return hits;
  }

  #lookUp(version: string): readonly OsvAffectedHit[] {
    const parsed = this.#slots.read(version);
    const listed = this.#listedVersions();
    if (this.#lines === undefined && ++this.#lookups > this.#linesAfter) {
      this.#lines = new OsvVersionLines(this.#shapes, this.#slots.used, listed.bySlot);
    }
    const lookup: Lookup = {
      version,
      parsed,
      // Where no list holds the version's own string, no list needs searching for it.
      exactly: listed.exact.has(version) || listed.bySlot.some((versions) => versions?.has(version) === true),
      spellings: [],
    };
    if (this.#lines !== undefined) return this.#lines.hitsAt(parsed, (id) => this.#check(id, lookup));
    const hits: OsvAffectedHit[] = [];
    for (let index = 0; index < this.#shapes.length; index++) {
      const status = this.#check(index, lookup);
      if (status !== 'not-affected') hits.push({ index, status });
    }
    return hits;
  }

  /** One entry checked on its own. */
  #check(id: number, lookup: Lookup): RangeStatus {
    const shape = this.#shapes[id] as OsvAffectedShape;
    const { versions, slot } = shape;
    let listed = false;
    if (versions.length > 0) {
      listed = lookup.exactly && versions.includes(lookup.version);
      if (!listed && slot !== undefined) {
        const spellings = (lookup.spellings[slot] ??= this.#otherSpellings(slot, lookup.version, lookup.parsed));
        for (const spelling of spellings) if (versions.includes(spelling)) listed = true;
      }
    }
    return osvAffectedShapeStatus(shape, lookup.parsed, listed);
  }

  /** The spellings other than `version` listed under the slot's scheme that it holds equal to `version`. */
  #otherSpellings(slot: number, version: string, parsed: readonly (ParsedVersion | undefined)[]): string[] {
    const v = parsed[slot];
    const scheme = this.#slots.schemeAt(slot);
    const spellings: string[] = [];
    if (v === undefined || scheme === undefined) return spellings;
    for (const [spelling, listed] of this.#listedVersions().bySlot[slot] ?? []) {
      if (listed !== undefined && spelling !== version && scheme.compare(v, listed) === 0) spellings.push(spelling);
    }
    return spellings;
  }

  #listedVersions(): Listed {
    if (this.#listed !== undefined) return this.#listed;
    const bySlot: Map<string, ParsedVersion | undefined>[] = [];
    const exact = new Set<string>();
    for (const { slot, versions } of this.#shapes) {
      if (versions.length === 0) continue;
      if (slot === undefined) {
        for (const version of versions) exact.add(version);
        continue;
      }
      const into = (bySlot[slot] ??= new Map());
      for (const version of versions) into.set(version, undefined);
    }
    // Each distinct spelling read once.
    for (const [slot, scheme] of this.#slots.used) {
      const versions = bySlot[slot];
      if (versions === undefined) continue;
      for (const version of versions.keys()) versions.set(version, readVersion(scheme, version));
    }
    this.#listed = { bySlot, exact };
    return this.#listed;
  }
}
