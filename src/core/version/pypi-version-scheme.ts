import { parse as parsePep440 } from '@renovatebot/pep440';
import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { compareDigitStrings, compareStrings, stripLeadingZeros } from './numeric-string.js';
import { compareLegacyKeys, legacyPythonVersionKey } from './pypi-legacy-version.js';

type Segment = readonly [string, number] | null;

/** A PyPI version: PEP 440 when it is one, otherwise the legacy key (flagged, so callers can see). */
export type PypiVersion =
  | {
      readonly legacy: false;
      readonly epoch: number;
      /** Release numbers as digit strings (exact for any size), trailing zeros dropped. */
      readonly release: readonly string[];
      readonly pre: Segment;
      readonly post: Segment;
      readonly dev: Segment;
      readonly local: readonly (string | number)[] | null;
    }
  | { readonly legacy: true; readonly key: readonly string[] };

const releasePattern = /^v?(?:[0-9]+!)?([0-9]+(?:\.[0-9]+)*)/i;

/**
 * PyPI: PEP 440 (Version specifiers §"Summary of permitted suffixes and relative ordering"),
 * parsed by @renovatebot/pep440 (which agrees with Python `packaging`) and ordered by the same
 * key as `packaging.version._cmpkey`, with release numbers compared exactly. Strings that are
 * not PEP 440 get the legacy order and sort before every PEP 440 version.
 */
export const pypiVersionScheme = defineVersionScheme<PypiVersion>({
  name: 'PyPI',
  read: (value) => {
    const parsed = parsePep440(value);
    if (parsed === null) {
      return /[a-z0-9]/i.test(value)
        ? { legacy: true, key: legacyPythonVersionKey(value) }
        : invalidVersion('neither a PEP 440 version nor a legacy version');
    }
    const release = (releasePattern.exec(value)?.[1] ?? '0').split('.').map(stripLeadingZeros);
    while (release.length > 0 && release[release.length - 1] === '') release.pop();
    return {
      legacy: false,
      epoch: parsed.epoch,
      release,
      pre: parsed.pre as unknown as Segment,
      post: parsed.post as unknown as Segment,
      dev: parsed.dev as unknown as Segment,
      local: parsed.local as unknown as (string | number)[] | null,
    };
  },
  order: (a, b) => {
    if (a.legacy || b.legacy) {
      if (a.legacy && b.legacy) return compareLegacyKeys(a.key, b.key);
      return a.legacy ? -1 : 1;
    }
    return (
      a.epoch - b.epoch ||
      compareRelease(a.release, b.release) ||
      comparePre(a, b) ||
      compareOptional(a.post, b.post, -1) ||
      compareOptional(a.dev, b.dev, 1) ||
      compareLocal(a.local, b.local)
    );
  },
});

function compareRelease(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const diff = compareDigitStrings(a[i] ?? '', b[i] ?? '');
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

interface PreParts {
  readonly pre: Segment;
  readonly post: Segment;
  readonly dev: Segment;
}

/** `1.0.dev0` sorts before `1.0a0`; a release without pre-release after every pre-release. */
function preRank(v: PreParts): number {
  if (v.pre === null && v.post === null && v.dev !== null) return -1;
  return v.pre === null ? 1 : 0;
}

function comparePre(a: PreParts, b: PreParts): number {
  const rank = preRank(a) - preRank(b);
  if (rank !== 0 || preRank(a) !== 0 || a.pre === null || b.pre === null) return rank;
  return compareSegments(a.pre, b.pre);
}

function compareSegments(a: readonly [string, number], b: readonly [string, number]): number {
  return compareStrings(a[0], b[0]) || a[1] - b[1];
}

/** `whenMissing` is where an absent segment sorts: -1 before any present one, 1 after. */
function compareOptional(a: Segment, b: Segment, whenMissing: -1 | 1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? whenMissing : -whenMissing;
  return compareSegments(a, b);
}

/** PEP 440 local versions: absent first; numeric parts after alphanumeric ones; longer after prefix. */
function compareLocal(a: readonly (string | number)[] | null, b: readonly (string | number)[] | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a[i];
    const y = b[i];
    let diff: number;
    if (typeof x === 'number' && typeof y === 'number') diff = x - y;
    else if (typeof x === 'number') diff = 1;
    else if (typeof y === 'number') diff = -1;
    else diff = compareStrings(x ?? '', y ?? '');
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
