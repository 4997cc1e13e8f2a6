import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { compareDigitLists } from './digit-list.js';

/**
 * Hackage: Cabal's `Version` is a non-empty list of non-negative integers separated by dots,
 * ordered as a list (`0.1.0` < `0.1.0.0`). Tags (`-foo`) are deprecated and refused.
 */
export const hackageVersionScheme = defineVersionScheme({
  name: 'Hackage',
  read: (value) =>
    /^[0-9]+(\.[0-9]+)*$/.test(value) ? value.split('.') : invalidVersion('expected numbers separated by dots'),
  order: compareDigitLists,
});
