import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The official CycloneDX schemas shipped in @cyclonedx/cyclonedx-library (res/schema):
 * JSON schemas 1.2–1.7 with the SPDX-id, JSF and cryptography-defs schemas they reference,
 * and the XSDs with the SPDX XSD they import. Read from node_modules, never fetched.
 */
export const cycloneDxSchemaDir = join(
  dirname(createRequire(import.meta.url).resolve('@cyclonedx/cyclonedx-library/package.json')),
  'res',
  'schema',
);

/** The text of one schema file. */
export function readCycloneDxSchemaFile(fileName: string): string {
  return readFileSync(join(cycloneDxSchemaDir, fileName), 'utf8');
}
