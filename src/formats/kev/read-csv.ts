/** One CSV row with the 1-based line it starts on (for diagnostics). */
export interface CsvRow {
  readonly line: number;
  readonly fields: readonly string[];
}

/**
 * Splits CSV text into rows (RFC 4180 §2): fields separated by commas, records by CRLF or LF;
 * a field in double quotes may contain commas, line breaks and doubled quotes (`""` → `"`).
 * Lenient where real files are: a bare LF ends a record, a final line break is optional, and a
 * quote inside an unquoted field is kept as text. An unterminated quoted field is reported.
 */
export function readCsv(text: string): { rows: CsvRow[]; error?: { line: number; message: string } } {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a UTF-8 BOM is not data
  let quoted = false;
  let quoteLine = 0;
  const endRow = (): void => {
    fields.push(field);
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted)
    return { rows, error: { line: quoteLine, message: `quoted field opened on line ${quoteLine} is never closed` } };
  if (field !== '' || fields.length > 0) endRow();
  return { rows };
}
