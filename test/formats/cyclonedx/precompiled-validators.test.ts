import { describe, expect, it } from 'vitest';
import { compileCycloneDxJsonSchema } from '../../../src/formats/cyclonedx/cyclonedx-json-ajv.js';
import {
  cycloneDxSchemaDigest,
  loadPrecompiledValidator,
  precompiledVersions,
  type PrecompiledValidatorModule,
  type PrecompiledVersion,
} from '../../../src/formats/cyclonedx/precompiled-validators.js';
import { codeDigest, standaloneValidatorCode } from '../../../src/formats/cyclonedx/write-precompiled-validators.js';

const generated: Record<PrecompiledVersion, () => Promise<unknown>> = {
  '1.5': () => import('../../../src/formats/cyclonedx/generated/bom-1.5-validator.js'),
  '1.6': () => import('../../../src/formats/cyclonedx/generated/bom-1.6-validator.js'),
  '1.7': () => import('../../../src/formats/cyclonedx/generated/bom-1.7-validator.js'),
};

async function generatedModule(version: PrecompiledVersion): Promise<PrecompiledValidatorModule> {
  return (await generated[version]()) as PrecompiledValidatorModule;
}

const regenerate = 'regenerate with `npx tsx src/formats/cyclonedx/write-precompiled-validators.ts`';

describe.each(precompiledVersions)('precompiled CycloneDX %s JSON validator', (version) => {
  it('is generated from the current schemas, ajv and keyword code', async () => {
    const module = await generatedModule(version);
    expect(module.inputsDigest, regenerate).toBe(cycloneDxSchemaDigest(version));
    expect(module.codeDigest, regenerate).toBe(codeDigest(standaloneValidatorCode(version)));
  }, 30_000);

  it('is the one the validator loads', async () => {
    expect(await loadPrecompiledValidator(version)).toBe((await generatedModule(version)).validate);
  });

  it('reports what the runtime-compiled schema reports', async () => {
    const precompiled = (await generatedModule(version)).validate;
    const { validate: compiled } = compileCycloneDxJsonSchema(version);
    const lib = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'library', name, ...extra });
    const documents = [
      { bomFormat: 'CycloneDX', specVersion: version, version: 1, components: [lib('a'), lib('b')] },
      // uniqueItems (linear keyword), enum, pattern, date-time and idn-email formats, additionalProperties
      { bomFormat: 'CycloneDX', specVersion: version, components: [lib('a'), lib('a')] },
      { bomFormat: 'CycloneDX', specVersion: version, components: [lib('a', { type: 'gadget' })] },
      {
        bomFormat: 'CycloneDX',
        specVersion: version,
        components: [lib('a', { hashes: [{ alg: 'MD5', content: 'x' }] })],
      },
      { bomFormat: 'CycloneDX', specVersion: version, metadata: { timestamp: 'yesterday' } },
      { bomFormat: 'CycloneDX', specVersion: version, metadata: { authors: [{ name: 'a', email: 'not an email' }] } },
      { bomFormat: 'CycloneDX', specVersion: version, extra: true },
    ];
    for (const document of documents) {
      const expected = compiled(document);
      expect(precompiled(document), JSON.stringify(document)).toBe(expected);
      expect(precompiled.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(documents.filter((d) => !compiled(d))).toHaveLength(documents.length - 1);
  }, 30_000);
});
