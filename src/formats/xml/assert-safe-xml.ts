import { AppError } from '../../core/app-error.js';
import { isXmlChar } from './decode-xml-text.js';
import { formatTextPosition, textPositionAt } from './text-position.js';

/**
 * Refuses, before any parser sees the text, every XML document that declares a DOCTYPE,
 * an internal DTD subset or entities (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`, …), and every
 * entity reference other than the five predefined ones and numeric character references.
 * With no DTD there is nothing to expand, so XXE (external entities) and billion-laughs
 * (nested entity expansion) cannot happen whatever the parser downstream would do.
 * Comments and CDATA sections are skipped: markup inside them is only text.
 */
export function assertSafeXml(text: string): void {
  const markup = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<!([A-Za-z]*)|&([^;\s<&]{0,64});?/g;
  for (let m = markup.exec(text); m !== null; m = markup.exec(text)) {
    const declaration = m[1];
    const reference = m[2];
    if (declaration !== undefined) {
      refuse(
        text,
        m.index,
        `${declaration === '' ? 'markup declaration' : `<!${declaration}`} is not allowed: documents with a DOCTYPE, DTD or entity declarations are rejected (XXE / entity-expansion protection)`,
      );
    } else if (reference !== undefined) {
      checkReference(text, m.index, m[0]);
    }
  }
}

function checkReference(text: string, offset: number, raw: string): void {
  const name = raw.endsWith(';') ? raw.slice(1, -1) : undefined;
  if (name === undefined) refuse(text, offset, "unescaped '&' (write &amp;)");
  if (predefined.has(name)) return;
  const numeric = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(name);
  if (numeric !== null) {
    const codePoint = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2] ?? '', 10);
    if (isXmlChar(codePoint)) return;
    refuse(text, offset, `character reference ${raw} is not a legal XML character`);
  }
  refuse(
    text,
    offset,
    `entity reference ${raw} is not allowed: only &lt; &gt; &amp; &apos; &quot; and numeric character references are expanded`,
  );
}

const predefined = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

function refuse(text: string, offset: number, reason: string): never {
  const path = formatTextPosition(textPositionAt(text, offset));
  throw new AppError('invalid-input', `unsafe or malformed XML at ${path}: ${reason}`, { location: { path } });
}
