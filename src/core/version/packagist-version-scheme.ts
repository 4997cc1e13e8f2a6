import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { canonicalizePhpVersion, comparePhpCanonical } from './php-version-compare.js';

/**
 * Packagist (Composer): Composer's `Comparator` ends in PHP's `version_compare`, so we port that
 * (stability words dev < alpha/a < beta/b < RC/rc < release < pl/p, any number of parts), after
 * dropping a leading `v`/`V` as Composer's `VersionParser::normalize` does.
 */
export const packagistVersionScheme = defineVersionScheme<readonly string[]>({
  name: 'Packagist',
  read: (value) => {
    const body = value.replace(/^[vV]/, '');
    if (!/^[A-Za-z0-9._+/-]+$/.test(body)) return invalidVersion('invalid character for a Composer version');
    if (!/[0-9]/.test(body) && !body.startsWith('dev-')) {
      return invalidVersion('a Composer version needs a digit (or is a dev- branch)');
    }
    return canonicalizePhpVersion(body).split('.');
  },
  order: comparePhpCanonical,
});
