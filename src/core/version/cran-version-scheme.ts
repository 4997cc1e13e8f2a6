import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { compareDigitLists } from './digit-list.js';

/**
 * CRAN: R's `package_version` — non-negative integers separated by `.` or `-` (both weigh the
 * same), ordered as a list, so `0.1.0` < `0.1.0.0` (R's `compareVersion`).
 */
export const cranVersionScheme = defineVersionScheme({
  name: 'CRAN',
  read: (value) =>
    /^[0-9]+([.-][0-9]+)*$/.test(value)
      ? value.split(/[.-]/)
      : invalidVersion('expected numbers separated by "." or "-"'),
  order: compareDigitLists,
});
