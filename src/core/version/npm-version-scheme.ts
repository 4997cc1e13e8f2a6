import semver from 'semver';
import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';

/**
 * npm: node-semver, npm's own implementation, in strict mode (a leading `v` or `=` is accepted
 * as npm accepts it). Versions npm cannot publish — `1.0`, `1.2.3.4`, numbers past 2^53 — are
 * refused rather than coerced, because `semver.coerce` is lossy (`1.1.1k` → `1.1.1`).
 */
export const npmVersionScheme = defineVersionScheme<semver.SemVer>({
  name: 'npm',
  read: (value) => {
    try {
      return semver.parse(value) ?? invalidVersion('not a SemVer 2.0.0 version as npm reads it');
    } catch {
      return invalidVersion('not a SemVer 2.0.0 version as npm reads it');
    }
  },
  order: (a, b) => a.compare(b),
});
