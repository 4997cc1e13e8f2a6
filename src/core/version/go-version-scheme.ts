import { semverLikeVersionScheme } from './semver-like-version-scheme.js';

/**
 * Go modules: SemVer with a `v` prefix (optional here, as OSV Go records omit it).
 * `+incompatible` is build metadata and so ignored for precedence, and pseudo-versions
 * (`v0.0.0-20210101000000-abcdef123456`, `v1.2.4-0.2021…`) are pre-releases, which gives exactly
 * Go's ordering: a pseudo-version sorts before the release it precedes.
 */
export const goVersionScheme = semverLikeVersionScheme('Go');
