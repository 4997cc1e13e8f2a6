import { AppError } from '../app-error.js';
import { compareVersions } from '../version/version-comparison.js';
import type { VersionScheme } from '../version/version-scheme.js';
import { containsVersionInConstraints } from './vers-contains.js';
import { findOrderViolation, type VersConstraint } from './vers-constraint-order.js';
import { versionSchemeForVers, versUniversalSchemes } from './vers-schemes.js';
import type { RangeVerdict } from './range-verdict.js';

export type { VersComparator, VersConstraint } from './vers-constraint-order.js';

/**
 * A version range specifier (package-url vers-spec, `vers:<scheme>/<constraint>|…`) in normal
 * form: constraints sorted by the scheme's version order, each version once, contiguity rules
 * checked. `'*'` is the star range (every version; for `vers:none/*`, none).
 */
export interface Vers {
  readonly scheme: string;
  readonly constraints: '*' | readonly VersConstraint[];
}

/** Characters that must be percent-encoded in a version (vers-spec: separators and comparators). */
const mustQuote = /[%|<>=!*\s]/u;

/**
 * Parses and normalizes a `vers` string (vers-spec "Parsing and validating version range
 * specifiers"): spaces and tabs are dropped, empty constraints between pipes ignored,
 * percent-encoded versions decoded, then the constraints are sorted and validated. Throws
 * `invalid-input` for syntax and ordering errors and `invalid-version` for a version the scheme
 * cannot read, each naming the range and the character position.
 */
export function parseVers(text: string): Vers {
  if (typeof text !== 'string') throw new AppError('invalid-input', 'a vers range must be a string');
  // Positions in the messages refer to the original text, so keep where each kept character came from.
  const kept: number[] = [];
  let s = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t') continue;
    kept.push(i);
    s += c;
  }
  const at = (index: number): number => (kept[index] ?? text.length) + 1;
  const fail = (index: number, reason: string): never => {
    throw new AppError('invalid-input', `Invalid vers ${JSON.stringify(text)} at character ${at(index)}: ${reason}`);
  };

  const colon = s.indexOf(':');
  if (colon === -1) fail(0, "missing the 'vers:' URI scheme");
  const uriScheme = s.slice(0, colon);
  if (uriScheme !== 'vers') {
    fail(
      0,
      uriScheme.toLowerCase() === 'vers' ? "the URI scheme must be lowercase 'vers'" : "the URI scheme must be 'vers'",
    );
  }
  const slash = s.indexOf('/', colon + 1);
  if (slash === -1) fail(colon + 1, "missing '/' after the versioning scheme");
  const scheme = s.slice(colon + 1, slash);
  if (scheme === '') fail(colon + 1, 'the versioning scheme is empty');
  if (scheme !== scheme.toLowerCase()) fail(colon + 1, `the versioning scheme '${scheme}' must be lowercase`);
  const universal = (versUniversalSchemes as readonly string[]).includes(scheme);
  const versionScheme = universal ? undefined : versionSchemeForVers(scheme);
  if (!universal && versionScheme === undefined) fail(colon + 1, `unknown versioning scheme '${scheme}'`);

  const body = s.slice(slash + 1);
  const bodyStart = slash + 1;
  if (body === '') fail(bodyStart, 'there are no version constraints');
  if (body === '*') return { scheme, constraints: '*' };
  if (universal) fail(bodyStart, `'vers:${scheme}/*' is the only valid range of the '${scheme}' scheme`);

  const parsed: { constraint: VersConstraint; index: number }[] = [];
  let start = 0;
  for (const piece of body.split('|')) {
    const index = bodyStart + start;
    start += piece.length + 1;
    if (piece === '') continue; // leading, trailing and doubled pipes are ignored (vers-spec parsing)
    if (piece === '*') fail(index, "'*' must be the only constraint of a range");
    parsed.push({ constraint: readConstraint(piece, (reason) => fail(index, reason)), index });
  }
  if (parsed.length === 0) fail(bodyStart, 'there are no version constraints');

  // The version scheme exists here: `universal` ranges returned or failed above.
  const ordering = versionScheme as VersionScheme;
  for (const { constraint, index } of parsed) {
    const check = compareVersions(ordering, constraint.version, constraint.version);
    if (check.kind === 'unknown-version') {
      throw new AppError(
        'invalid-version',
        `Invalid vers ${JSON.stringify(text)} at character ${at(index)}: ${check.reason}`,
      );
    }
  }
  return normalizeConstraints({ text, scheme, ordering, parsed, at });
}

interface NormalizeInput {
  readonly text: string;
  readonly scheme: string;
  readonly ordering: VersionScheme;
  readonly parsed: readonly { constraint: VersConstraint; index: number }[];
  readonly at: (index: number) => number;
}

/** Sorts by version, drops exact repeats, refuses a version given twice with different comparators. */
function normalizeConstraints({ text, scheme, ordering, parsed, at }: NormalizeInput): Vers {
  const sorted = [...parsed].sort((a, b) => ordering.compare(a.constraint.version, b.constraint.version));
  const unique: typeof sorted = [];
  for (const entry of sorted) {
    const previous = unique[unique.length - 1];
    if (previous !== undefined && ordering.compare(previous.constraint.version, entry.constraint.version) === 0) {
      if (previous.constraint.comparator === entry.constraint.comparator) continue;
      throw new AppError(
        'invalid-input',
        `Invalid vers ${JSON.stringify(text)} at character ${at(entry.index)}: version '${entry.constraint.version}' occurs twice ` +
          `('${formatConstraint(previous.constraint)}' and '${formatConstraint(entry.constraint)}'); each version may appear once`,
      );
    }
    unique.push(entry);
  }
  const constraints = unique.map((u) => u.constraint);
  const violation = findOrderViolation(constraints);
  if (violation !== undefined) {
    const where = unique[violation.index]?.index ?? 0;
    throw new AppError(
      'invalid-input',
      `Invalid vers ${JSON.stringify(text)} at character ${at(where)}: ${violation.reason}`,
    );
  }
  return { scheme, constraints };
}

/** Reads `<comparator><version>`; an unquoted `=` prefix is accepted for equality. */
function readConstraint(piece: string, fail: (reason: string) => never): VersConstraint {
  const comparator = (['>=', '<=', '!=', '<', '>', '='] as const).find((c) => piece.startsWith(c));
  const raw = comparator === undefined ? piece : piece.slice(comparator.length);
  if (raw === '') fail(`the constraint '${piece}' has no version`);
  if (/[|<>=!*]/.test(raw)) fail(`the version '${raw}' contains a comparator character, which must be percent-encoded`);
  let version = raw;
  if (raw.includes('%')) {
    try {
      version = decodeURIComponent(raw);
    } catch {
      fail(`the version '${raw}' has invalid percent-encoding`);
    }
  }
  return { comparator: comparator ?? '=', version };
}

function formatConstraint(c: VersConstraint): string {
  const version = [...c.version].map((ch) => (mustQuote.test(ch) || ch > '~' ? encodeURIComponent(ch) : ch)).join('');
  return c.comparator === '=' ? version : `${c.comparator}${version}`;
}

/** The canonical string of a range (vers-spec): lowercase scheme, sorted constraints, quoted versions. */
export function formatVers(range: Vers): string {
  const body = range.constraints === '*' ? '*' : range.constraints.map(formatConstraint).join('|');
  return `vers:${range.scheme}/${body}`;
}

/**
 * Whether `version` lies in `range` (vers-spec "Checking if a version is contained within a
 * range"), explained. `affected` means contained. A version the scheme cannot read is
 * `unknown-version`, never "not contained".
 */
export function containsVersion(range: Vers, version: string): RangeVerdict {
  const text = formatVers(range);
  if (range.constraints === '*') {
    return range.scheme === 'none'
      ? { status: 'not-affected', range: text, event: '*', reason: `${text} contains no version` }
      : { status: 'affected', range: text, event: '*', reason: `${text} contains every version` };
  }
  const scheme = versionSchemeForVers(range.scheme);
  if (scheme === undefined) {
    return {
      status: 'not-evaluated',
      range: text,
      reason: `no version ordering is known for the vers scheme '${range.scheme}'`,
    };
  }
  return containsVersionInConstraints({ text, scheme, constraints: range.constraints, version });
}
