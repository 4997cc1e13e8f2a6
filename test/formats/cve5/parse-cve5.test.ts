import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCve5 } from '../../../src/formats/cve5/index.js';
import { corpusFiles, describeCorpus } from '../../support/corpus.js';

const minimal = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  dataType: 'CVE_RECORD',
  dataVersion: '5.1',
  cveMetadata: {
    cveId: 'CVE-2024-0001',
    state: 'PUBLISHED',
    datePublished: '2024-01-01T00:00:00Z',
    dateUpdated: '2024-01-02T00:00:00Z',
  },
  containers: {
    cna: {
      providerMetadata: { shortName: 'acme' },
      descriptions: [
        { lang: 'de', value: 'Deutsch' },
        { lang: 'en-US', value: 'English text' },
      ],
      affected: [
        {
          vendor: 'Acme',
          product: 'Pump',
          collectionURL: 'https://pypi.org',
          packageName: 'Acme_Pump',
          defaultStatus: 'unaffected',
          versions: [{ version: '1.0', lessThan: '1.4', status: 'affected', versionType: 'semver' }],
        },
      ],
      problemTypes: [
        { descriptions: [{ lang: 'en', type: 'CWE', cweId: 'CWE-787', description: 'CWE-787 OOB write' }] },
      ],
      metrics: [
        { cvssV3_1: { version: '3.1', vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8 } },
      ],
      references: [{ url: 'https://acme.example/advisory', tags: ['vendor-advisory'] }],
    },
  },
  ...overrides,
});

describe('parseCve5', () => {
  it('reads the CNA container', () => {
    const { records, errors } = parseCve5(JSON.stringify(minimal()));
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'CVE-2024-0001',
      source: 'cve5',
      details: 'English text',
      published: '2024-01-01T00:00:00Z',
      modified: '2024-01-02T00:00:00Z',
      cwes: ['CWE-787'],
      cvss: [
        { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', baseScore: 9.8, source: 'acme' },
      ],
      references: [{ type: 'ADVISORY', url: 'https://acme.example/advisory' }],
      affectedProducts: [
        {
          provider: 'acme',
          vendor: 'Acme',
          product: 'Pump',
          purl: 'pkg:pypi/acme-pump',
          defaultStatus: 'unaffected',
          versions: [{ version: '1.0', lessThan: '1.4', status: 'affected', versionType: 'semver', changes: [] }],
        },
      ],
    });
    expect(records[0]!.withdrawn).toBeUndefined();
  });

  it('reports a non-CVE-5 document and keeps the other records of an array', () => {
    const { records, errors } = parseCve5(JSON.stringify([minimal(), { dataType: 'CVE_RECORD' }]));
    expect(records).toHaveLength(1);
    expect(errors.every((e) => e.severity === 'error' && e.path.startsWith('/1/'))).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('keeps a record whose one affected entry is malformed, with a warning', () => {
    const doc = minimal();
    const cna = (doc['containers'] as { cna: Record<string, unknown> }).cna;
    cna['affected'] = [
      ...(cna['affected'] as unknown[]),
      { vendor: 'x', versions: [{ version: '1', status: 'maybe' }] },
    ];
    const { records, errors } = parseCve5(JSON.stringify(doc));
    expect(records[0]!.affectedProducts).toHaveLength(1);
    expect(errors).toEqual([
      expect.objectContaining({ severity: 'warning', path: '/containers/cna/affected/1', recordId: 'CVE-2024-0001' }),
    ]);
  });

  it('warns when no affected product has a purl or a CPE', () => {
    const doc = minimal();
    const cna = (doc['containers'] as { cna: Record<string, unknown> }).cna;
    cna['affected'] = [{ vendor: 'Acme', product: 'Pump', versions: [{ version: '1.0', status: 'affected' }] }];
    const { errors } = parseCve5(JSON.stringify(doc));
    expect(errors).toEqual([expect.objectContaining({ severity: 'warning', path: '/containers' })]);
  });
});

describeCorpus('known CVE 5 corpus records', () => {
  const read = (id: string) => {
    const [file] = corpusFiles('cve-records', (n) => n === `${id}.json`);
    return parseCve5(readFileSync(file!, 'utf8')).records[0]!;
  };

  it('CVE-2019-1547: CISA ADP SSVC decision points', () => {
    const v = read('CVE-2019-1547');
    expect(v.cisaAdp?.ssvc).toEqual({
      exploitation: 'none',
      automatable: 'no',
      technicalImpact: 'partial',
      version: '2.0.3',
      role: 'CISA Coordinator',
      timestamp: '2024-07-19T19:04:18.544630Z',
    });
    expect(v.summary).toBe('ECDSA remote timing attack');
    expect(v.severityRatings).toEqual([{ source: 'openssl', rating: 'Low' }]);
    expect(v.affectedProducts[0]).toMatchObject({ vendor: 'OpenSSL', product: 'OpenSSL' });
  });

  it('CVE-2024-36971: CISA ADP CVSS, CPEs and the KEV marker', () => {
    const v = read('CVE-2024-36971');
    expect(v.cisaAdp?.ssvc).toMatchObject({ exploitation: 'active', automatable: 'no', technicalImpact: 'total' });
    expect(v.cisaAdp?.cvss).toEqual([
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H',
        baseScore: 7.8,
        baseSeverity: 'HIGH',
        source: 'CISA-ADP',
      },
    ]);
    expect(v.cisaAdp?.cpes).toContain('cpe:2.3:o:linux:linux_kernel:4.6:*:*:*:*:*:*:*');
    expect(v.knownExploited).toEqual({
      dateAdded: '2024-08-07',
      reference: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
    });
    const cna = v.affectedProducts.filter((p) => p.provider === 'Linux');
    expect(cna[0]!.versions[0]).toEqual({
      version: 'a87cb3e48ee8',
      lessThan: '051c0bde9f04',
      status: 'affected',
      versionType: 'git',
      changes: [],
    });
    expect(cna[1]!.versions[2]).toMatchObject({ version: '4.19.316', lessThanOrEqual: '4.19.*', status: 'unaffected' });
  });

  it('CVE-2024-8197: REJECTED → withdrawn at dateRejected', () => {
    const v = read('CVE-2024-8197');
    expect(v.withdrawn).toBe('2024-10-04T15:42:35.511Z');
    expect(v.affectedProducts).toEqual([]);
  });

  it('CVE-2025-21631: cpeApplicability becomes CPE configurations', () => {
    const v = read('CVE-2025-21631');
    expect(v.cpeConfigurations[0]!.nodes[0]!.cpeMatch[0]).toEqual({
      vulnerable: true,
      criteria: 'cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*',
      versionStartIncluding: '5.15.168',
      versionEndExcluding: '5.15.177',
    });
  });
});
