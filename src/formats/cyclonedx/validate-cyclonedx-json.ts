import { createRequire } from 'node:module';
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { isAppError, type Diagnostic } from '../../core/app-error.js';
import { cycloneDxCapabilities } from './cyclonedx-capabilities.js';
import { readCycloneDxSchemaFile } from './cyclonedx-schema-files.js';
import { addLinearUniqueItems, useLinearUniqueItems } from './linear-unique-items.js';
import type { CycloneDxVersion } from './cyclonedx-version.js';
import { parseJsonDocument } from './parse-json-document.js';

/**
 * Validates a CycloneDX JSON document against the official draft-07 schema of its version.
 * Each version's validator is compiled once (≈200 ms) and cached; validating is then linear
 * in the document (`uniqueItems` is checked by hashing, see linear-unique-items.ts). The schema-relative `$ref`s to the SPDX-id, JSF and cryptography-defs
 * schemas resolve to the copies shipped beside the BOM schemas; nothing is fetched.
 */
export function validateCycloneDxJson(text: string, version: CycloneDxVersion): Diagnostic[] {
  let document: unknown;
  try {
    document = parseJsonDocument(text);
  } catch (error) {
    if (isAppError(error)) return [{ severity: 'error', path: error.location?.path ?? '', message: error.message }];
    throw error;
  }
  return validateCycloneDxJsonValue(document, version);
}

/** The same check for an already parsed document. */
export function validateCycloneDxJsonValue(document: unknown, version: CycloneDxVersion): Diagnostic[] {
  const validate = validatorFor(version);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, maxDiagnostics).map(toDiagnostic);
}

const maxDiagnostics = 200;
const validators = new Map<CycloneDxVersion, ValidateFunction>();

function validatorFor(version: CycloneDxVersion): ValidateFunction {
  let validate = validators.get(version);
  if (validate === undefined) {
    validate = compile(version);
    validators.set(version, validate);
  }
  return validate;
}

/** The schemas a BOM schema references by relative file name, keyed by their resolved URI. */
const referencedSchemas = {
  'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json': 'spdx.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json': 'jsf-0.82.SNAPSHOT.schema.json',
  'http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json': 'cryptography-defs.SNAPSHOT.schema.json',
};

function compile(version: CycloneDxVersion): ValidateFunction {
  const schemas: Record<string, AnySchema> = {};
  for (const [uri, file] of Object.entries(referencedSchemas)) {
    schemas[uri] = useLinearUniqueItems(JSON.parse(readCycloneDxSchemaFile(file)) as AnySchema);
  }
  const ajv = new Ajv({
    schemas,
    strict: false,
    allErrors: true,
    useDefaults: false,
    addUsedSchema: false,
    loadSchema: (uri: string) => Promise.reject(new Error(`remote schemas are disabled: ${uri}`)),
  });
  addFormats.default(ajv);
  addLinearUniqueItems(ajv);
  ajv.addFormat('idn-email', idnEmail);
  // An IRI reference may be almost any string (RFC 3987 §2.2); the schema's own patterns do the rest.
  ajv.addFormat('iri-reference', true);
  const schema = JSON.parse(readCycloneDxSchemaFile(cycloneDxCapabilities[version].jsonSchemaFile)) as AnySchema;
  return ajv.compile(useLinearUniqueItems(schema));
}

/** RFC 6531 internationalized e-mail, as ajv-formats-draft2019 checks it. */
const idnEmail = createRequire(import.meta.url)('ajv-formats-draft2019/formats/idn-email.js') as (s: string) => boolean;

function toDiagnostic(error: ErrorObject): Diagnostic {
  const detail = describeParams(error);
  return {
    severity: 'error',
    path: error.instancePath === '' ? '/' : error.instancePath,
    message: `${error.message ?? 'is invalid'}${detail === '' ? '' : ` (${detail})`}`,
  };
}

function describeParams(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const allowed = params.allowedValues;
  if (Array.isArray(allowed)) {
    return allowed.length <= 20
      ? `allowed: ${allowed.map(String).join(', ')}`
      : `not one of the ${allowed.length} allowed values`;
  }
  if (typeof params.additionalProperty === 'string') return `property "${params.additionalProperty}"`;
  return '';
}
