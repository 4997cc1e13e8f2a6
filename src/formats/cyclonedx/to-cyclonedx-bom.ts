import type { Component, Property, Sbom } from '../../core/sbom.js';
import { cycloneDxWriteVersion } from './cyclonedx-version.js';
import { fdaPropertiesOf } from './fda-properties.js';
import { hashProperty, preservedPropertyNames, preservedTypeComment } from './preserved-properties.js';
import type { CdxBom, CdxComponent, CdxDependency, CdxHash, CdxMetadata } from './schema.js';
import { writerVocabulary, type WriterVocabulary } from './writer-vocabulary.js';

/**
 * Maps the neutral model onto a CycloneDX 1.6 BOM that validates against the 1.6 schema.
 * Values the schema would reject are not dropped: they travel as `jointsec:` properties
 * (see preserved-properties.ts) and the FDA fields as their two properties.
 */
export function toCycloneDxBom(sbom: Sbom): CdxBom {
  const vocabulary = writerVocabulary();
  const bomProperties: Property[] = [];
  const { metadata } = sbom;
  const serialValid = metadata.serialNumber !== undefined && vocabulary.serialNumber.test(metadata.serialNumber);
  if (metadata.serialNumber !== undefined && !serialValid) {
    bomProperties.push({ name: preservedPropertyNames.serialNumber, value: metadata.serialNumber });
  }
  const timestampValid = metadata.timestamp !== undefined && isRfc3339DateTime(metadata.timestamp);
  if (metadata.timestamp !== undefined && !timestampValid) {
    bomProperties.push({ name: preservedPropertyNames.timestamp, value: metadata.timestamp });
  }
  if (metadata.name !== undefined && metadata.name !== sbom.subject?.name) {
    bomProperties.push({ name: preservedPropertyNames.documentName, value: metadata.name });
  }
  const cdxMetadata: CdxMetadata = {
    ...(timestampValid ? { timestamp: metadata.timestamp } : {}),
    ...(metadata.tools.length === 0 ? {} : { tools: toolsOf(metadata.tools) }),
    ...(metadata.authors.length === 0 ? {} : { authors: metadata.authors.map((name) => ({ name })) }),
    ...(sbom.subject === undefined ? {} : { component: toCdxComponent(sbom.subject, vocabulary) }),
  };
  return {
    bomFormat: 'CycloneDX',
    specVersion: cycloneDxWriteVersion,
    ...(serialValid ? { serialNumber: metadata.serialNumber } : {}),
    version: 1,
    metadata: cdxMetadata,
    components: sbom.components.map((c) => toCdxComponent(c, vocabulary)),
    dependencies: dependenciesOf(sbom),
    ...(bomProperties.length === 0 ? {} : { properties: bomProperties }),
  };
}

/** 1.5+ lists tools as components (the tool array is deprecated); each tool string becomes one name. */
function toolsOf(tools: readonly string[]): CdxMetadata['tools'] {
  return { components: tools.map((name) => ({ type: 'application', name })) };
}

function toCdxComponent(component: Component, vocabulary: WriterVocabulary): CdxComponent {
  const extra: Property[] = [];
  const typeValid = vocabulary.componentTypes.has(component.type);
  if (!typeValid) extra.push({ name: preservedPropertyNames.componentType, value: component.type });
  const hashes: CdxHash[] = [];
  for (const hash of component.hashes) {
    if (vocabulary.hashAlgorithms.has(hash.alg) && vocabulary.hashContent.test(hash.value)) {
      hashes.push({ alg: hash.alg, content: hash.value });
    } else {
      extra.push(hashProperty(hash));
    }
  }
  const properties = [...component.properties, ...extra, ...fdaPropertiesOf(component)];
  const externalReferences = component.externalReferences.map((r) =>
    vocabulary.externalReferenceTypes.has(r.type)
      ? r
      : { type: 'other', url: r.url, comment: preservedTypeComment(r.type) },
  );
  return {
    type: typeValid ? component.type : 'library',
    'bom-ref': component.ref,
    ...(component.supplier === undefined ? {} : { supplier: { name: component.supplier } }),
    ...(component.group === undefined ? {} : { group: component.group }),
    name: component.name,
    ...(component.version === undefined ? {} : { version: component.version }),
    ...(component.description === undefined ? {} : { description: component.description }),
    ...(hashes.length === 0 ? {} : { hashes }),
    ...(component.license === undefined ? {} : { licenses: [{ expression: component.license }] }),
    ...(component.copyright === undefined ? {} : { copyright: component.copyright }),
    ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
    ...(component.purl === undefined ? {} : { purl: component.purl }),
    ...(externalReferences.length === 0 ? {} : { externalReferences }),
    ...(properties.length === 0 ? {} : { properties }),
  };
}

/** Edges grouped by dependent; edges naming refs the model does not hold are not written. */
function dependenciesOf(sbom: Sbom): CdxDependency[] {
  const known = new Set(sbom.components.map((c) => c.ref));
  if (sbom.subject !== undefined) known.add(sbom.subject.ref);
  const byRef = new Map<string, string[]>();
  for (const edge of sbom.dependencies) {
    if (!known.has(edge.from) || !known.has(edge.to)) continue;
    const targets = byRef.get(edge.from) ?? [];
    if (!targets.includes(edge.to)) targets.push(edge.to);
    byRef.set(edge.from, targets);
  }
  return [...byRef].map(([ref, dependsOn]) => ({ ref, dependsOn }));
}

/** RFC 3339 §5.6 date-time, the JSON schema's `date-time` format (XSD xs:dateTime accepts it too). */
function isRfc3339DateTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))
  );
}
