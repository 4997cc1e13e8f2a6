/** Escapes character data and attribute values for XML output (XML 1.0 §2.4, §3.3.3). */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"'\r\t\n]/g, (c) => xmlEscapes[c] ?? c);
}

const xmlEscapes: Readonly<Record<string, string>> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\t': '&#9;',
  '\n': '&#10;',
};
