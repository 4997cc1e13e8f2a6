export { spdxReader } from './spdx-reader.js';
export { writeSpdxJson, type WriteSpdxOptions } from './write-spdx-json.js';
export { deliberateDifferences as spdxSchemaDeliberateDifferences, spdxJsonSchema } from './spdx-schema.js';
export { spdxVersionProfiles, type SpdxVersion, type SpdxVersionProfile } from './spdx-version-profile.js';
export { levelOfSupportPrefix, propertyAnnotationPrefix } from './fda-annotation.js';
