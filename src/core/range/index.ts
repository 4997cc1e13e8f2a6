export type { RangeStatus, RangeVerdict } from './range-verdict.js';
export { containsVersion, formatVers, parseVers, type Vers, type VersComparator, type VersConstraint } from './vers.js';
export { versionSchemeForVers } from './vers-schemes.js';
export { evaluateOsvRange, type OsvRangeInput, type OsvRangeOptions } from './osv-range.js';
export { evaluateOsvAffected, type OsvAffectedInput, type OsvAffectedOptions } from './osv-affected.js';
export {
  indexOsvAffected,
  type OsvAffectedHit,
  type OsvAffectedIndex,
  type OsvAffectedIndexOptions,
} from './osv-affected-index.js';
export type { OsvEventInput, OsvEventKind } from './osv-range-event.js';
export {
  evaluateCpeMatch,
  matchCpeCriterion,
  type CpeComponentInput,
  type CpeCriterionOutcome,
  type CpeMatchInput,
  type CpeMatchOptions,
} from './cpe-range.js';
export {
  evaluateCpeConfiguration,
  type CpeConfigurationInput,
  type CpeConfigurationVerdict,
  type CpeCriterionHit,
  type CpeNodeInput,
} from './cpe-configuration.js';
