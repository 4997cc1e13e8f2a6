import { describe, expect, it } from 'vitest';
import { parseKevCsv, parseKevJson } from '../../../src/formats/kev/index.js';

const header =
  'cveID,vendorProject,product,vulnerabilityName,dateAdded,shortDescription,requiredAction,dueDate,knownRansomwareCampaignUse,notes,cwes';

describe('parseKevCsv / parseKevJson', () => {
  it('reads a CSV row with quoted commas and a CWE list', () => {
    const csv = `${header}\nCVE-2017-0144,Microsoft,SMBv1,"SMB RCE, ""EternalBlue""",2022-02-10,"Remote code execution","Apply updates",2022-08-10,Known,"",CWE-20\n`;
    const { records, errors } = parseKevCsv(csv);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        cveId: 'CVE-2017-0144',
        vendorProject: 'Microsoft',
        product: 'SMBv1',
        vulnerabilityName: 'SMB RCE, "EternalBlue"',
        dateAdded: '2022-02-10',
        shortDescription: 'Remote code execution',
        requiredAction: 'Apply updates',
        dueDate: '2022-08-10',
        knownRansomwareCampaignUse: true,
        notes: '',
        cwes: ['CWE-20'],
      },
    ]);
  });

  it('reports a bad row by line and keeps the others', () => {
    const good = 'CVE-2021-0001,V,P,N,2021-11-03,D,A,2021-11-17,Unknown,,';
    const csv = `${header}\n${good}\nCVE-2021-0002,V,P,N,03/11/2021,D,A,2021-11-17,Unknown,,\nonly,three,fields\n${good.replace('CVE-2021-0001', 'CVE-2021-0003')}`;
    const { records, errors } = parseKevCsv(csv);
    expect(records.map((r) => r.cveId)).toEqual(['CVE-2021-0001', 'CVE-2021-0003']);
    expect(errors.map((e) => [e.severity, e.path.split(':')[0]])).toEqual([
      ['error', 'line 3'],
      ['error', 'line 4'],
    ]);
    expect(errors[0]!.recordId).toBe('CVE-2021-0002');
  });

  it('warns about an unexpected ransomware value and reads it as unknown', () => {
    const json = JSON.stringify({
      vulnerabilities: [
        {
          cveID: 'CVE-2021-0001',
          vendorProject: 'V',
          product: 'P',
          vulnerabilityName: 'N',
          dateAdded: '2021-11-03',
          shortDescription: 'D',
          requiredAction: 'A',
          dueDate: '2021-11-17',
          knownRansomwareCampaignUse: 'Maybe',
        },
      ],
    });
    const { records, errors } = parseKevJson(json);
    expect(records[0]!.knownRansomwareCampaignUse).toBe('unknown');
    expect(records[0]!.cwes).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ severity: 'warning', path: '/vulnerabilities/0', recordId: 'CVE-2021-0001' }),
    ]);
  });

  it('refuses a CSV without the required columns and JSON without vulnerabilities', () => {
    expect(parseKevCsv('cve,score\nCVE-1,1').errors[0]).toMatchObject({ severity: 'error', path: 'line 1' });
    expect(parseKevJson('{"title":"x"}').errors[0]).toMatchObject({ severity: 'error', path: '/vulnerabilities' });
    expect(parseKevJson('{').errors[0]).toMatchObject({ severity: 'error' });
  });
});
