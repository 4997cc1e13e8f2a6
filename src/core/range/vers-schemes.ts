import { apkVersionScheme } from '../version/apk-version-scheme.js';
import type { VersionScheme } from '../version/version-scheme.js';
import { semverVersionScheme, versionSchemeForPurlType } from '../version/version-schemes.js';

/**
 * `vers` versioning schemes that are not purl types. vers-spec "Some of the known versioning
 * schemes": by convention a scheme is the purl type (`npm`, `deb`, `golang`, …), which
 * `versionSchemeForPurlType` already covers; these are the spec's other names we can order.
 */
const extraVersSchemes: Readonly<Record<string, VersionScheme>> = {
  alpine: apkVersionScheme,
  semver: semverVersionScheme,
};

/**
 * The vers schemes whose range is fixed by the spec without any version: `vers:all/*` holds
 * every version, `vers:none/*` none.
 */
export const versUniversalSchemes = ['all', 'none'] as const;

/** The version ordering for a `vers` versioning scheme, or undefined when we have none. */
export function versionSchemeForVers(name: string): VersionScheme | undefined {
  if (name !== name.toLowerCase()) return undefined;
  return Object.hasOwn(extraVersSchemes, name) ? extraVersSchemes[name] : versionSchemeForPurlType(name);
}
