import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../core/app-error.js';
import { assertSafeXml } from './assert-safe-xml.js';
import { decodeXmlText } from './decode-xml-text.js';
import type { XmlElement } from './xml-element.js';

/**
 * Parses an XML document into an `XmlElement` tree after `assertSafeXml` has refused any
 * DOCTYPE or entity declaration. Malformed XML becomes AppError('invalid-input') with the
 * line and column of the first problem. Entity decoding is ours (`decodeXmlText`), not the
 * parser's, so only the predefined entities and character references are ever expanded.
 */
export function parseSafeXml(text: string): XmlElement {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  assertSafeXml(body);
  const check = XMLValidator.validate(body, { allowBooleanAttributes: false });
  if (check !== true) {
    const { line, col, msg } = check.err;
    const path = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    throw new AppError('invalid-input', `malformed XML at ${path}: ${msg}`, { location: { path } });
  }
  const nodes = parser.parse(body) as OrderedNode[];
  const root = nodes.map(toElement).find((e) => e !== undefined);
  if (root === undefined) {
    throw new AppError('invalid-input', 'malformed XML at line 1: the document has no root element', {
      location: { path: 'line 1' },
    });
  }
  return root;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

/** fast-xml-parser's preserveOrder shape: `{ tag: children, ':@': attributes }` or `{ '#text': s }`. */
type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@' && !k.startsWith('#') && !k.startsWith('?'));
  if (name === undefined) return undefined;
  const rawChildren = (node[name] ?? []) as OrderedNode[];
  const rawAttributes = (node[':@'] ?? {}) as Record<string, string>;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = decodeXmlText(String(value));
  const children: XmlElement[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += decodeXmlText(String(child['#text']));
    else if ('#cdata' in child) text += cdataText(child['#cdata']);
    else {
      const element = toElement(child);
      if (element !== undefined) children.push(element);
    }
  }
  const colon = name.indexOf(':');
  return { name, localName: colon === -1 ? name : name.slice(colon + 1), attributes, children, text: text.trim() };
}

function cdataText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((part: OrderedNode) => (typeof part['#text'] === 'string' ? part['#text'] : '')).join('');
}
