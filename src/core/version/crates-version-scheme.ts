import { semverLikeVersionScheme } from './semver-like-version-scheme.js';

/** crates.io: Cargo versions are SemVer 2.0.0 (build metadata ignored for precedence). */
export const cratesVersionScheme = semverLikeVersionScheme('crates.io');
