import { AppError } from '../../core/app-error.js';

/**
 * CycloneDX versions this module reads: the 1.2–1.6 contract, 1.7 (whose schemas ship too) and
 * the XML-only 1.0/1.1, which real SBOMs still arrive in (no metadata or dependency graph then).
 */
export const cycloneDxVersions = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const;

export type CycloneDxVersion = (typeof cycloneDxVersions)[number];

/** The version every writer produces. */
export const cycloneDxWriteVersion: CycloneDxVersion = '1.6';

export function isCycloneDxVersion(value: string): value is CycloneDxVersion {
  return (cycloneDxVersions as readonly string[]).includes(value);
}

/** Narrows a document's `specVersion` (JSON) or namespace version (XML) to a supported one, or refuses it. */
export function requireCycloneDxVersion(value: string, path: string): CycloneDxVersion {
  if (isCycloneDxVersion(value)) return value;
  throw new AppError(
    'unsupported-version',
    `CycloneDX specVersion "${value}" is not supported (supported: ${cycloneDxVersions.join(', ')})`,
    { location: { path } },
  );
}

/** As `requireCycloneDxVersion`, for JSON documents: CycloneDX had no JSON encoding before 1.2. */
export function requireCycloneDxJsonVersion(value: string, path: string): CycloneDxVersion {
  const version = requireCycloneDxVersion(value, path);
  if (version === '1.0' || version === '1.1') {
    throw new AppError('unsupported-version', `CycloneDX ${version} has no JSON encoding (JSON starts with 1.2)`, {
      location: { path },
    });
  }
  return version;
}
