import type { Diagnostic } from '../../core/app-error.js';
import type { DependencyEdge, Sbom, SbomEncoding, SbomMetadata } from '../../core/sbom.js';
import type { SbomParseResult } from '../sbom-reader.js';
import { isJsonObject, type JsonObject } from './json-value.js';
import { spdxFieldReader, type SpdxFieldReader } from './spdx-field-reader.js';
import { spdxPackageToComponent, stripAgentPrefix } from './spdx-package-to-component.js';
import { dependencyDirection } from './spdx-relationship-edges.js';
import type { SpdxVersionProfile } from './spdx-version-profile.js';

export interface ReadSpdxOptions {
  readonly profile: SpdxVersionProfile;
  readonly encoding: SbomEncoding;
  /** JSON pointer → the location a user can find (identity for JSON, `line N` for tag-value). */
  readonly locate: (pointer: string) => string;
}

type ElementKind = 'package' | 'file' | 'snippet';
const elementLists: Record<string, ElementKind> = { packages: 'package', files: 'file', snippets: 'snippet' };

/**
 * Builds the neutral model from an SPDX 2.2/2.3 document in JSON shape (tag-value is converted
 * first). Refuses what cannot be understood: fields of the wrong type, duplicate SPDXIDs
 * (SPDX 2.3 §3.2 makes them unique per document) and relationships to identifiers that exist
 * nowhere; everything else it can live with becomes a warning.
 */
export function readSpdxDocument(raw: unknown, options: ReadSpdxOptions): SbomParseResult {
  const reader = spdxFieldReader(options.locate);
  const doc = reader.object(raw, '');
  const warnings: Diagnostic[] = [];
  const documentId = reader.string(doc, 'SPDXID', '') ?? 'SPDXRef-DOCUMENT';
  if (documentId !== 'SPDXRef-DOCUMENT')
    warnings.push(reader.warn('/SPDXID', `document SPDXID "${documentId}" should be "SPDXRef-DOCUMENT"`));

  const kinds = new Map<string, ElementKind>();
  const packages: [JsonObject, string][] = [];
  for (const [list, kind] of Object.entries(elementLists)) {
    reader.array(doc, list, '').forEach((item, i) => {
      const pointer = `/${list}/${i}`;
      const element = reader.object(item, pointer);
      const id = reader.string(element, 'SPDXID', pointer);
      if (id === undefined) return;
      if (kinds.has(id)) reader.fail(`${pointer}/SPDXID`, `duplicate SPDXID "${id}"`);
      kinds.set(id, kind);
      if (kind === 'package') packages.push([element, pointer]);
    });
  }

  const components = packages.map(([pkg, pointer]) => {
    const mapped = spdxPackageToComponent(pkg, pointer, reader);
    warnings.push(...mapped.warnings);
    return mapped.component;
  });

  /** What an identifier names; undefined for references we skip (files, other documents, NONE). */
  const resolve = (id: string, pointer: string): 'document' | 'package' | undefined => {
    if (id === documentId || id === 'SPDXRef-DOCUMENT') return 'document';
    if (id === 'NONE' || id === 'NOASSERTION' || id.startsWith('DocumentRef-')) return undefined;
    const kind = kinds.get(id);
    if (kind === undefined) reader.fail(pointer, `relationship refers to SPDXID "${id}", which is not in the document`);
    return kind === 'package' ? 'package' : undefined;
  };

  const described = new Set<string>();
  reader.array(doc, 'documentDescribes', '').forEach((id, i) => {
    const pointer = `/documentDescribes/${i}`;
    if (typeof id !== 'string') reader.fail(pointer, 'expected an SPDXID string');
    if (resolve(id as string, pointer) === 'package') described.add(id as string);
  });

  const edges = new Map<string, DependencyEdge>();
  reader.array(doc, 'relationships', '').forEach((item, i) => {
    const pointer = `/relationships/${i}`;
    const rel = reader.object(item, pointer);
    const a = reader.string(rel, 'spdxElementId', pointer) ?? reader.fail(`${pointer}/spdxElementId`, 'missing');
    const type =
      reader.string(rel, 'relationshipType', pointer) ?? reader.fail(`${pointer}/relationshipType`, 'missing');
    const b =
      reader.string(rel, 'relatedSpdxElement', pointer) ?? reader.fail(`${pointer}/relatedSpdxElement`, 'missing');
    const kindA = resolve(a, `${pointer}/spdxElementId`);
    const kindB = resolve(b, `${pointer}/relatedSpdxElement`);
    if (type === 'DESCRIBES' && kindA === 'document' && kindB === 'package') described.add(b);
    if (type === 'DESCRIBED_BY' && kindB === 'document' && kindA === 'package') described.add(a);
    const direction = dependencyDirection[type];
    if (!direction || kindA !== 'package' || kindB !== 'package' || a === b) return;
    const edge = direction === 'forward' ? { from: a, to: b } : { from: b, to: a };
    edges.set(`${edge.from}\u0000${edge.to}`, edge);
  });

  const subjectRef = described.size === 1 ? [...described][0] : undefined;
  const subject = components.find((c) => c.ref === subjectRef);
  const sbom: Sbom = {
    format: 'spdx',
    specVersion: options.profile.version,
    encoding: options.encoding,
    metadata: readMetadata(doc, reader, warnings),
    ...(subject ? { subject } : {}),
    components: components.filter((c) => c !== subject),
    dependencies: [...edges.values()],
  };
  return { sbom, warnings };
}

function readMetadata(doc: JsonObject, reader: SpdxFieldReader, warnings: Diagnostic[]): SbomMetadata {
  const authors: string[] = [];
  const tools: string[] = [];
  let timestamp: string | undefined;
  if (doc['creationInfo'] === undefined)
    warnings.push(reader.warn('/creationInfo', 'creationInfo is missing: no author or timestamp'));
  else {
    const info = reader.object(doc['creationInfo'], '/creationInfo');
    timestamp = reader.string(info, 'created', '/creationInfo');
    reader.array(info, 'creators', '/creationInfo').forEach((creator, i) => {
      const pointer = `/creationInfo/creators/${i}`;
      const parsed = readCreator(creator, pointer, reader, warnings);
      if (parsed.kind === 'Tool') tools.push(parsed.name);
      else authors.push(parsed.name);
    });
  }
  const serialNumber = reader.string(doc, 'documentNamespace', '');
  const name = reader.string(doc, 'name', '');
  return {
    authors,
    tools,
    ...(timestamp ? { timestamp } : {}),
    ...(serialNumber ? { serialNumber } : {}),
    ...(name ? { name } : {}),
  };
}

/** SPDX 2.3 §6.8: `Person: …`, `Organization: …` or `Tool: …`; objects `{ "Person": "…" }` are accepted with a warning. */
function readCreator(
  creator: unknown,
  pointer: string,
  reader: SpdxFieldReader,
  warnings: Diagnostic[],
): { kind: string; name: string } {
  if (typeof creator === 'string') {
    const kind = /^(Person|Organization|Tool):/.exec(creator)?.[1];
    if (!kind)
      warnings.push(reader.warn(pointer, `creator "${creator}" does not start with Person:, Organization: or Tool:`));
    return { kind: kind ?? 'Person', name: stripAgentPrefix(creator).trim() };
  }
  if (isJsonObject(creator)) {
    const [entry, ...rest] = Object.entries(creator);
    if (
      entry &&
      rest.length === 0 &&
      typeof entry[1] === 'string' &&
      ['Person', 'Organization', 'Tool'].includes(entry[0])
    ) {
      warnings.push(
        reader.warn(pointer, `creator given as an object; SPDX writes it as the string "${entry[0]}: ${entry[1]}"`),
      );
      return { kind: entry[0], name: entry[1] };
    }
  }
  return reader.fail(pointer, 'creator must be a string such as "Tool: name-version"');
}
