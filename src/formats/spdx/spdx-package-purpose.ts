/**
 * SPDX 2.3 §7.24 primaryPackagePurpose ↔ CycloneDX component type. Purposes CycloneDX has no
 * type for (SOURCE, ARCHIVE, INSTALL, OTHER) become `library` and keep the original in the
 * `spdx:primaryPackagePurpose` property so an SPDX export can restore it.
 */
const purposeToType: Record<string, string> = {
  APPLICATION: 'application',
  FRAMEWORK: 'framework',
  LIBRARY: 'library',
  CONTAINER: 'container',
  OPERATING_SYSTEM: 'operating-system',
  DEVICE: 'device',
  FIRMWARE: 'firmware',
  FILE: 'file',
};

const typeToPurpose = new Map(Object.entries(purposeToType).map(([purpose, type]) => [type, purpose]));

export const purposePropertyName = 'spdx:primaryPackagePurpose';

export const SpdxPackagePurpose = {
  /** The CycloneDX type, and whether the mapping lost information; accepts `OPERATING-SYSTEM` (tag-value) too. */
  toComponentType(purpose: string): { type: string; lossy: boolean } {
    const type = purposeToType[purpose.replaceAll('-', '_')];
    return type ? { type, lossy: false } : { type: 'library', lossy: true };
  },
  /** The JSON enum value for a CycloneDX type, or undefined when SPDX has none (e.g. `data`). */
  fromComponentType: (type: string): string | undefined => typeToPurpose.get(type),
};
