export {
  affectedEntriesFor,
  buildAdvisoryIndex,
  configurationsFor,
  vendorProductOf,
  type AdvisoryIndex,
  type AdvisoryIndexOptions,
  type IndexedAffected,
  type IndexedConfiguration,
  type UnkeyedEntry,
} from './advisory-index.js';
export {
  componentTarget,
  type ComponentTarget,
  type IdentityMapping,
  type ManualIdentity,
} from './component-target.js';
export { distroRulesByEcosystem, type DistroRule } from './distro-release.js';
export type {
  AffectedEntryEvidence,
  CpeConfigurationEvidence,
  Finding,
  FindingComponent,
  FindingEvidence,
  FindingStatus,
  MatchConfidence,
} from './finding.js';
export { matchComponent, type MatchComponentOptions } from './match-component.js';
export type { PlatformCpe, PlatformCpes } from './match-cpe-configurations.js';
export { compareFindings, matchSbom, platformCpesOf, type MatchSbomOptions } from './match-sbom.js';
export {
  distroPackageKey,
  everyRelease,
  languagePackageKey,
  packageKeyOfAffected,
  packageKeyOfPurl,
  type PackageKey,
} from './package-key.js';
export { matchKeyOfComponent, matchKeyOfPackage, matchKeysOfVulnerability, type MatchKey } from './match-keys.js';
