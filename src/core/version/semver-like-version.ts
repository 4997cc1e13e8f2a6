import { invalidVersion, type InvalidVersion } from './define-version-scheme.js';
import { compareDotIdentifiers } from './dot-identifiers.js';
import { compareDigitStrings, stripLeadingZeros } from './numeric-string.js';

/**
 * A version shaped like SemVer but read leniently, the way OSV matchers (osv-scalibr
 * `semantic`) read the SemVer-family ecosystems: an optional leading `v`, any number of numeric
 * components (unbounded size), and a tail starting at the first other character (`-pre`,
 * `+build`). Numeric components beyond `maxComponents` move into the tail, so `1.2.3.4` sorts
 * as a pre-release of `1.2.3`, as osv.dev does.
 */
export interface SemverLikeVersion {
  /** Numeric components as digit strings. */
  readonly components: readonly string[];
  /** Everything after the components: `-pre.1+build`, possibly empty. */
  readonly tail: string;
}

/** Reads a SemVer-like version; the first character after an optional `v` must be a digit. */
export function readSemverLike(value: string, maxComponents: number): SemverLikeVersion | InvalidVersion {
  const body = value.startsWith('v') ? value.slice(1) : value;
  if (!/^[0-9]/.test(body)) return invalidVersion('a version must start with a digit (after an optional "v")');
  const components: string[] = [];
  let current = '';
  let i = 0;
  for (; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c >= '0' && c <= '9') {
      current += c;
      continue;
    }
    if (current !== '') components.push(current);
    current = '';
    if (c !== '.') break;
  }
  if (i === body.length && current !== '') components.push(current);
  let tail = body.slice(i);
  if (components.length > maxComponents) {
    for (const extra of components.splice(maxComponents)) tail += `.${stripLeadingZeros(extra) || '0'}`;
  }
  return { components, tail };
}

/** Compares numeric components, a missing component counting as zero. */
export function compareComponents(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const diff = compareDigitStrings(a[i] ?? '0', b[i] ?? '0');
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The pre-release part of a tail: without build metadata (SemVer §10) and the leading `-`. */
export function preReleaseOf(tail: string): string {
  const plus = tail.indexOf('+');
  const pre = plus === -1 ? tail : tail.slice(0, plus);
  return pre.startsWith('-') ? pre.slice(1) : pre;
}

/** SemVer §11.3–11.4 on pre-release strings: none sorts after any. */
export function comparePreReleases(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  return compareDotIdentifiers(a.split('.'), b.split('.'));
}

/** The usual SemVer-family order: components, then pre-release; build metadata ignored. */
export function compareSemverLike(a: SemverLikeVersion, b: SemverLikeVersion): number {
  return (
    compareComponents(a.components, b.components) || comparePreReleases(preReleaseOf(a.tail), preReleaseOf(b.tail))
  );
}
