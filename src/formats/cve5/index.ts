export { parseCve5, parseCve5Value } from './parse-cve5.js';
export { collectionPurl } from './cve5-collection-purl.js';
