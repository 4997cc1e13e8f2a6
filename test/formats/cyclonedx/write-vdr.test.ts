import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/app-error.js';
import { validateCycloneDxJsonValue } from '../../../src/formats/cyclonedx/validate-cyclonedx-json.js';
import { writeCycloneDxVdr, type VdrOptions } from '../../../src/formats/cyclonedx/write-vdr.js';
import { recognizeSbom, validateSbom } from '../../../src/formats/sbom/sbom-formats.js';
import {
  allFindings,
  busyboxUnversioned,
  opensslNew,
  opensslOld,
  scanReport,
  zlibUnknown,
} from '../sarif/scan-report-fixture.js';

const options: VdrOptions = { timestamp: '2099-04-01T12:00:00Z', tool: { name: 'jointsec', version: '0.1.0' } };

interface Vdr {
  bomFormat: string;
  specVersion: string;
  serialNumber?: string;
  version: number;
  metadata: {
    timestamp: string;
    tools: { components: { type: string; name: string; version: string }[] };
    properties: { name: string; value: string }[];
  };
  components: Record<string, unknown>[];
  vulnerabilities: Vulnerability[];
}
interface Vulnerability {
  id: string;
  source?: { name?: string; url?: string };
  references?: { id: string; source: { name?: string; url?: string } }[];
  ratings?: Record<string, unknown>[];
  cwes?: number[];
  description?: string;
  recommendation: string;
  advisories?: { url: string }[];
  affects: { ref: string; versions?: { version: string; status: string }[] }[];
  properties?: { name: string; value: string }[];
}

function vdr(findings = allFindings, opts: VdrOptions = options): { text: string; bom: Vdr } {
  const text = writeCycloneDxVdr(scanReport(findings), opts);
  return { text, bom: JSON.parse(text) as Vdr };
}

function vulnerability(bom: Vdr, id: string): Vulnerability {
  const found = bom.vulnerabilities.find((v) => v.id === id);
  if (found === undefined) throw new Error(`no vulnerability ${id}`);
  return found;
}

function propertyValues(v: Vulnerability, name: string): string[] {
  return (v.properties ?? []).filter((p) => p.name === name).map((p) => p.value);
}

async function sbomErrors(text: string) {
  const doc = recognizeSbom({ bytes: new TextEncoder().encode(text), fileName: 'vdr.cdx.json' });
  return (await validateSbom(doc)).errors;
}

describe('writeCycloneDxVdr', () => {
  it('is a valid CycloneDX 1.6 document for our SBOM validator (schema and parser)', async () => {
    const { text, bom } = vdr();
    expect(await sbomErrors(text)).toEqual([]);
    expect(await validateCycloneDxJsonValue(bom, '1.6')).toEqual([]);
  });

  it('the validation can fail: a CWE as text and an unknown affected status are reported', async () => {
    const { bom } = vdr();
    const broken = structuredClone(bom) as unknown as {
      vulnerabilities: { cwes: unknown[]; affects: { versions: { status: string }[] }[] }[];
    };
    broken.vulnerabilities[0]!.cwes = ['CWE-843'];
    broken.vulnerabilities[0]!.affects[0]!.versions[0]!.status = 'vulnerable';
    const errors = await validateCycloneDxJsonValue(broken, '1.6');
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['/vulnerabilities/0/cwes/0', '/vulnerabilities/0/affects/0/versions/0/status']),
    );
  });

  it('writes the BOM header and the metadata the caller passed, without a clock of its own', () => {
    const { bom } = vdr();
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.version).toBe(1);
    expect(bom).not.toHaveProperty('serialNumber');
    expect(bom.metadata.timestamp).toBe('2099-04-01T12:00:00Z');
    expect(bom.metadata.tools).toEqual({ components: [{ type: 'application', name: 'jointsec', version: '0.1.0' }] });
    expect(bom.metadata.properties).toEqual([
      { name: 'jointsec:sbom:file', value: 'sboms/pump 4.2.cdx.json' },
      { name: 'jointsec:sbom:format', value: 'cyclonedx' },
      { name: 'jointsec:sbom:specVersion', value: '1.6' },
    ]);
  });

  it('keeps a serial number the caller passes, and refuses one the schema would reject', () => {
    const serialNumber = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';
    expect(vdr(allFindings, { ...options, serialNumber }).bom.serialNumber).toBe(serialNumber);
    expect(() => writeCycloneDxVdr(scanReport(allFindings), { ...options, serialNumber: 'pump-4.2' })).toThrow(
      /serial number "pump-4.2"/,
    );
  });

  it('refuses a timestamp that is not RFC 3339, with invalid-input', () => {
    let error: unknown;
    try {
      writeCycloneDxVdr(scanReport(allFindings), { ...options, timestamp: '1 April 2099' });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code === 'invalid-input').toBe(true);
    expect((error as Error).message).toContain('"1 April 2099"');
  });

  it('lists each affected component once, by the SBOM bom-ref, with its identifiers', () => {
    const { bom } = vdr();
    expect(bom.components).toEqual([
      {
        type: 'library',
        'bom-ref': 'comp-busybox',
        name: 'busybox',
        cpe: 'cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*',
      },
      {
        type: 'library',
        'bom-ref': 'comp-openssl-1',
        name: 'openssl',
        version: '1.1.1s',
        purl: 'pkg:generic/openssl@1.1.1s',
      },
      {
        type: 'library',
        'bom-ref': 'comp-openssl-3',
        name: 'openssl',
        version: '3.0.7',
        cpe: 'cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*',
        purl: 'pkg:generic/openssl@3.0.7',
      },
      {
        type: 'library',
        'bom-ref': 'comp-zlib',
        name: 'zlib',
        version: '1.2.11-acme.3',
        purl: 'pkg:generic/zlib@1.2.11-acme.3',
      },
    ]);
  });

  it('falls back to the purl as bom-ref when the SBOM gave the component none', () => {
    const noRef = { ...zlibUnknown, evidence: { ...zlibUnknown.evidence, componentRef: '' } };
    const { bom } = vdr([noRef]);
    expect(bom.components[0]?.['bom-ref']).toBe('pkg:generic/zlib@1.2.11-acme.3');
    expect(vulnerability(bom, 'CVE-2099-0002').affects[0]?.ref).toBe('pkg:generic/zlib@1.2.11-acme.3');
  });

  it('writes one vulnerability per id with source, alias references, ratings, CWEs and description', () => {
    const { bom } = vdr();
    expect(bom.vulnerabilities.map((v) => v.id)).toEqual(['CVE-2099-0001', 'CVE-2099-0002', 'CVE-2099-0003']);
    const openssl = vulnerability(bom, 'CVE-2099-0001');
    expect(openssl.source).toEqual({ name: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2099-0001' });
    expect(openssl.references).toEqual([
      { id: 'DSA-9999-1', source: {} },
      {
        id: 'GHSA-x4qr-2fvf-3mr5',
        source: { name: 'GitHub', url: 'https://github.com/advisories/GHSA-x4qr-2fvf-3mr5' },
      },
    ]);
    expect(openssl.ratings).toEqual([
      {
        source: { name: 'nvd@nist.gov' },
        score: 7.8,
        severity: 'high',
        method: 'CVSSv2',
        vector: 'AV:N/AC:M/Au:N/C:P/I:N/A:C',
      },
      {
        source: { name: 'nvd@nist.gov' },
        score: 7.4,
        severity: 'high',
        method: 'CVSSv31',
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H',
      },
    ]);
    expect(openssl.cwes).toEqual([843]);
    expect(openssl.description).toBe('Type confusion in X.400 address processing');
    expect(openssl.advisories).toEqual([
      { url: 'https://nvd.nist.gov/vuln/detail/CVE-2099-0001' },
      { url: 'https://www.openssl.org/news/secadv/20990101.txt' },
    ]);

    const zlib = vulnerability(bom, 'CVE-2099-0002');
    expect(zlib.references).toEqual([
      {
        id: 'GHSA-jm7q-vj5r-2f8g',
        source: { name: 'GitHub', url: 'https://github.com/advisories/GHSA-jm7q-vj5r-2f8g' },
      },
      { id: 'PYSEC-2099-17', source: { name: 'OSV', url: 'https://osv.dev/vulnerability/PYSEC-2099-17' } },
    ]);
    expect(zlib.ratings).toEqual([
      {
        source: { name: 'security-advisories@github.com' },
        score: 5.3,
        severity: 'medium',
        method: 'CVSSv31',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
      },
    ]);
    // The NVD placeholder has no CWE number: it travels as a property instead.
    expect(zlib.cwes).toEqual([125]);
    expect(propertyValues(zlib, 'jointsec:cwe')).toEqual(['NVD-CWE-Other']);
  });

  it('rates a vector without a stated score by method and vector only', () => {
    const busybox = vulnerability(vdr().bom, 'CVE-2099-0003');
    expect(busybox.ratings).toEqual([
      {
        source: { name: 'cna@example.org' },
        method: 'CVSSv4',
        vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      },
    ]);
    expect(busybox).not.toHaveProperty('references');
    expect(busybox).not.toHaveProperty('cwes');
    expect(busybox).not.toHaveProperty('description');
  });

  it('names the affected components with their version and status: affected or unknown', () => {
    const { bom } = vdr();
    expect(vulnerability(bom, 'CVE-2099-0001').affects).toEqual([
      { ref: 'comp-openssl-1', versions: [{ version: '1.1.1s', status: 'affected' }] },
      { ref: 'comp-openssl-3', versions: [{ version: '3.0.7', status: 'affected' }] },
    ]);
    expect(vulnerability(bom, 'CVE-2099-0002').affects).toEqual([
      { ref: 'comp-zlib', versions: [{ version: '1.2.11-acme.3', status: 'unknown' }] },
    ]);
    // No version to state a status for: the component is named without one.
    expect(vulnerability(bom, 'CVE-2099-0003').affects).toEqual([{ ref: 'comp-busybox' }]);
  });

  it('recommends the fixed versions per component, and says when none is known', () => {
    const { bom } = vdr();
    expect(vulnerability(bom, 'CVE-2099-0001').recommendation).toBe(
      'Upgrade openssl 1.1.1s to a fixed version: 1.1.1t. Upgrade openssl 3.0.7 to a fixed version: 3.0.8.',
    );
    expect(vulnerability(bom, 'CVE-2099-0002').recommendation).toBe('No fixed version of zlib 1.2.11-acme.3 is known.');
    expect(vulnerability(bom, 'CVE-2099-0003').recommendation).toBe('No fixed version of busybox is known.');
  });

  it('carries KEV and EPSS as jointsec properties, only where known', () => {
    const { bom } = vdr();
    const openssl = vulnerability(bom, 'CVE-2099-0001');
    expect(openssl.properties?.filter((p) => /^jointsec:(kev|epss)/.test(p.name))).toEqual([
      { name: 'jointsec:kev', value: 'true' },
      { name: 'jointsec:kev:dateAdded', value: '2099-02-01' },
      { name: 'jointsec:kev:dueDate', value: '2099-02-22' },
      { name: 'jointsec:kev:knownRansomwareCampaignUse', value: 'unknown' },
      { name: 'jointsec:epss:score', value: '0.00432' },
      { name: 'jointsec:epss:percentile', value: '0.71234' },
      { name: 'jointsec:epss:date', value: '2099-03-01' },
    ]);
    const zlib = vulnerability(bom, 'CVE-2099-0002');
    expect(zlib.properties?.some((p) => /^jointsec:(kev|epss)/.test(p.name))).toBe(false);
  });

  it('keeps the evidence of each affected component for a reviewer', () => {
    const { bom } = vdr();
    expect(propertyValues(vulnerability(bom, 'CVE-2099-0002'), 'jointsec:evidence')).toEqual([
      'comp-zlib: 1.2.11-acme.3 cannot be ordered against introduced 0 (SEMVER) (osv record GHSA-jm7q-vj5r-2f8g)',
    ]);
    expect(propertyValues(vulnerability(bom, 'CVE-2099-0001'), 'jointsec:evidence')).toHaveLength(2);
  });

  it('is deterministic: same bytes twice, and whatever the order of the findings', () => {
    const first = vdr().text;
    expect(vdr().text).toBe(first);
    expect(vdr([busyboxUnversioned, zlibUnknown, opensslOld, opensslNew]).text).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('changes only in the timestamp when the caller passes another one', () => {
    const a = vdr().text;
    const b = vdr(allFindings, { ...options, timestamp: '2099-04-02T08:30:00+02:00' }).text;
    expect(b).toBe(a.replace('2099-04-01T12:00:00Z', '2099-04-02T08:30:00+02:00'));
  });

  it('writes a valid, empty report for a scan without findings', async () => {
    const { text, bom } = vdr([]);
    expect(bom.components).toEqual([]);
    expect(bom.vulnerabilities).toEqual([]);
    expect(await sbomErrors(text)).toEqual([]);
  });
});
