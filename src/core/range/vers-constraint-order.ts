/** A `vers` comparator; `=` is written as a bare version. */
export type VersComparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** One `<comparator><version>` signpost of a `vers` range; `version` is unquoted. */
export interface VersConstraint {
  readonly comparator: VersComparator;
  readonly version: string;
}

const isLesser = (c: VersComparator): boolean => c === '<' || c === '<=';
const isGreater = (c: VersComparator): boolean => c === '>' || c === '>=';

/** Where a sorted constraint list breaks the spec's contiguity rules, and why. */
export interface VersOrderViolation {
  /** Index of the offending constraint (the second of the pair). */
  readonly index: number;
  readonly reason: string;
}

/**
 * Checks a version-sorted, de-duplicated constraint list against vers-spec "Normalized, canonical
 * representation and validation": ignoring `!=`, an `=` may be followed only by `=`, `>` or `>=` (and, by the simplification
 * rules, may not sit inside a range opened by `>`/`>=`);
 * ignoring `=` and `!=` too, lesser and greater comparators must alternate. These rules reject
 * the redundant and empty ranges (`<1|<2`, `>1|>=2`, `=1|<2`).
 */
export function findOrderViolation(constraints: readonly VersConstraint[]): VersOrderViolation | undefined {
  const withoutUnequal = constraints.map((c, index) => ({ c, index })).filter(({ c }) => c.comparator !== '!=');
  let lastBound: VersConstraint | undefined;
  for (let i = 0; i < withoutUnequal.length; i++) {
    const current = withoutUnequal[i];
    if (current === undefined) continue;
    const next = withoutUnequal[i + 1];
    if (current.c.comparator === '=') {
      // vers-spec "Version constraints simplification": `>`/`>=` followed by `=` is redundant.
      if (lastBound !== undefined && isGreater(lastBound.comparator)) {
        return {
          index: current.index,
          reason: `'${current.c.version}' lies inside the range opened by '${lastBound.comparator}${lastBound.version}', which already covers it`,
        };
      }
      if (next !== undefined && isLesser(next.c.comparator)) {
        return {
          index: next.index,
          reason: `'${next.c.comparator}${next.c.version}' follows '${current.c.version}', which it already covers; an equality may be followed only by '=', '>' or '>='`,
        };
      }
    } else {
      lastBound = current.c;
    }
  }
  const bounds = withoutUnequal.filter(({ c }) => c.comparator !== '=');
  for (let i = 0; i + 1 < bounds.length; i++) {
    const current = bounds[i];
    const next = bounds[i + 1];
    if (current === undefined || next === undefined) continue;
    const sameSide =
      (isLesser(current.c.comparator) && isLesser(next.c.comparator)) ||
      (isGreater(current.c.comparator) && isGreater(next.c.comparator));
    if (sameSide) {
      return {
        index: next.index,
        reason: `'${current.c.comparator}${current.c.version}' is followed by '${next.c.comparator}${next.c.version}'; lesser (<, <=) and greater (>, >=) comparators must alternate`,
      };
    }
  }
  return undefined;
}
