import { defineVersionScheme } from './define-version-scheme.js';
import { compareComponents, comparePreReleases, preReleaseOf, readSemverLike } from './semver-like-version.js';

/**
 * NuGet: SemVer 2.0.0 extended to four numeric parts (`1.0.0.1`, missing parts are zero), with
 * pre-release labels compared case-insensitively and metadata after `+` ignored, as NuGet's
 * `VersionComparer.Default` does.
 */
export const nugetVersionScheme = defineVersionScheme({
  name: 'NuGet',
  read: (value) => readSemverLike(value, 4),
  order: (a, b) =>
    compareComponents(a.components, b.components) ||
    comparePreReleases(preReleaseOf(a.tail).toLowerCase(), preReleaseOf(b.tail).toLowerCase()),
});
