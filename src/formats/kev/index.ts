export { parseKevCsv, parseKevJson, type KevParseResult } from './parse-kev.js';
export { readCsv, type CsvRow } from './read-csv.js';
