export { cvssSeverity, type CvssSeverity } from './cvss-severity.js';
export {
  cvssMetricTables,
  type CvssMetricDefinition,
  type CvssMetricGroup,
  type CvssMetricTable,
} from './cvss-metric-definitions.js';
export {
  parseCvssVector,
  type CvssVectorError,
  type CvssVectorParse,
  type ParsedCvssVector,
} from './parse-cvss-vector.js';
export {
  scoreCvss,
  scoreParsedCvss,
  type CvssNomenclature,
  type CvssScoreError,
  type CvssScoreResult,
  type CvssScores,
} from './score-cvss.js';
