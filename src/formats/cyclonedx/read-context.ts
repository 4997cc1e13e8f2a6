import { AppError, type Diagnostic } from '../../core/app-error.js';
import type { SbomEncoding } from '../../core/sbom.js';

/** One step into the document: an object key or an array index (JSON shape). */
export type PathSegment = string | number;
export type DocumentPath = readonly PathSegment[];

/**
 * State shared while reading one CycloneDX document: the encoding (it decides how paths are
 * printed) and the warnings collected so far. XML is read in the JSON shape, so paths are
 * JSON-shaped internally and rendered as element paths (`/bom/components/component[2]/purl`).
 */
export interface ReadContext {
  readonly encoding: SbomEncoding;
  readonly warnings: Diagnostic[];
}

export const ReadContext = {
  create(encoding: SbomEncoding): ReadContext {
    return { encoding, warnings: [] };
  },

  render(context: ReadContext, path: DocumentPath): string {
    return context.encoding === 'xml' ? renderXmlPath(path) : renderJsonPointer(path);
  },

  /** Refuses the document: AppError('invalid-input') naming where and why. */
  fail(context: ReadContext, path: DocumentPath, message: string): never {
    const at = ReadContext.render(context, path);
    throw new AppError('invalid-input', `${at}: ${message}`, { location: { path: at } });
  },

  warn(context: ReadContext, path: DocumentPath, message: string): void {
    context.warnings.push({ severity: 'warning', path: ReadContext.render(context, path), message });
  },
};

/** RFC 6901 JSON pointer. */
function renderJsonPointer(path: DocumentPath): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('') || '/';
}

/** Element names of array items in CycloneDX XML, by the JSON name of the array. */
const xmlItemNames: Readonly<Record<string, string>> = {
  components: 'component',
  services: 'service',
  dependencies: 'dependency',
  dependsOn: 'dependency',
  hashes: 'hash',
  licenses: 'license',
  properties: 'property',
  externalReferences: 'reference',
  authors: 'author',
  tools: 'tool',
};

/** An XPath-like element path, e.g. `/bom/components/component[3]/@bom-ref`. */
function renderXmlPath(path: DocumentPath): string {
  const out = ['/bom'];
  path.forEach((segment, i) => {
    const previous = i > 0 ? path[i - 1] : undefined;
    if (typeof segment === 'number') {
      const item = typeof previous === 'string' ? (xmlItemNames[previous] ?? previous) : 'item';
      // XML nests `dependency` directly in `dependency`; there is no dependsOn element.
      if (previous === 'dependsOn') out.pop();
      out.push(`${item}[${segment + 1}]`);
    } else if (segment !== 'content') {
      // A hash's `content` is the element's own text, so it adds no step.
      out.push(isXmlAttribute(path, i) ? `@${segment}` : segment);
    }
  });
  return out.join('/');
}

/** Which JSON keys CycloneDX XML writes as attributes rather than child elements. */
function isXmlAttribute(path: DocumentPath, i: number): boolean {
  const segment = path[i];
  if (segment === 'bom-ref' || segment === 'type' || segment === 'ref' || segment === 'alg') return true;
  if (segment === 'version' || segment === 'serialNumber') return i === 0;
  return segment === 'name' && path[i - 2] === 'properties';
}
