import { AppError } from '../../core/app-error.js';
import { requireCycloneDxJsonVersion, type CycloneDxVersion } from './cyclonedx-version.js';
import type { JsonObject } from './typed-field.js';

/**
 * Checks the two header fields of a CycloneDX JSON BOM (CycloneDX 1.2+ §bomFormat,
 * §specVersion) and returns the version. Called only once a document has shown it means to be
 * CycloneDX, so a wrong `bomFormat` or an unknown version is an error, not "some other format".
 */
export function readCycloneDxJsonHeader(bom: JsonObject): CycloneDxVersion {
  const { bomFormat, specVersion } = bom;
  if (bomFormat !== 'CycloneDX') {
    throw new AppError('invalid-input', `/bomFormat: must be "CycloneDX", found ${JSON.stringify(bomFormat)}`, {
      location: { path: '/bomFormat' },
    });
  }
  if (typeof specVersion !== 'string') {
    throw new AppError(
      'invalid-input',
      `/specVersion: must be a string such as "1.6", found ${JSON.stringify(specVersion)}`,
      {
        location: { path: '/specVersion' },
      },
    );
  }
  return requireCycloneDxJsonVersion(specVersion, '/specVersion');
}

/** The version in a CycloneDX XML namespace `http://cyclonedx.org/schema/bom/1.N`, if it is one. */
export function cycloneDxNamespaceVersion(namespace: string | undefined): string | undefined {
  return namespace === undefined ? undefined : /^https?:\/\/cyclonedx\.org\/schema\/bom\/(.+)$/.exec(namespace)?.[1];
}
