import type { Cpe } from '../cpe.js';
import { cpeAttributes, type CpeAttribute } from '../cpe-value.js';

/** A CPE attribute compared as a name; `version` is compared as a version by cpe-range.ts. */
export type CpeNameAttribute = Exclude<CpeAttribute, 'version'>;

/** The name attributes, in formatted-string order. */
export const cpeNameAttributes: readonly CpeNameAttribute[] = cpeAttributes.filter(
  (attribute): attribute is CpeNameAttribute => attribute !== 'version',
);

/**
 * Whether a criterion's attribute value covers the component's (NISTIR 7696 name matching, with
 * the criterion as source and the component as target): ANY (`*`) covers everything, NA (`-`)
 * only NA, and a value (with leading/trailing `*`/`?` wildcards) only an equal value, case
 * ignored. A component's ANY is "unknown", so it is not covered by a specific value: guessing
 * there is how CPE matching produces false positives.
 */
export function cpeValueCovers(criterion: string, component: string): boolean {
  if (criterion === '*') return true;
  if (criterion === '-' || component === '*' || component === '-') return criterion === component;
  return valuePattern(criterion).test(unquote(component));
}

/** The first name attribute on which `criterion` does not cover `component`, if any. */
export function firstUncoveredAttribute(criterion: Cpe, component: Cpe): CpeNameAttribute | undefined {
  return cpeNameAttributes.find((attribute) => !cpeValueCovers(criterion[attribute], component[attribute]));
}

/** A formatted-string value without its backslash quoting (`c\+\+` → `c++`). */
export function unquote(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

/** A case-insensitive pattern for a value with unquoted leading/trailing `*` and `?` (NISTIR 7695 §5.3.2). */
function valuePattern(value: string): RegExp {
  let source = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '\\') {
      source += escapeRegExp(value.charAt(i + 1));
      i += 1;
    } else if (c === '*') {
      source += '.*';
    } else if (c === '?') {
      source += '.';
    } else {
      source += escapeRegExp(c);
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
