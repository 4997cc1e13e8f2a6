import { isAppError, type Diagnostic } from '../../core/app-error.js';
import { Cpe } from '../../core/cpe.js';
import { Purl } from '../../core/purl.js';
import type { ExternalReference, Property } from '../../core/sbom.js';
import type { SpdxFieldReader } from './spdx-field-reader.js';

/** What a package's external references (SPDX 2.3 §7.21, Annex F) contribute to a component. */
export interface SpdxIdentifiers {
  purl?: string;
  cpe?: string;
  readonly externalReferences: ExternalReference[];
  readonly properties: Property[];
  readonly warnings: Diagnostic[];
}

/** Property holding an external reference the model has no field for, as `CATEGORY TYPE LOCATOR` (the tag-value form). */
export const externalRefPropertyName = 'spdx:externalRef';

/**
 * CycloneDX external reference types that the writer puts into OTHER-category references and
 * the reader takes back; any other OTHER reference stays a property.
 */
export const cycloneDxReferenceTypes = new Set([
  'vcs',
  'issue-tracker',
  'website',
  'documentation',
  'support',
  'release-notes',
  'mailing-list',
  'social',
  'chat',
  'license',
  'build-system',
  'build-meta',
  'distribution',
  'distribution-intake',
  'source-distribution',
  'security-contact',
  'bom',
  'advisories',
  'other',
]);

/** Reads the package's external references: the first valid purl and CPE become identifiers. */
export function readSpdxIdentifiers(
  refs: readonly unknown[],
  pointer: string,
  reader: SpdxFieldReader,
): SpdxIdentifiers {
  const out: SpdxIdentifiers = { externalReferences: [], properties: [], warnings: [] };
  refs.forEach((raw, i) => {
    const at = `${pointer}/externalRefs/${i}`;
    const ref = reader.object(raw, at);
    const category = (reader.string(ref, 'referenceCategory', at) ?? '').replace('_', '-');
    const type = reader.string(ref, 'referenceType', at) ?? '';
    const locator = reader.string(ref, 'referenceLocator', at) ?? '';
    // Only the first purl / CPE is the identifier; an invalid one is kept as jointsec:invalid* and
    // the next one gets its chance. Later ones stay as `spdx:externalRef` properties.
    if (type === 'purl' && out.purl === undefined) {
      out.purl = normalized({ value: locator, kind: 'purl', at, out, reader });
    } else if (isCpeType(type) && out.cpe === undefined) {
      out.cpe = normalized({ value: locator, kind: 'cpe', at, out, reader });
    } else if (category === 'SECURITY' && type === 'advisory') {
      out.externalReferences.push({ type: 'advisories', url: locator });
    } else if (category === 'OTHER' && cycloneDxReferenceTypes.has(type)) {
      out.externalReferences.push({ type, url: locator });
    } else {
      out.properties.push({ name: externalRefPropertyName, value: `${category} ${type} ${locator}` });
    }
  });
  return out;
}

const isCpeType = (type: string): boolean => type === 'cpe23Type' || type === 'cpe22Type';

/** A canonical purl / normalized CPE; a bad one is a warning and stays visible as a property. */
function normalized(input: {
  value: string;
  kind: 'purl' | 'cpe';
  at: string;
  out: SpdxIdentifiers;
  reader: SpdxFieldReader;
}): string | undefined {
  const { value, kind, at, out, reader } = input;
  try {
    return kind === 'purl' ? Purl.canonicalize(value) : Cpe.normalize(value);
  } catch (error) {
    if (!isAppError(error)) throw error;
    out.warnings.push(
      reader.warn(
        `${at}/referenceLocator`,
        `${kind === 'purl' ? 'package URL' : 'CPE'} "${value}" ignored: ${error.message}`,
      ),
    );
    out.properties.push({ name: kind === 'purl' ? 'jointsec:invalidPurl' : 'jointsec:invalidCpe', value });
    return undefined;
  }
}
