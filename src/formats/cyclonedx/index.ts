export { cycloneDxReader, parseCycloneDx, validateCycloneDx } from './cyclonedx-reader.js';
export { detectCycloneDx } from './detect-cyclonedx.js';
export { cycloneDxVersions, cycloneDxWriteVersion, type CycloneDxVersion } from './cyclonedx-version.js';
export { fdaPropertyNames } from './fda-properties.js';
export { invalidIdentifierProperty } from './invalid-identifier-property.js';
export { validateCycloneDxXmlFiles } from './validate-cyclonedx-xml.js';
export { writeCycloneDxJson } from './write-cyclonedx-json.js';
export { writeCycloneDxXml } from './write-cyclonedx-xml.js';
