import { defineVersionScheme } from './define-version-scheme.js';
import { compareSemverLike, readSemverLike } from './semver-like-version.js';
import type { VersionScheme } from './version-scheme.js';

/**
 * A SemVer 2.0.0 scheme read leniently (see SemverLikeVersion): three numeric components,
 * pre-release by §11, build metadata ignored. Shared by the registries whose versions are
 * SemVer but whose OSV data is compared this way (crates.io, Hex, Go, Swift, …).
 */
export function semverLikeVersionScheme(name: string): VersionScheme {
  return defineVersionScheme({
    name,
    read: (value) => readSemverLike(value, 3),
    order: compareSemverLike,
  });
}
