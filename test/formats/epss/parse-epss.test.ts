import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseEpss } from '../../../src/formats/epss/index.js';

// A hand-written excerpt in FIRST's daily file layout (https://epss.empiricalsecurity.com/epss_scores-current.csv.gz).
const fixture = [
  '#model_version:v2023.03.01,score_date:2023-06-10T00:00:00+0000',
  'cve,epss,percentile',
  'CVE-2021-44228,0.97565,0.99996',
  'CVE-2017-0144,0.97372,0.99879',
  'CVE-2023-0001,0.00045,0.12345',
  '',
].join('\n');

const expected = [
  { cve: 'CVE-2021-44228', score: 0.97565, percentile: 0.99996, date: '2023-06-10' },
  { cve: 'CVE-2017-0144', score: 0.97372, percentile: 0.99879, date: '2023-06-10' },
  { cve: 'CVE-2023-0001', score: 0.00045, percentile: 0.12345, date: '2023-06-10' },
];

describe('parseEpss', () => {
  it('reads plain text, keeping the model version and score date', () => {
    const result = parseEpss(fixture);
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual(expected);
    expect(result.modelVersion).toBe('v2023.03.01');
    expect(result.scoreDate).toBe('2023-06-10');
  });

  it('reads gzip bytes and uncompressed bytes alike', () => {
    expect(parseEpss(gzipSync(Buffer.from(fixture))).records).toEqual(expected);
    expect(parseEpss(new TextEncoder().encode(fixture)).records).toEqual(expected);
  });

  it('reports bad rows by line and keeps the others', () => {
    const text = fixture.replace('CVE-2017-0144,0.97372', 'CVE-2017-0144,1.7').replace('CVE-2023-0001', 'nonsense');
    const { records, errors } = parseEpss(text);
    expect(records.map((r) => r.cve)).toEqual(['CVE-2021-44228']);
    expect(errors.map((e) => e.path)).toEqual(['line 4', 'line 5']);
    expect(errors[0]!.recordId).toBe('CVE-2017-0144');
  });

  it('refuses a file without a score date, and corrupt gzip', () => {
    expect(parseEpss('cve,epss,percentile\nCVE-2021-44228,0.9,0.9').errors[0]).toMatchObject({
      severity: 'error',
      path: 'line 1',
    });
    const truncated = gzipSync(Buffer.from(fixture)).subarray(0, 20);
    const result = parseEpss(truncated);
    expect(result.records).toEqual([]);
    expect(result.errors[0]!.severity).toBe('error');
  });
});
