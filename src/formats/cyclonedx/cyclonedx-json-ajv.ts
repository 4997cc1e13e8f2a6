import { _, Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import { jsonSchemaFileOf } from './cyclonedx-capabilities.js';
import { cycloneDxJsonFormats } from './cyclonedx-json-formats.js';
import { readCycloneDxSchemaFile } from './cyclonedx-schema-files.js';
import type { CycloneDxVersion } from './cyclonedx-version.js';
import { addLinearUniqueItems, useLinearUniqueItems } from './linear-unique-items.js';

/** The schemas a BOM schema references by relative file name, keyed by their resolved URI. */
export const referencedSchemaFiles: Readonly<Record<string, string>> = {
  'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': 'spdx.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': 'jsf-0.82.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': 'cryptography-defs.SNAPSHOT.schema.json',
};

/**
 * Compiles the official JSON schema of one CycloneDX version with ajv (0.6–0.9 s for 1.5–1.7).
 * The same configuration serves the runtime fallback and the precompiled modules
 * (`standalone: true` keeps the generated source and names formats by `cycloneDxJsonFormats`).
 */
export function compileCycloneDxJsonSchema(
  version: CycloneDxVersion,
  options: { readonly standalone?: boolean } = {},
): { ajv: Ajv; validate: ValidateFunction } {
  const schemas: Record<string, AnySchema> = {};
  for (const [uri, file] of Object.entries(referencedSchemaFiles)) {
    schemas[uri] = useLinearUniqueItems(JSON.parse(readCycloneDxSchemaFile(file)) as AnySchema);
  }
  const ajv = new Ajv({
    schemas,
    strict: false,
    allErrors: true,
    useDefaults: false,
    addUsedSchema: false,
    formats: cycloneDxJsonFormats,
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
    ...(options.standalone === true ? { code: { source: true, esm: true, formats: _`cycloneDxJsonFormats` } } : {}),
  });
  addLinearUniqueItems(ajv);
  const schema = JSON.parse(readCycloneDxSchemaFile(jsonSchemaFileOf(version))) as AnySchema;
  return { ajv, validate: ajv.compile(useLinearUniqueItems(schema)) };
}
