import type { ErrorObject, ValidateFunction } from 'ajv';
import { isAppError, type Diagnostic } from '../../core/app-error.js';
import type { SbomInput } from '../sbom/sbom-text.js';
import { compileCycloneDxJsonSchema } from './cyclonedx-json-ajv.js';
import type { CycloneDxVersion } from './cyclonedx-version.js';
import { parseJsonDocument } from './parse-json-document.js';
import { loadPrecompiledValidator } from './precompiled-validators.js';

/**
 * Validates a CycloneDX JSON document against the official draft-07 schema of its version.
 * Each version's validator is loaded once per process: precompiled for 1.5–1.7 (≈50 ms, see
 * precompiled-validators.ts), else compiled by ajv (≈200 ms for 1.2–1.4); validating is then
 * linear in the document (`uniqueItems` is checked by hashing, see linear-unique-items.ts).
 * The schema-relative `$ref`s to the SPDX-id, JSF and cryptography-defs schemas resolve to
 * the copies shipped beside the BOM schemas; nothing is fetched.
 */
export async function validateCycloneDxJson(input: SbomInput, version: CycloneDxVersion): Promise<Diagnostic[]> {
  let document: unknown;
  try {
    document = parseJsonDocument(input);
  } catch (error) {
    if (isAppError(error)) return [{ severity: 'error', path: error.location?.path ?? '', message: error.message }];
    throw error;
  }
  return validateCycloneDxJsonValue(document, version);
}

/** The same check for an already parsed document. */
export async function validateCycloneDxJsonValue(document: unknown, version: CycloneDxVersion): Promise<Diagnostic[]> {
  const validate = await validatorFor(version);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, maxDiagnostics).map(toDiagnostic);
}

const maxDiagnostics = 200;
const validators = new Map<CycloneDxVersion, Promise<ValidateFunction>>();

function validatorFor(version: CycloneDxVersion): Promise<ValidateFunction> {
  let validate = validators.get(version);
  if (validate === undefined) {
    validate = loadValidator(version);
    validators.set(version, validate);
  }
  return validate;
}

async function loadValidator(version: CycloneDxVersion): Promise<ValidateFunction> {
  return (await loadPrecompiledValidator(version)) ?? compileCycloneDxJsonSchema(version).validate;
}

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
