export { parseOsv, parseOsvValue, validateOsvRecord, type ParseOsvOptions } from './parse-osv.js';
export { parseOsvEcosystem, type OsvEcosystem } from './osv-ecosystem.js';
export { canonicalOsvPurl, deriveOsvPackagePurl } from './osv-package-purl.js';
export { osvStrictSchema, osvRecordSchema } from './osv-schema.js';
