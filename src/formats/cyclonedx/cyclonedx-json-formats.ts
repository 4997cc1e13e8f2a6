import { createRequire } from 'node:module';
import type { Format } from 'ajv';

const require = createRequire(import.meta.url);
const { fullFormats } = require('ajv-formats/dist/formats.js') as { fullFormats: Record<string, Format> };
/** RFC 6531 internationalized e-mail, as ajv-formats-draft2019 checks it. */
const idnEmail = require('ajv-formats-draft2019/formats/idn-email.js') as (s: string) => boolean;

/**
 * Every JSON-schema `format` the CycloneDX schemas use, by name: ajv-formats' full set plus
 * the two draft-2019 formats. One object, so runtime-compiled validators and precompiled
 * modules (which import it) check formats identically.
 */
export const cycloneDxJsonFormats: Readonly<Record<string, Format>> = {
  ...fullFormats,
  'idn-email': idnEmail,
  // An IRI reference may be almost any string (RFC 3987 §2.2); the schema's own patterns do the rest.
  'iri-reference': true,
};
