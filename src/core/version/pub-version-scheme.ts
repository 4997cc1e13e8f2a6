import { defineVersionScheme } from './define-version-scheme.js';
import { compareDotIdentifiers } from './dot-identifiers.js';
import { compareSemverLike, readSemverLike } from './semver-like-version.js';

/**
 * Pub (Dart): SemVer, except that build metadata takes part in the order (pub_semver
 * `Version.compareTo`): a version with a build sorts after the same version without one, and
 * build identifiers compare like pre-release identifiers.
 */
export const pubVersionScheme = defineVersionScheme({
  name: 'Pub',
  read: (value) => readSemverLike(value, 3),
  order: (a, b) => compareSemverLike(a, b) || compareBuilds(buildOf(a.tail), buildOf(b.tail)),
});

function buildOf(tail: string): string {
  const plus = tail.indexOf('+');
  return plus === -1 ? '' : tail.slice(plus + 1);
}

function compareBuilds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  return compareDotIdentifiers(a.split('.'), b.split('.'));
}
