export { parseNvd, parseNvdValue } from './parse-nvd.js';
export { readCpeConfigurations, readLegacyCpeNodes } from './read-cpe-configurations.js';
export { referenceTypeFromTags } from './reference-type.js';
