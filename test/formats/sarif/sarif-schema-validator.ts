import { readFileSync } from 'node:fs';
import { Ajv, type AnySchema, type ErrorObject } from 'ajv';
import { cycloneDxJsonFormats } from '../../../src/formats/cyclonedx/cyclonedx-json-formats.js';

/**
 * The official OASIS SARIF 2.1.0 schema (errata 01, see fixtures/README.md), compiled by ajv.
 * The file is draft-04 and kept verbatim; ajv 8 speaks draft-07, and the only draft-04 trait
 * this schema uses is `id` for the schema id, so it is renamed to `$id` and `$schema` dropped.
 */
const schemaFile = new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url);

function compile() {
  const raw = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<string, unknown>;
  const { $schema: _draft04, id, ...rest } = raw;
  const ajv = new Ajv({ strict: false, allErrors: true, formats: cycloneDxJsonFormats });
  return ajv.compile({ $id: id, ...rest } as AnySchema);
}

let validate: ReturnType<typeof compile> | undefined;

/** Schema errors as `path message` lines; empty when the log is valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  validate ??= compile();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
