import { createHash } from 'node:crypto';
import type { Component, Property, Sbom } from '../../core/sbom.js';
import { levelOfSupportPrefix, propertyAnnotationPrefix } from './fda-annotation.js';
import type { JsonObject } from './json-value.js';
import { SpdxChecksumAlgorithm, spdxChecksumPropertyPrefix } from './spdx-checksum-algorithm.js';
import { externalRefPropertyName } from './spdx-external-refs.js';
import { spdxIdAssigner } from './spdx-identifier.js';
import { purposePropertyName, SpdxPackagePurpose } from './spdx-package-purpose.js';
import { spdxPackageProperties } from './spdx-package-to-component.js';

export interface WriteSpdxOptions {
  /** Creation time when the model has no timestamp; defaults to now. */
  readonly now?: () => Date;
}

/** Properties that map back onto SPDX fields instead of travelling as annotations. */
const nativeProperty = (name: string): boolean =>
  name.startsWith(spdxChecksumPropertyPrefix) ||
  [
    externalRefPropertyName,
    purposePropertyName,
    'jointsec:invalidPurl',
    'jointsec:invalidCpe',
    ...Object.values(spdxPackageProperties),
  ].includes(name);

/** SPDX dates are `YYYY-MM-DDThh:mm:ssZ` (SPDX 2.3 §6.9). */
function spdxDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const withPrefix = (agent: string, fallback: 'Organization' | 'Tool'): string =>
  /^(Person|Organization|Tool):/.test(agent) ? agent : `${fallback}: ${agent}`;

/**
 * Writes the model as SPDX 2.3 JSON. Hashes become checksums, purl/CPE external refs, the FDA
 * end-of-support date `validUntilDate` and the level of support an `fda:levelOfSupport=`
 * annotation (see fda-annotation.ts), dependency edges DEPENDS_ON relationships and the
 * subject the target of the document's DESCRIBES relationship.
 */
export function writeSpdxJson(sbom: Sbom, options: WriteSpdxOptions = {}): string {
  const created = spdxDate(sbom.metadata.timestamp ?? (options.now ?? (() => new Date()))().toISOString());
  const idOf = spdxIdAssigner();
  const all = sbom.subject ? [sbom.subject, ...sbom.components] : [...sbom.components];
  const packages = all.map((c) => writePackage(c, { id: idOf(c.ref), created }));
  const known = new Set(all.map((c) => c.ref));
  const relationships: JsonObject[] = [];
  if (sbom.subject)
    relationships.push({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: idOf(sbom.subject.ref),
    });
  for (const edge of sbom.dependencies)
    if (known.has(edge.from) && known.has(edge.to))
      relationships.push({
        spdxElementId: idOf(edge.from),
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: idOf(edge.to),
      });

  const creators = [
    ...sbom.metadata.authors.map((a) => withPrefix(a, 'Organization')),
    ...sbom.metadata.tools.map((t) => withPrefix(t, 'Tool')),
  ];
  const name = sbom.metadata.name ?? sbom.subject?.name ?? 'sbom';
  const doc: JsonObject = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name,
    documentNamespace: sbom.metadata.serialNumber ?? deterministicNamespace(name, packages, relationships),
    creationInfo: { created, creators: creators.length > 0 ? creators : ['Tool: jointsec'] },
    packages,
    relationships,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A namespace derived from the content, so writing the same model twice gives the same document (§6.5 asks for uniqueness). */
function deterministicNamespace(name: string, packages: unknown, relationships: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify({ name, packages, relationships }))
    .digest('hex')
    .slice(0, 32);
  const slug = name.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'sbom';
  return `https://jointsec.invalid/spdxdocs/${slug}-${digest}`;
}

function writePackage(c: Component, context: { id: string; created: string }): JsonObject {
  const prop = (name: string): string | undefined => c.properties.find((p) => p.name === name)?.value;
  const props = (name: string): Property[] => c.properties.filter((p) => p.name === name);
  const website = c.externalReferences.find((r) => r.type === 'website');
  const distribution = c.externalReferences.find((r) => r.type === 'distribution');

  const checksums = [
    ...c.hashes.flatMap((h) => {
      const algorithm = SpdxChecksumAlgorithm.fromCycloneDx(h.alg);
      return algorithm ? [{ algorithm, checksumValue: h.value }] : [];
    }),
    ...c.properties
      .filter((p) => p.name.startsWith(spdxChecksumPropertyPrefix))
      .map((p) => ({ algorithm: p.name.slice(spdxChecksumPropertyPrefix.length), checksumValue: p.value })),
  ];
  // Invalid identifiers go first so a re-import finds them before the valid one, as in the source.
  const externalRefs = [
    ...props('jointsec:invalidPurl').map((p) => ({
      referenceCategory: 'PACKAGE-MANAGER',
      referenceType: 'purl',
      referenceLocator: p.value,
    })),
    ...(c.purl ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl }] : []),
    ...props('jointsec:invalidCpe').map((p) => ({
      referenceCategory: 'SECURITY',
      referenceType: cpeType(p.value),
      referenceLocator: p.value,
    })),
    ...(c.cpe ? [{ referenceCategory: 'SECURITY', referenceType: cpeType(c.cpe), referenceLocator: c.cpe }] : []),
    ...c.externalReferences
      .filter((r) => r !== website && r !== distribution)
      .map((r) =>
        r.type === 'advisories'
          ? { referenceCategory: 'SECURITY', referenceType: 'advisory', referenceLocator: r.url }
          : { referenceCategory: 'OTHER', referenceType: r.type, referenceLocator: r.url },
      ),
    ...props(externalRefPropertyName).flatMap((p) => {
      const m = /^(\S+) (\S+) (.*)$/.exec(p.value);
      return m ? [{ referenceCategory: m[1], referenceType: m[2], referenceLocator: m[3] }] : [];
    }),
  ];
  const annotation = (comment: string): JsonObject => ({
    annotationDate: context.created,
    annotationType: 'OTHER',
    annotator: 'Tool: jointsec',
    comment,
  });
  const annotations = [
    ...(c.levelOfSupport ? [annotation(`${levelOfSupportPrefix}${c.levelOfSupport}`)] : []),
    ...c.hashes
      .filter((h) => !SpdxChecksumAlgorithm.fromCycloneDx(h.alg))
      .map((h) => annotation(`${propertyAnnotationPrefix}jointsec:hash:${h.alg}=${h.value}`)),
    ...c.properties
      .filter((p) => !nativeProperty(p.name))
      .map((p) => annotation(`${propertyAnnotationPrefix}${p.name}=${p.value}`)),
  ];
  const purpose = prop(purposePropertyName) ?? SpdxPackagePurpose.fromComponentType(c.type);
  const entries: [string, unknown][] = [
    ['SPDXID', context.id],
    ['name', c.group ? `${c.group}/${c.name}` : c.name],
    ['versionInfo', c.version],
    ['supplier', c.supplier === undefined ? undefined : withPrefix(c.supplier, 'Organization')],
    ['originator', prop(spdxPackageProperties.originator)],
    ['downloadLocation', distribution?.url ?? 'NOASSERTION'],
    ['filesAnalyzed', false],
    ['homepage', website?.url],
    ['checksums', checksums.length > 0 ? checksums : undefined],
    ['licenseDeclared', c.license],
    ['copyrightText', c.copyright],
    ['description', c.description],
    ['externalRefs', externalRefs.length > 0 ? externalRefs : undefined],
    ['primaryPackagePurpose', purpose],
    ['releaseDate', mapDate(prop(spdxPackageProperties.releaseDate))],
    ['builtDate', mapDate(prop(spdxPackageProperties.builtDate))],
    ['validUntilDate', mapDate(c.endOfSupportDate)],
    ['annotations', annotations.length > 0 ? annotations : undefined],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
}

const mapDate = (value: string | undefined): string | undefined => (value === undefined ? undefined : spdxDate(value));
const cpeType = (cpe: string): string => (cpe.startsWith('cpe:/') ? 'cpe22Type' : 'cpe23Type');
