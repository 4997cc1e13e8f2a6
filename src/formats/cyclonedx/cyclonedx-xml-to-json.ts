import { XmlElement } from '../xml/xml-element.js';
import type { JsonObject } from './typed-field.js';

/**
 * Converts a CycloneDX XML BOM to the JSON shape of the fields the reader uses, so one reader
 * serves both encodings. The XSD's element/attribute layout maps onto the JSON schema's
 * property names (`bom-ref`, `type`, `ref`, `alg` are attributes; lists are wrapper elements).
 */
export function cycloneDxXmlToJson(bom: XmlElement): JsonObject {
  const metadata = XmlElement.child(bom, 'metadata');
  return compact({
    serialNumber: bom.attributes.serialNumber,
    metadata: metadata === undefined ? undefined : metadataToJson(metadata),
    components: list(bom, 'components', 'component', componentToJson),
    services: list(bom, 'services', 'service', serviceToJson),
    dependencies: list(bom, 'dependencies', 'dependency', dependencyToJson),
    properties: list(bom, 'properties', 'property', propertyToJson),
  });
}

type Converter = (element: XmlElement) => unknown;

/** The items of a wrapper element (`<components><component/>…</components>`), or undefined without one. */
function list(parent: XmlElement, wrapper: string, item: string, convert: Converter): unknown[] | undefined {
  const container = XmlElement.child(parent, wrapper);
  return container === undefined ? undefined : XmlElement.children(container, item).map(convert);
}

function compact(object: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

function text(parent: XmlElement, name: string): string | undefined {
  return XmlElement.childText(parent, name);
}

function metadataToJson(metadata: XmlElement): JsonObject {
  const component = XmlElement.child(metadata, 'component');
  return compact({
    timestamp: text(metadata, 'timestamp'),
    tools: toolsToJson(XmlElement.child(metadata, 'tools')),
    authors: list(metadata, 'authors', 'author', contactToJson),
    component: component === undefined ? undefined : componentToJson(component),
  });
}

/** Legacy `<tool>` items become the tool array; 1.5+ `<components>`/`<services>` the tools object. */
function toolsToJson(tools: XmlElement | undefined): unknown {
  if (tools === undefined) return undefined;
  const legacy = XmlElement.children(tools, 'tool');
  if (legacy.length > 0) {
    return legacy.map((t) =>
      compact({ vendor: text(t, 'vendor'), name: text(t, 'name'), version: text(t, 'version') }),
    );
  }
  return compact({
    components: list(tools, 'components', 'component', componentToJson),
    services: list(tools, 'services', 'service', serviceToJson),
  });
}

function contactToJson(contact: XmlElement): JsonObject {
  return compact({ name: text(contact, 'name'), email: text(contact, 'email'), phone: text(contact, 'phone') });
}

function entityToJson(entity: XmlElement | undefined): JsonObject | undefined {
  return entity === undefined ? undefined : compact({ name: text(entity, 'name') });
}

function componentToJson(component: XmlElement): JsonObject {
  return compact({
    type: component.attributes.type,
    'bom-ref': component.attributes['bom-ref'],
    supplier: entityToJson(XmlElement.child(component, 'supplier')),
    manufacturer: entityToJson(XmlElement.child(component, 'manufacturer')),
    group: text(component, 'group'),
    name: text(component, 'name'),
    version: text(component, 'version'),
    description: text(component, 'description'),
    hashes: list(component, 'hashes', 'hash', (h) => ({ alg: h.attributes.alg, content: h.text })),
    licenses: licensesToJson(XmlElement.child(component, 'licenses')),
    copyright: text(component, 'copyright'),
    cpe: text(component, 'cpe'),
    purl: text(component, 'purl'),
    externalReferences: list(component, 'externalReferences', 'reference', (r) =>
      compact({ type: r.attributes.type, url: text(r, 'url'), comment: text(r, 'comment') }),
    ),
    properties: list(component, 'properties', 'property', propertyToJson),
    components: list(component, 'components', 'component', componentToJson),
  });
}

/** `<license><id|name/></license>` and `<expression>` items, in document order. */
function licensesToJson(licenses: XmlElement | undefined): unknown[] | undefined {
  if (licenses === undefined) return undefined;
  return licenses.children.flatMap((choice) => {
    const acknowledgement = choice.attributes.acknowledgement;
    if (choice.localName === 'expression') return [compact({ expression: choice.text, acknowledgement })];
    if (choice.localName !== 'license') return [];
    return [{ license: compact({ id: text(choice, 'id'), name: text(choice, 'name'), acknowledgement }) }];
  });
}

function serviceToJson(service: XmlElement): JsonObject {
  return compact({
    'bom-ref': service.attributes['bom-ref'],
    provider: entityToJson(XmlElement.child(service, 'provider')),
    group: text(service, 'group'),
    name: text(service, 'name'),
    version: text(service, 'version'),
    services: list(service, 'services', 'service', serviceToJson),
  });
}

/** XML nests the targets as `<dependency ref>` children of the `<dependency ref>` entry. */
function dependencyToJson(dependency: XmlElement): JsonObject {
  return compact({
    ref: dependency.attributes.ref,
    dependsOn: XmlElement.children(dependency, 'dependency').map((d) => d.attributes.ref ?? ''),
  });
}

function propertyToJson(property: XmlElement): JsonObject {
  return compact({ name: property.attributes.name, value: property.text });
}
