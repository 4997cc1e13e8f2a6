export { parseCsaf, parseCsafValue, type ParseCsafOptions } from './parse-csaf.js';
export { csafVersions, isCsafDocument } from './is-csaf-document.js';
export { readCsafRange, type CsafVersionSpec } from './csaf-version-range.js';
