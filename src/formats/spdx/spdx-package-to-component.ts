import type { Diagnostic } from '../../core/app-error.js';
import { newComponent, type Component, type ExternalReference, type Hash, type Property } from '../../core/sbom.js';
import { readLevelOfSupport, readPropertyAnnotation } from './fda-annotation.js';
import type { JsonObject } from './json-value.js';
import { SpdxChecksumAlgorithm, spdxChecksumPropertyPrefix } from './spdx-checksum-algorithm.js';
import { readSpdxIdentifiers } from './spdx-external-refs.js';
import type { SpdxFieldReader } from './spdx-field-reader.js';
import { purposePropertyName, SpdxPackagePurpose } from './spdx-package-purpose.js';

/** SPDX fields kept as properties so an SPDX export can restore them. */
export const spdxPackageProperties = {
  originator: 'spdx:originator',
  releaseDate: 'spdx:releaseDate',
  builtDate: 'spdx:builtDate',
} as const;

/** NOASSERTION / NONE (SPDX 2.3 §3.2 "special values") say nothing the model can hold. */
const assertive = (value: string | undefined): string | undefined =>
  value === undefined || value === 'NOASSERTION' || value === 'NONE' || value.trim() === '' ? undefined : value;

/** `Organization: ACME (ops@acme.example)` → `ACME (ops@acme.example)` (SPDX 2.3 §7.5). */
export function stripAgentPrefix(value: string): string {
  return value.replace(/^(Person|Organization|Tool):\s*/, '').replace(/\s*\(\s*\)$/, '');
}

/** Maps one SPDX package (SPDX 2.3 §7) to a model component. */
export function spdxPackageToComponent(
  pkg: JsonObject,
  pointer: string,
  reader: SpdxFieldReader,
): { component: Component; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const s = (key: string): string | undefined => reader.string(pkg, key, pointer);
  const ref = s('SPDXID') ?? reader.fail(`${pointer}/SPDXID`, 'package has no SPDXID');
  let name = s('name');
  if (name === undefined && typeof pkg['packageName'] === 'string') {
    // Some generators wrote the tag-value tag name (`packageName`) as the JSON key.
    name = pkg['packageName'];
    warnings.push(reader.warn(`${pointer}/packageName`, 'package name given as "packageName" instead of "name"'));
  }
  if (name === undefined) reader.fail(`${pointer}/name`, 'package has no name');

  const properties: Property[] = [];
  const hashes: Hash[] = [];
  reader.array(pkg, 'checksums', pointer).forEach((raw, i) => {
    const at = `${pointer}/checksums/${i}`;
    const checksum = reader.object(raw, at);
    const alg = reader.string(checksum, 'algorithm', at) ?? '';
    const value = reader.string(checksum, 'checksumValue', at) ?? '';
    const cdx = SpdxChecksumAlgorithm.toCycloneDx(alg);
    if (cdx) hashes.push({ alg: cdx, value });
    else properties.push({ name: `${spdxChecksumPropertyPrefix}${alg}`, value });
  });

  const ids = readSpdxIdentifiers(reader.array(pkg, 'externalRefs', pointer), pointer, reader);
  warnings.push(...ids.warnings);
  const externalReferences: ExternalReference[] = [];
  const homepage = assertive(s('homepage'));
  if (homepage) externalReferences.push({ type: 'website', url: homepage });
  const download = assertive(s('downloadLocation'));
  if (download) externalReferences.push({ type: 'distribution', url: download });
  externalReferences.push(...ids.externalReferences);
  properties.push(...ids.properties);

  let type = 'library';
  const purpose = s('primaryPackagePurpose');
  if (purpose !== undefined) {
    const mapped = SpdxPackagePurpose.toComponentType(purpose);
    type = mapped.type;
    if (mapped.lossy) properties.push({ name: purposePropertyName, value: purpose });
  }
  for (const [field, property] of Object.entries(spdxPackageProperties)) {
    const value = assertive(s(field));
    if (value) properties.push({ name: property, value });
  }

  const annotationComments = reader.array(pkg, 'annotations', pointer).map((raw, i) => {
    const at = `${pointer}/annotations/${i}`;
    return reader.string(reader.object(raw, at), 'comment', at) ?? '';
  });
  for (const comment of annotationComments) {
    const property = readPropertyAnnotation(comment);
    if (property) properties.push(property);
  }

  const component = newComponent({
    ref,
    name: name ?? '',
    type,
    hashes,
    externalReferences,
    properties,
    ...optional('version', s('versionInfo')),
    ...optional('supplier', mapOptional(assertive(s('supplier')), stripAgentPrefix)),
    ...optional('purl', ids.purl),
    ...optional('cpe', ids.cpe),
    // Concluded is the reviewer's finding; declared is what the supplier states (SPDX 2.3 §7.13, §7.15).
    ...optional('license', assertive(s('licenseConcluded')) ?? assertive(s('licenseDeclared'))),
    ...optional('description', s('description') ?? s('summary')),
    ...optional('copyright', assertive(s('copyrightText'))),
    ...optional('levelOfSupport', readLevelOfSupport(annotationComments, s('comment'))),
    ...optional('endOfSupportDate', assertive(s('validUntilDate'))),
  });
  return { component, warnings };
}

const mapOptional = <T, U>(value: T | undefined, fn: (v: T) => U): U | undefined =>
  value === undefined ? undefined : fn(value);

/** `{ key: value }` when value is defined, `{}` otherwise (exactOptionalPropertyTypes-friendly). */
function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
