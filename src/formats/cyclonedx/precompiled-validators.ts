import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { jsonSchemaFileOf } from './cyclonedx-capabilities.js';
import { referencedSchemaFiles } from './cyclonedx-json-ajv.js';
import { readCycloneDxSchemaFile } from './cyclonedx-schema-files.js';
import type { CycloneDxVersion } from './cyclonedx-version.js';

/**
 * Compiling the 1.5–1.7 JSON schemas with ajv costs 0.6–0.9 s per process, most of a 10k
 * component import's 1 s budget. These versions therefore ship as ajv standalone modules in
 * `generated/`, written by write-precompiled-validators.ts (never edited by hand); loading
 * one takes ≈ 40–70 ms. Older versions are small and still compile at first use.
 */
export const precompiledVersions = ['1.5', '1.6', '1.7'] as const satisfies readonly CycloneDxVersion[];
export type PrecompiledVersion = (typeof precompiledVersions)[number];

/** What a generated module exports. */
export interface PrecompiledValidatorModule {
  readonly validate: ValidateFunction;
  /** cycloneDxSchemaDigest(version) when the module was generated. */
  readonly inputsDigest: string;
  /** sha256 of the generated validator code, so a test can tell a stale module from a reformatted one. */
  readonly codeDigest: string;
}

const modules: Record<PrecompiledVersion, () => Promise<unknown>> = {
  '1.5': () => import('./generated/bom-1.5-validator.js'),
  '1.6': () => import('./generated/bom-1.6-validator.js'),
  '1.7': () => import('./generated/bom-1.7-validator.js'),
};

/**
 * The precompiled validator of a version, or undefined when there is none or it was generated
 * from other inputs (another ajv, updated schema files): then the caller compiles at runtime,
 * slower but never wrong.
 */
export async function loadPrecompiledValidator(version: CycloneDxVersion): Promise<ValidateFunction | undefined> {
  if (!isPrecompiled(version)) return undefined;
  const module = (await modules[version]()) as PrecompiledValidatorModule;
  return module.inputsDigest === cycloneDxSchemaDigest(version) ? module.validate : undefined;
}

export function isPrecompiled(version: CycloneDxVersion): version is PrecompiledVersion {
  return (precompiledVersions as readonly string[]).includes(version);
}

/** sha256 over the ajv version and every schema file the version's validator is compiled from. */
export function cycloneDxSchemaDigest(version: CycloneDxVersion): string {
  const hash = createHash('sha256');
  const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;
  hash.update(`ajv ${ajvVersion}\n`);
  for (const file of [jsonSchemaFileOf(version), ...Object.values(referencedSchemaFiles)]) {
    hash.update(`${file}\n`).update(readCycloneDxSchemaFile(file)).update('\n');
  }
  return hash.digest('hex');
}
