import { describe, expect, it } from 'vitest';
import { isCsafDocument, parseCsaf, parseCsafValue } from '../../../src/formats/csaf/index.js';
import { branchTree, csafDocument, onlyRecord } from './csaf-document.js';

const tree = branchTree('ABC', [{ category: 'product_version', name: '1.0', id: 'P1' }]);

describe('isCsafDocument', () => {
  it('accepts CSAF 2.0 and 2.1 documents and nothing else', () => {
    expect(isCsafDocument(csafDocument({}))).toBe(true);
    expect(isCsafDocument(csafDocument({ document: { csaf_version: '2.1' } }))).toBe(true);
    expect(isCsafDocument(csafDocument({ document: { csaf_version: '1.2' } }))).toBe(false);
    expect(isCsafDocument({ id: 'GHSA-xxxx', modified: '2024-01-01T00:00:00Z' })).toBe(false);
    expect(isCsafDocument({ document: 'csaf' })).toBe(false);
    expect(isCsafDocument([csafDocument({})])).toBe(false);
    expect(isCsafDocument(null)).toBe(false);
  });
});

describe('parseCsafValue: documents it refuses', () => {
  it('a value that is not CSAF gives one error and no records', () => {
    const result = parseCsafValue({ schema_version: '1.6.0', id: 'GHSA-1' });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      { severity: 'error', path: '/document/csaf_version', message: 'not a CSAF document: no document.csaf_version' },
    ]);
  });

  it('another CSAF version is named in the error', () => {
    const result = parseCsafValue(csafDocument({ document: { csaf_version: '3.0' } }));
    expect(result.records).toEqual([]);
    expect(result.errors[0]?.message).toBe('CSAF version "3.0" is not supported (only 2.0 and 2.1)');
  });

  it('a document without an advisory id (tracking.id) is an error at that path', () => {
    const result = parseCsafValue(
      csafDocument({ tracking: { id: '' }, productTree: tree, vulnerabilities: [{ cve: 'CVE-2024-0001' }] }),
    );
    expect(result.records).toEqual([]);
    expect(result.errors.map((e) => [e.severity, e.path])).toEqual([['error', '/document/tracking/id']]);
  });

  it('text that is not JSON is one error located in the text', () => {
    const result = parseCsaf('{"document": ');
    expect(result.records).toEqual([]);
    expect(result.errors[0]?.severity).toBe('error');
  });
});

describe('parseCsafValue: one record per vulnerability', () => {
  it('a malformed vulnerability is an error for that record; the others are read', () => {
    const result = parseCsafValue(
      csafDocument({
        productTree: tree,
        vulnerabilities: [{ cve: 'CVE-2024-0001' }, 'not an object', { cve: 42 }, { cve: 'CVE-2024-0004' }],
      }),
    );
    expect(result.records.map((r) => r.id)).toEqual(['CVE-2024-0001', 'CVE-2024-0004']);
    const errors = result.errors.filter((e) => e.severity === 'error');
    expect(errors.map((e) => [e.path, e.recordId])).toEqual([
      ['/vulnerabilities/1', 'EXAMPLE-2024-0001#1'],
      ['/vulnerabilities/2/cve', 'EXAMPLE-2024-0001#2'],
    ]);
  });

  it('id is the CVE, else the first ids[].text, else <tracking.id>#<index>; aliases add the rest; the advisory id is related', () => {
    const result = parseCsafValue(
      csafDocument({
        vulnerabilities: [
          { cve: 'CVE-2024-0001', ids: [{ system_name: 'Vendor bug', text: 'BUG-17' }] },
          {
            ids: [
              { system_name: 'Vendor', text: 'EXA-9' },
              { system_name: 'Bugzilla', text: '123' },
            ],
          },
          { title: 'No identifier at all' },
        ],
      }),
    );
    expect(result.errors).toEqual([]);
    // The advisory id is related, not an alias: as an alias it would merge the CVEs it covers.
    expect(result.records.map((r) => [r.id, r.aliases, r.related])).toEqual([
      ['CVE-2024-0001', ['BUG-17'], ['EXAMPLE-2024-0001']],
      ['EXA-9', ['123'], ['EXAMPLE-2024-0001']],
      ['EXAMPLE-2024-0001#2', [], ['EXAMPLE-2024-0001']],
    ]);
    expect(result.records.every((r) => r.source === 'csaf')).toBe(true);
  });

  it('a document without vulnerabilities (csaf_base, informational) gives no records and no errors', () => {
    expect(parseCsafValue(csafDocument({ productTree: tree }))).toEqual({ records: [], errors: [] });
  });
});

describe('parseCsafValue: texts, dates and withdrawal', () => {
  const vulnerability = {
    cve: 'CVE-2024-0001',
    notes: [
      { category: 'general', text: 'Boilerplate.', title: 'General' },
      { category: 'summary', text: 'Buffer overflow in the parser.', title: 'Summary' },
      { category: 'description', text: 'A crafted DICOM file overflows a stack buffer.', title: 'Description' },
    ],
  };

  it('summary is the vulnerability title, else the document title; details are its summary/description/details notes', () => {
    const untitled = onlyRecord(csafDocument({ vulnerabilities: [vulnerability] })).record;
    expect(untitled.summary).toBe('Example Company ABC vulnerabilities');
    expect(untitled.details).toBe('Buffer overflow in the parser.\n\nA crafted DICOM file overflows a stack buffer.');
    const titled = onlyRecord(csafDocument({ vulnerabilities: [{ ...vulnerability, title: 'Parser overflow' }] }));
    expect(titled.record.summary).toBe('Parser overflow');
  });

  it('published and modified are the tracking initial and current release dates', () => {
    const { record } = onlyRecord(csafDocument({ vulnerabilities: [vulnerability] }));
    expect(record.published).toBe('2024-01-10T10:00:00.000Z');
    expect(record.modified).toBe('2024-02-01T10:00:00.000Z');
    expect(record.withdrawn).toBeUndefined();
  });

  it('only a CSAF 2.1 csaf_withdrawn document withdraws its records (at the current release date)', () => {
    const withdrawn = onlyRecord(
      csafDocument({ document: { csaf_version: '2.1', category: 'csaf_withdrawn' }, vulnerabilities: [vulnerability] }),
    ).record;
    expect(withdrawn.withdrawn).toBe('2024-02-01T10:00:00.000Z');
    for (const document of [{ category: 'csaf_superseded', csaf_version: '2.1' }, { category: 'csaf_vex' }]) {
      expect(onlyRecord(csafDocument({ document, vulnerabilities: [vulnerability] })).record.withdrawn).toBeUndefined();
    }
    const draft = onlyRecord(csafDocument({ tracking: { status: 'draft' }, vulnerabilities: [vulnerability] })).record;
    expect(draft.withdrawn).toBeUndefined();
  });

  it('sourceUrl is the option, else the first self reference of the document', () => {
    const document = {
      references: [
        { category: 'external', summary: 'x', url: 'https://example.com/other' },
        { category: 'self', summary: 'Canonical URL', url: 'https://psirt.example.com/csaf/example-2024-0001.json' },
      ],
    };
    const own = onlyRecord(csafDocument({ document, vulnerabilities: [vulnerability] })).record;
    expect(own.sourceUrl).toBe('https://psirt.example.com/csaf/example-2024-0001.json');
    const given = parseCsafValue(csafDocument({ document, vulnerabilities: [vulnerability] }), {
      sourceUrl: 'file.json',
    });
    expect(given.records[0]?.sourceUrl).toBe('file.json');
  });
});

describe('parseCsafValue: weaknesses, references and scores', () => {
  it('cwes come from the 2.0 cwe and the 2.1 cwes[]; an id that is not CWE-<n> is a warning', () => {
    const v20 = onlyRecord(
      csafDocument({ vulnerabilities: [{ cve: 'CVE-2024-0001', cwe: { id: 'CWE-787', name: 'x' } }] }),
    );
    expect(v20.record.cwes).toEqual(['CWE-787']);
    const v21 = onlyRecord(
      csafDocument({
        document: { csaf_version: '2.1' },
        vulnerabilities: [
          {
            cve: 'CVE-2024-0001',
            cwes: [
              { id: 'CWE-79', name: 'XSS', version: '4.13' },
              { id: 'NVD-CWE-Other', name: 'Other', version: '4.13' },
            ],
          },
        ],
      }),
    );
    expect(v21.record.cwes).toEqual(['CWE-79']);
    expect(v21.errors).toEqual([
      {
        severity: 'warning',
        path: '/vulnerabilities/0/cwes/1/id',
        message: "'NVD-CWE-Other' is not a CWE id: ignored",
        recordId: 'CVE-2024-0001',
      },
    ]);
  });

  it('references: the vulnerability own, its vendor_fix URLs as FIX, then the document; self is ADVISORY; each URL once', () => {
    const { record } = onlyRecord(
      csafDocument({
        document: {
          references: [
            { category: 'self', summary: 'Advisory', url: 'https://psirt.example.com/a.json' },
            { category: 'external', summary: 'dup', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001' },
          ],
        },
        productTree: tree,
        vulnerabilities: [
          {
            cve: 'CVE-2024-0001',
            references: [
              { category: 'external', summary: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001' },
            ],
            remediations: [
              {
                category: 'vendor_fix',
                details: 'Update to 1.1',
                url: 'https://example.com/download',
                product_ids: ['P1'],
              },
              { category: 'workaround', details: 'Block port 104', url: 'https://example.com/kb', product_ids: ['P1'] },
            ],
          },
        ],
      }),
    );
    expect(record.references).toEqual([
      { type: 'WEB', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-0001' },
      { type: 'FIX', url: 'https://example.com/download' },
      { type: 'ADVISORY', url: 'https://psirt.example.com/a.json' },
    ]);
  });

  it('scores: cvss_v3 and cvss_v2 of scores[], scored by the publisher; a vector given twice is kept once', () => {
    const { record, errors } = onlyRecord(
      csafDocument({
        productTree: tree,
        vulnerabilities: [
          {
            cve: 'CVE-2024-0001',
            scores: [
              {
                products: ['P1'],
                cvss_v3: {
                  version: '3.1',
                  vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                  baseScore: 9.8,
                  baseSeverity: 'CRITICAL',
                },
                cvss_v2: { version: '2.0', vectorString: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5 },
              },
              {
                products: ['P1'],
                cvss_v3: {
                  version: '3.1',
                  vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
                  baseScore: 9.8,
                },
              },
              { products: ['P1'], cvss_v3: { version: '3.1', vectorString: 'not a vector', baseScore: 1 } },
            ],
          },
        ],
      }),
    );
    expect(record.cvss).toEqual([
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        baseScore: 9.8,
        baseSeverity: 'CRITICAL',
        source: 'Example Company PSIRT',
      },
      { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5, source: 'Example Company PSIRT' },
    ]);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['/vulnerabilities/0/scores/2/cvss_v3', "'not a vector' is not a CVSS vector: ignored"],
    ]);
  });

  it('CSAF 2.1 metrics[] give cvss_v4 and qualitative ratings; aggregate_severity is a rating of every record', () => {
    const { record } = onlyRecord(
      csafDocument({
        document: { csaf_version: '2.1', aggregate_severity: { text: 'Important' } },
        productTree: tree,
        vulnerabilities: [
          {
            cve: 'CVE-2024-0001',
            metrics: [
              {
                products: ['P1'],
                content: {
                  cvss_v4: {
                    version: '4.0',
                    vectorString: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
                    baseScore: 9.3,
                    baseSeverity: 'CRITICAL',
                  },
                  qualitative_severity_rating: 'critical',
                },
              },
            ],
          },
        ],
      }),
    );
    expect(record.cvss.map((s) => [s.version, s.baseScore])).toEqual([['4.0', 9.3]]);
    expect(record.severityRatings).toEqual([
      { source: 'Example Company PSIRT', rating: 'Important' },
      { source: 'Example Company PSIRT', rating: 'critical' },
    ]);
  });

  it('a CVSS 4.0 vector that a CSAF 2.0 file can only give as a FIRST calculator link is read from the reference', () => {
    const v4 = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N';
    const { record } = onlyRecord(
      csafDocument({
        vulnerabilities: [
          {
            cve: 'CVE-2024-33606',
            references: [
              {
                category: 'external',
                summary: 'www.first.org',
                url: `https://www.first.org/cvss/calculator/4.0#${v4}`,
              },
              { category: 'external', summary: 'other', url: 'https://example.com/calculator/4.0#CVSS:4.0/AV:N' },
            ],
          },
        ],
      }),
    );
    expect(record.cvss).toEqual([{ version: '4.0', vector: v4, source: 'Example Company PSIRT' }]);
  });
});

describe('parseCsafValue: determinism', () => {
  it('the same document parses to the same output, twice', () => {
    const document = csafDocument({
      productTree: branchTree('ABC', [
        { category: 'product_version', name: '1.0', id: 'P1', purl: 'pkg:npm/abc@1.0.0' },
        { category: 'product_version', name: '2.0', id: 'P2', cpe: 'cpe:2.3:a:example:abc:2.0:*:*:*:*:*:*:*' },
      ]),
      vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['P2', 'P1'] } }],
    });
    expect(JSON.stringify(parseCsafValue(document))).toBe(JSON.stringify(parseCsafValue(structuredClone(document))));
  });
});
