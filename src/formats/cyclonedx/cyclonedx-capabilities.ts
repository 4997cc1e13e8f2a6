import type { CycloneDxVersion } from './cyclonedx-version.js';

/**
 * Per-version facts (today: where each version's official schemas are), consulted by the
 * validators instead of branching on version strings.
 */
export interface CycloneDxCapabilities {
  /** JSON schema file in @cyclonedx/cyclonedx-library/res/schema; none before 1.2 (XML only). */
  readonly jsonSchemaFile: string | undefined;
  /** XSD file in the same folder (it imports `spdx.SNAPSHOT.xsd`). */
  readonly xsdFile: string;
}

function capabilities(version: CycloneDxVersion): CycloneDxCapabilities {
  return { jsonSchemaFile: `bom-${version}.SNAPSHOT.schema.json`, xsdFile: `bom-${version}.SNAPSHOT.xsd` };
}

export const cycloneDxCapabilities: Record<CycloneDxVersion, CycloneDxCapabilities> = {
  '1.0': { jsonSchemaFile: undefined, xsdFile: 'bom-1.0.SNAPSHOT.xsd' },
  '1.1': { jsonSchemaFile: undefined, xsdFile: 'bom-1.1.SNAPSHOT.xsd' },
  '1.2': capabilities('1.2'),
  '1.3': capabilities('1.3'),
  '1.4': capabilities('1.4'),
  '1.5': capabilities('1.5'),
  '1.6': capabilities('1.6'),
  '1.7': capabilities('1.7'),
};

/** The JSON schema file of a version that has one (the JSON reader never sees 1.0/1.1). */
export function jsonSchemaFileOf(version: CycloneDxVersion): string {
  const file = cycloneDxCapabilities[version].jsonSchemaFile;
  if (file === undefined) throw new Error(`CycloneDX ${version} has no JSON schema`);
  return file;
}
