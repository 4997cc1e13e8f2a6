/** The CSAF versions this importer reads. */
export const csafVersions = ['2.0', '2.1'] as const;

/**
 * True when `value` declares itself a CSAF document of a version we read: an object whose
 * `document.csaf_version` is `2.0` (OASIS Standard) or `2.1` (committee draft). Cheap, for
 * telling a CSAF upload from an OSV, CVE or VEX one before parsing it.
 */
export function isCsafDocument(value: unknown): boolean {
  return csafVersionOf(value) !== undefined && (csafVersions as readonly unknown[]).includes(csafVersionOf(value));
}

/** `document.csaf_version` when `value` has one, whatever its value. */
export function csafVersionOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const document = (value as Record<string, unknown>)['document'];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return undefined;
  return (document as Record<string, unknown>)['csaf_version'];
}
