import { compareApkVersions } from './apk-version-compare.js';
import { defineVersionScheme } from './define-version-scheme.js';

/**
 * Alpine (and the apk family: Wolfi, Chainguard, Alpaquita, …): apk-tools version order,
 * `number{.number}[letter]{_suffix[number]}[-rN]`. Like `apk version -t`, it orders any
 * non-empty string without whitespace (malformed tails sort by apk's token rules).
 */
export const apkVersionScheme = defineVersionScheme<string>({
  name: 'apk',
  read: (value) => value,
  order: compareApkVersions,
});
