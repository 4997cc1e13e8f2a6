import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNvd } from '../../../src/formats/nvd/index.js';
import { corpusPath, describeCorpus } from '../../support/corpus.js';

const cve = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'CVE-2024-0002',
  published: '2024-01-01T00:00:00.000',
  lastModified: '2024-01-05T00:00:00.000',
  vulnStatus: 'Analyzed',
  descriptions: [
    { lang: 'es', value: 'texto' },
    { lang: 'en', value: 'text' },
  ],
  weaknesses: [
    {
      source: 'nvd@nist.gov',
      type: 'Primary',
      description: [
        { lang: 'en', value: 'NVD-CWE-Other' },
        { lang: 'en', value: 'CWE-20' },
      ],
    },
  ],
  configurations: [
    {
      nodes: [
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [
            { vulnerable: true, criteria: 'not a cpe' },
            { vulnerable: true, criteria: 'cpe:2.3:a:acme:pump:*:*:*:*:*:*:*:*', versionEndExcluding: '2.0' },
          ],
        },
      ],
    },
  ],
  references: [{ url: 'https://acme.example/fix', tags: ['Patch', 'Vendor Advisory'] }],
  ...overrides,
});

const response = (...cves: unknown[]): string =>
  JSON.stringify({ format: 'NVD_CVE', version: '2.0', vulnerabilities: cves.map((c) => ({ cve: c })) });

describe('parseNvd', () => {
  it('reads an API 2.0 CVE, dropping a bad CPE match with a warning', () => {
    const { records, errors } = parseNvd(response(cve()));
    expect(records[0]).toMatchObject({
      id: 'CVE-2024-0002',
      source: 'nvd',
      details: 'text',
      cwes: ['CWE-20'],
      references: [{ type: 'FIX', url: 'https://acme.example/fix' }],
      cpeConfigurations: [
        {
          operator: 'OR',
          negate: false,
          nodes: [
            {
              operator: 'OR',
              negate: false,
              children: [],
              cpeMatch: [
                { vulnerable: true, criteria: 'cpe:2.3:a:acme:pump:*:*:*:*:*:*:*:*', versionEndExcluding: '2.0' },
              ],
            },
          ],
        },
      ],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: '/vulnerabilities/0/cve/configurations/0/nodes/0/cpeMatch/0',
      }),
    ]);
  });

  it('marks vulnStatus Rejected as withdrawn', () => {
    const { records } = parseNvd(response(cve({ vulnStatus: 'Rejected', configurations: [] })));
    expect(records[0]!.withdrawn).toBe('2024-01-05T00:00:00.000');
  });

  it('keeps the good CVEs when one is corrupt', () => {
    const { records, errors } = parseNvd(response(cve(), { id: 'nonsense' }, cve({ id: 'CVE-2024-0003' })));
    expect(records.map((r) => r.id)).toEqual(['CVE-2024-0002', 'CVE-2024-0003']);
    expect(errors.filter((e) => e.severity === 'error')).toEqual([
      expect.objectContaining({ path: '/vulnerabilities/1/cve/id', recordId: 'nonsense' }),
    ]);
  });

  it('refuses a document that is not NVD JSON', () => {
    const { records, errors } = parseNvd('{"hello": 1}');
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
  });
});

describeCorpus('known NVD corpus records', () => {
  const api = (id: string) =>
    parseNvd(readFileSync(corpusPath(`cve-records/osv-dev-vulnfeeds-testdata/nvd-api-2.0/${id}.json`), 'utf8'))
      .records[0]!;

  it('CVE-2023-4863: metrics, CWE, KEV fields and the first configuration', () => {
    const v = api('CVE-2023-4863');
    expect(v.cvss[0]).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H',
      baseScore: 8.8,
      baseSeverity: 'HIGH',
      source: 'nvd@nist.gov',
      type: 'Primary',
    });
    expect(v.cwes).toEqual(['CWE-787']);
    expect(v.knownExploited?.dateAdded).toBeDefined();
    expect(v.cpeConfigurations[0]).toEqual({
      operator: 'OR',
      negate: false,
      nodes: [
        {
          operator: 'OR',
          negate: false,
          children: [],
          cpeMatch: [
            {
              vulnerable: true,
              criteria: 'cpe:2.3:a:google:chrome:*:*:*:*:*:*:*:*',
              versionEndExcluding: '116.0.5845.187',
              matchCriteriaId: '856C1821-5D22-4A4E-859D-8F5305255AB7',
            },
          ],
        },
      ],
    });
  });

  it('CVE-2020-13595: an AND configuration of a vulnerable application on a non-vulnerable platform', () => {
    const config = api('CVE-2020-13595').cpeConfigurations[0]!;
    expect(config.operator).toBe('AND');
    expect(config.nodes.map((n) => n.cpeMatch.map((m) => [m.vulnerable, m.criteria]))).toEqual([
      [[true, 'cpe:2.3:a:espressif:esp-idf:*:*:*:*:*:*:*:*']],
      [[false, 'cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*']],
    ]);
    expect(config.nodes[0]!.cpeMatch[0]).toMatchObject({ versionStartIncluding: '4.0.0', versionEndIncluding: '4.2' });
  });

  it('NVD 1.1: CVE-2022-0090 with six GitLab matches and both CVSS versions', () => {
    const { records } = parseNvd(
      readFileSync(corpusPath('cve-records/osv-dev-vulnfeeds-testdata/nvdcve-1.1-test-data.json'), 'utf8'),
    );
    const v = records.find((r) => r.id === 'CVE-2022-0090')!;
    expect(v.cwes).toEqual(['CWE-269']);
    expect(v.cvss.map((s) => [s.version, s.baseScore])).toEqual([
      ['3.1', 6.5],
      ['2.0', 5],
    ]);
    const matches = v.cpeConfigurations[0]!.nodes[0]!.cpeMatch;
    expect(matches).toHaveLength(6);
    expect(matches[0]).toEqual({
      vulnerable: true,
      criteria: 'cpe:2.3:a:gitlab:gitlab:*:*:*:*:community:*:*:*',
      versionStartIncluding: '14.6.0',
      versionEndExcluding: '14.6.1',
    });
    expect(v.published).toBe('2022-01-18T17:15Z');
  });
});
