/**
 * How a version stands against a range. `unknown-version` means no order could be established
 * (the version, or a bound of the range, is not a version of the scheme); `not-evaluated` means
 * the range is of a kind we cannot decide from a version alone (OSV `GIT` ranges, unknown
 * ecosystems). Neither is ever folded into `not-affected`.
 */
export type RangeStatus = 'affected' | 'not-affected' | 'unknown-version' | 'not-evaluated';

/**
 * The explained outcome of testing one version against a range: never a bare boolean, so a
 * finding can carry the evidence a reviewer follows ("1.2.3 ≥ introduced 1.0.0 and < fixed
 * 1.2.4 (SEMVER)").
 */
export interface RangeVerdict {
  readonly status: RangeStatus;
  /** The range that decided, in a readable form: `SEMVER introduced 0, fixed 1.2.4`, a `vers:` string, a CPE. */
  readonly range?: string;
  /** The bound that decided: `fixed 1.2.4`, `>=2.0.0`, `versionEndExcluding 2.3`. */
  readonly event?: string;
  /** The version scheme the comparisons used. */
  readonly scheme?: string;
  /** One sentence a reviewer can check by hand. */
  readonly reason: string;
}
