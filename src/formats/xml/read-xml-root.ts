/** The root element's name and namespace, read from its start tag alone. */
export interface XmlRootTag {
  readonly localName: string;
  readonly namespace?: string;
}

/**
 * Finds the root start tag without parsing the document, skipping the XML declaration,
 * processing instructions, comments and a DOCTYPE (which the parser will refuse later):
 * detection must be cheap and must not be the place where a DTD gets read.
 */
export function readXmlRoot(text: string): XmlRootTag | undefined {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i += 1;
    if (text.startsWith('<?', i)) i = skipPast(text, i, '?>');
    else if (text.startsWith('<!--', i)) i = skipPast(text, i, '-->');
    else if (text.startsWith('<!', i)) i = skipDeclaration(text, i);
    else break;
    if (i < 0) return undefined;
  }
  const tag = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(text.slice(i, i + 8192));
  if (tag === null) return undefined;
  const prefix = tag[1]?.slice(0, -1);
  const attributes = tag[3] ?? '';
  const xmlns = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
  const match = new RegExp(`(?:^|\\s)${xmlns.replace(/\./g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  const namespace = match?.[1] ?? match?.[2];
  return { localName: tag[2] ?? '', ...(namespace === undefined ? {} : { namespace }) };
}

function skipPast(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at < 0 ? -1 : at + end.length;
}

/** `<!DOCTYPE … [ internal subset ] >`: the subset may itself contain `>`. */
function skipDeclaration(text: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < text.length; i += 1) {
    const c = text[i];
    if (c === '[') depth += 1;
    else if (c === ']') depth -= 1;
    else if (c === '>' && depth <= 0) return i + 1;
  }
  return -1;
}
