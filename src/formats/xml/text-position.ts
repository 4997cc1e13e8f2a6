/** A 1-based line and column inside a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Line and column of a character offset; computed only when an error needs it. */
export function textPositionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** `line N, column M`, the Diagnostic path form for text formats. */
export function formatTextPosition(position: TextPosition): string {
  return `line ${position.line}, column ${position.column}`;
}
