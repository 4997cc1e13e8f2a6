import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import type { SbomParseResult } from '../sbom-reader.js';
import { collectCycloneDxRefs } from './collect-cyclonedx-refs.js';
import { ReadContext } from './read-context.js';
import { readCycloneDxComponent } from './read-cyclonedx-component.js';
import { readCycloneDxDependencies } from './read-cyclonedx-dependencies.js';
import { readCycloneDxMetadata } from './read-cyclonedx-metadata.js';
import { isJsonObject } from './typed-field.js';

/**
 * Builds the neutral Sbom from a CycloneDX BOM in JSON shape (XML is converted to that shape
 * first): metadata, metadata.component as the subject, every component flattened, and the
 * dependency graph. Throws AppError('invalid-input') with a path for what cannot be
 * understood; returns warnings for what could be read around.
 */
export function readCycloneDxDocument(bom: unknown, kind: SbomDocumentKind): SbomParseResult {
  const context = ReadContext.create(kind.encoding);
  if (!isJsonObject(bom)) return ReadContext.fail(context, [], 'a CycloneDX BOM must be an object');
  const metadata = readCycloneDxMetadata(context, bom);
  const refs = collectCycloneDxRefs(context, bom);
  const subject =
    refs.subject === undefined
      ? undefined
      : readCycloneDxComponent(context, refs.subject.raw, refs.subject.path, refs.subject.ref);
  const components = refs.components.map((c) => readCycloneDxComponent(context, c.raw, c.path, c.ref));
  const componentRefs = new Set(components.map((c) => c.ref));
  if (subject !== undefined) componentRefs.add(subject.ref);
  const dependencies = readCycloneDxDependencies(context, bom, { components: componentRefs, others: refs.otherRefs });
  return {
    sbom: {
      format: 'cyclonedx',
      specVersion: kind.specVersion,
      encoding: kind.encoding,
      metadata,
      ...(subject === undefined ? {} : { subject }),
      components,
      dependencies,
    },
    warnings: context.warnings,
  };
}
