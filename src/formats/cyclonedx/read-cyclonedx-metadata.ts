import type { SbomMetadata } from '../../core/sbom.js';
import { preservedPropertyNames } from './preserved-properties.js';
import type { DocumentPath, ReadContext } from './read-context.js';
import { TypedField, isJsonObject, type JsonObject } from './typed-field.js';

/**
 * Reads `metadata` (CycloneDX 1.2+ §metadata): authors, tools — the legacy tool array and the
 * 1.5+ `{ components, services }` object alike, each as a `vendor name version` string —
 * timestamp, the bom's serialNumber, and the subject's name as the document name.
 */
export function readCycloneDxMetadata(context: ReadContext, bom: JsonObject): SbomMetadata {
  const metadata = TypedField.object(context, bom, 'metadata', []) ?? {};
  const path = ['metadata'];
  const preserved = readPreservedBomProperties(context, bom);
  const timestamp =
    TypedField.string(context, metadata, 'timestamp', path) ?? preserved.get(preservedPropertyNames.timestamp);
  const serialNumber =
    TypedField.string(context, bom, 'serialNumber', []) ?? preserved.get(preservedPropertyNames.serialNumber);
  const subject = TypedField.object(context, metadata, 'component', path);
  const name =
    preserved.get(preservedPropertyNames.documentName) ??
    (subject === undefined ? undefined : TypedField.string(context, subject, 'name', [...path, 'component']));
  return {
    authors: readAuthors(context, metadata, path),
    tools: readTools(context, metadata, path),
    ...(timestamp === undefined ? {} : { timestamp }),
    ...(serialNumber === undefined ? {} : { serialNumber }),
    ...(name === undefined ? {} : { name }),
  };
}

function readAuthors(context: ReadContext, metadata: JsonObject, path: DocumentPath): string[] {
  return TypedField.objects(context, metadata, 'authors', path).flatMap(({ item, path: itemPath }) => {
    const contact = ['name', 'email', 'phone'].map((k) => TypedField.string(context, item, k, itemPath)?.trim());
    const author = contact.find((v) => v !== undefined && v !== '');
    return author === undefined ? [] : [author];
  });
}

function readTools(context: ReadContext, metadata: JsonObject, path: DocumentPath): string[] {
  const tools = metadata.tools;
  if (tools === undefined || tools === null) return [];
  if (Array.isArray(tools)) {
    return TypedField.objects(context, metadata, 'tools', path).flatMap(({ item, path: itemPath }) =>
      toolString(context, item, itemPath, 'vendor'),
    );
  }
  const toolsObject = TypedField.object(context, metadata, 'tools', path) ?? {};
  const toolsPath = [...path, 'tools'];
  return ['components', 'services'].flatMap((key) =>
    TypedField.objects(context, toolsObject, key, toolsPath).flatMap(({ item, path: itemPath }) =>
      toolString(context, item, itemPath, key === 'services' ? 'provider' : 'supplier'),
    ),
  );
}

/** `vendor name version`, the vendor being the legacy `vendor`, else `group`, else supplier/provider/manufacturer name. */
function toolString(context: ReadContext, tool: JsonObject, path: DocumentPath, vendorKey: string): string[] {
  const text = (key: string): string | undefined => TypedField.string(context, tool, key, path)?.trim();
  const entityName = (key: string): string | undefined => {
    const entity = tool[key];
    return isJsonObject(entity) ? TypedField.string(context, entity, 'name', [...path, key])?.trim() : undefined;
  };
  const vendor =
    vendorKey === 'vendor' ? text('vendor') : (text('group') ?? entityName(vendorKey) ?? entityName('manufacturer'));
  const parts = [vendor, text('name'), text('version')].filter((p): p is string => p !== undefined && p !== '');
  return parts.length === 0 ? [] : [parts.join(' ')];
}

/** Bom-level `jointsec:` properties written by our own exporter (1.5+ bom `properties`). */
function readPreservedBomProperties(context: ReadContext, bom: JsonObject): Map<string, string> {
  const out = new Map<string, string>();
  for (const { item, path } of TypedField.objects(context, bom, 'properties', [])) {
    const name = TypedField.string(context, item, 'name', path);
    const value = TypedField.string(context, item, 'value', path);
    if (name?.startsWith('jointsec:') === true && value !== undefined && !out.has(name)) out.set(name, value);
  }
  return out;
}
