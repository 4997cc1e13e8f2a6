export type { ParsedVersion, VersionOrder, VersionScheme } from './version-scheme.js';
export { compareVersions, type VersionComparison } from './version-comparison.js';
export { baseEcosystem, isEcosystem, osvEcosystems, type Ecosystem } from './ecosystem.js';
export {
  purlTypeVersionSchemes,
  semverVersionScheme,
  versionedPurlTypes,
  versionSchemeForEcosystem,
  versionSchemeForPurlType,
  versionSchemes,
  type VersionedPurlType,
} from './version-schemes.js';
export { apkVersionScheme } from './apk-version-scheme.js';
export { cranVersionScheme } from './cran-version-scheme.js';
export { cratesVersionScheme } from './crates-version-scheme.js';
export { dpkgVersionScheme } from './dpkg-version-scheme.js';
export { genericVersionScheme } from './generic-version-scheme.js';
export { goVersionScheme } from './go-version-scheme.js';
export { hackageVersionScheme } from './hackage-version-scheme.js';
export { hexVersionScheme } from './hex-version-scheme.js';
export { mavenVersionScheme } from './maven-version-scheme.js';
export { npmVersionScheme } from './npm-version-scheme.js';
export { nugetVersionScheme } from './nuget-version-scheme.js';
export { packagistVersionScheme } from './packagist-version-scheme.js';
export { pubVersionScheme } from './pub-version-scheme.js';
export { pypiVersionScheme } from './pypi-version-scheme.js';
export { rpmVersionScheme } from './rpm-version-scheme.js';
export { rubygemsVersionScheme } from './rubygems-version-scheme.js';
