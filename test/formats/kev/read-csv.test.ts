import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/formats/kev/index.js';

const fields = (text: string): string[][] => readCsv(text).rows.map((r) => [...r.fields]);

describe('readCsv (RFC 4180)', () => {
  it('splits plain fields and CRLF or LF records', () => {
    expect(fields('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('reads quoted fields with commas, line breaks and doubled quotes', () => {
    expect(fields('x,"a, b","line1\nline2","say ""hi"""\n')).toEqual([['x', 'a, b', 'line1\nline2', 'say "hi"']]);
  });

  it('keeps empty fields and skips blank lines', () => {
    expect(fields('a,,c\n\n,\n')).toEqual([
      ['a', '', 'c'],
      ['', ''],
    ]);
  });

  it('numbers rows by the line they start on', () => {
    expect(readCsv('h\n"a\nb"\nc').rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('drops a UTF-8 BOM and keeps non-ASCII text', () => {
    expect(fields('\uFEFFcveID,note\nCVE-1,Git’s “quotes”')).toEqual([
      ['cveID', 'note'],
      ['CVE-1', 'Git’s “quotes”'],
    ]);
  });

  it('reports an unterminated quoted field', () => {
    expect(readCsv('a\n"open,\nstill').error).toEqual({
      line: 2,
      message: 'quoted field opened on line 2 is never closed',
    });
  });
});
