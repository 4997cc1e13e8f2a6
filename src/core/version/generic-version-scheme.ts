import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { compareComponents } from './semver-like-version.js';

/**
 * The fallback for ecosystems without a scheme of their own. Deliberately conservative: it
 * orders only plain numeric versions (`v`-prefix allowed, `1.2` == `1.2.0`) and refuses
 * everything else (`1.0-beta`, `2.3a`) with `invalid-version`, because guessing how an unknown
 * ecosystem orders qualifiers would silently produce wrong "not affected" answers.
 */
export const genericVersionScheme = defineVersionScheme({
  name: 'generic',
  read: (value) =>
    /^v?[0-9]+(\.[0-9]+)*$/.test(value)
      ? value.replace(/^v/, '').split('.')
      : invalidVersion('the generic scheme orders only numeric versions such as 1.2.3'),
  order: compareComponents,
});
