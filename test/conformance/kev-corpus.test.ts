import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseKevCsv, parseKevJson } from '../../src/formats/kev/index.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

describeCorpus('CISA KEV corpus', () => {
  const json = parseKevJson(readFileSync(corpusPath('cisa-kev/known_exploited_vulnerabilities.json'), 'utf8'));
  const csv = parseKevCsv(readFileSync(corpusPath('cisa-kev/known_exploited_vulnerabilities.csv'), 'utf8'));

  it('reads all 1,404 entries from JSON and CSV without a diagnostic', () => {
    expect(json.errors).toEqual([]);
    expect(csv.errors).toEqual([]);
    expect(json.records).toHaveLength(1404);
    expect(csv.records).toHaveLength(1404);
    expect(json.catalog).toEqual({ catalogVersion: '2025.08.25', dateReleased: '2025-08-25T17:04:19.9796Z' });
  });

  it('gives identical entries from JSON and CSV', () => {
    expect(csv.records).toEqual(json.records);
  });

  it('maps knownRansomwareCampaignUse: 293 Known, 1,111 Unknown (README)', () => {
    expect(json.records.filter((e) => e.knownRansomwareCampaignUse === true)).toHaveLength(293);
    expect(json.records.filter((e) => e.knownRansomwareCampaignUse === 'unknown')).toHaveLength(1111);
    expect(json.records.filter((e) => e.cwes.length > 0)).toHaveLength(1252);
  });

  it('reads a known entry field by field', () => {
    expect(csv.records.find((e) => e.cveId === 'CVE-2025-48384')).toMatchObject({
      vendorProject: 'Git',
      product: 'Git',
      vulnerabilityName: 'Git Link Following Vulnerability',
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
      knownRansomwareCampaignUse: 'unknown',
      cwes: ['CWE-59', 'CWE-436'],
    });
  });
});
