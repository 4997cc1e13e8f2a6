import { AppError } from '../../core/app-error.js';

/** CycloneDX versions this module reads: the 1.2–1.6 contract plus 1.7, whose schemas ship too. */
export const cycloneDxVersions = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;

export type CycloneDxVersion = (typeof cycloneDxVersions)[number];

/** The version every writer produces. */
export const cycloneDxWriteVersion: CycloneDxVersion = '1.6';

export function isCycloneDxVersion(value: string): value is CycloneDxVersion {
  return (cycloneDxVersions as readonly string[]).includes(value);
}

/**
 * Narrows a document's `specVersion` (JSON) or namespace version (XML) to a supported one,
 * or refuses it: 1.0/1.1 predate `dependencies`, `metadata` and JSON, so they are not read.
 */
export function requireCycloneDxVersion(value: string, path: string): CycloneDxVersion {
  if (isCycloneDxVersion(value)) return value;
  throw new AppError(
    'unsupported-version',
    `CycloneDX specVersion "${value}" is not supported (supported: ${cycloneDxVersions.join(', ')})`,
    { location: { path } },
  );
}
