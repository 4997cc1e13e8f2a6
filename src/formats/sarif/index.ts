export { artifactUri } from './artifact-uri.js';
export { sarifFingerprintKey, sarifFingerprintOf } from './sarif-fingerprint.js';
export type { SarifCvss, SarifFinding, SarifInput, SarifScannedSbom, SarifTool } from './sarif-input.js';
export type { SarifLevel, SarifLog } from './sarif-log.js';
export { highestCvssScore, sarifLevelOf, securitySeverityOf } from './sarif-severity.js';
export { sarifSchemaUri, toSarifLog, writeSarif } from './write-sarif.js';
