import { AppError } from '../../../core/app-error.js';

/** One `Tag: value` entry of an SPDX tag-value document, with the line it starts on (1-based). */
export interface TagValueLine {
  readonly tag: string;
  readonly value: string;
  readonly line: number;
}

const tagLine = /^([A-Za-z][A-Za-z0-9]*):(.*)$/;

/**
 * Splits a tag-value document into entries (SPDX 2.3 Annex B / §5.2 of the tag-value format):
 * blank lines and `#` comments are skipped, and a value may be a `<text>…</text>` block that
 * spans several lines and keeps its line breaks.
 */
export function tagValueLines(text: string): TagValueLine[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: TagValueLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const match = tagLine.exec(raw.trimStart());
    if (!match) {
      throw new AppError('invalid-input', `line ${i + 1}: expected "Tag: value", got "${raw.slice(0, 60)}"`, {
        location: { path: `line ${i + 1}` },
      });
    }
    const tag = match[1] ?? '';
    const rest = (match[2] ?? '').trim();
    if (!rest.startsWith('<text>')) {
      out.push({ tag, value: rest, line: i + 1 });
      continue;
    }
    const start = i;
    let body = rest.slice('<text>'.length);
    while (!body.includes('</text>')) {
      i++;
      if (i >= lines.length) {
        throw new AppError('invalid-input', `line ${start + 1}: <text> block of ${tag} is never closed with </text>`, {
          location: { path: `line ${start + 1}` },
        });
      }
      body += `\n${lines[i] ?? ''}`;
    }
    out.push({ tag, value: body.slice(0, body.indexOf('</text>')), line: start + 1 });
  }
  return out;
}
