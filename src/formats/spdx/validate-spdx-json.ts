import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../../core/app-error.js';
import { isJsonObject, pointerSegment } from './json-value.js';
import { spdxJsonSchema } from './spdx-schema.js';
import { spdxSpecRules } from './spdx-spec-rules.js';
import type { SpdxVersion, SpdxVersionProfile } from './spdx-version-profile.js';

const compiled = new Map<SpdxVersion, ValidateFunction>();

function validatorFor(profile: SpdxVersionProfile): ValidateFunction {
  let fn = compiled.get(profile.version);
  if (!fn) {
    fn = new Ajv({ allErrors: true, strict: true }).compile(spdxJsonSchema(profile));
    compiled.set(profile.version, fn);
  }
  return fn;
}

/** Turns one ajv error into a diagnostic whose path points at the offending field itself. */
function toDiagnostic(error: ErrorObject): Diagnostic {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required')
    return {
      severity: 'error',
      path: `${error.instancePath}/${pointerSegment(String(params['missingProperty']))}`,
      message: 'required field is missing',
    };
  if (error.keyword === 'additionalProperties')
    return {
      severity: 'error',
      path: `${error.instancePath}/${pointerSegment(String(params['additionalProperty']))}`,
      message: 'field is not part of the SPDX model',
    };
  const allowed = error.keyword === 'enum' ? `: ${(params['allowedValues'] as unknown[]).join(', ')}` : '';
  const constant = error.keyword === 'const' ? ` "${String(params['allowedValue'])}"` : '';
  return {
    severity: 'error',
    path: error.instancePath || '/',
    message: `${error.message ?? error.keyword}${constant}${allowed}`,
  };
}

/** Validates a parsed SPDX JSON document against our schema (errors) and the softer spec rules (warnings). */
export function validateSpdxJson(doc: unknown, profile: SpdxVersionProfile): Diagnostic[] {
  const validate = validatorFor(profile);
  const errors = validate(doc) ? [] : (validate.errors ?? []).map(toDiagnostic);
  const warnings = isJsonObject(doc) ? spdxSpecRules.flatMap((rule) => rule.run(doc, profile)) : [];
  return [...errors, ...warnings];
}
