export { parseEpss, type EpssParseResult } from './parse-epss.js';
