import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sarifFingerprintKey, writeSarif, type SarifTool } from '../../../src/formats/sarif/index.js';
import {
  allFindings,
  busyboxUnversioned,
  opensslNew,
  opensslOld,
  scanReport,
  zlibUnknown,
} from './scan-report-fixture.js';
import { sarifSchemaErrors } from './sarif-schema-validator.js';

const tool: SarifTool = { name: 'jointsec', version: '0.1.0', informationUri: 'https://jointsec.example/docs' };

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Rule[] } };
    artifacts?: { location: { uri: string }; roles: string[] }[];
    results: Result[];
    properties: Record<string, unknown>;
  }[];
}
interface Rule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  help: { text: string };
  defaultConfiguration: { level: string };
  properties: Record<string, unknown>;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations?: {
    physicalLocation: { artifactLocation: { uri: string; index: number }; region: { startLine: number } };
    logicalLocations: { name: string; fullyQualifiedName?: string; kind: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

function sarif(findings = allFindings, file?: string): { text: string; log: Log } {
  const text = writeSarif(scanReport(findings, file), tool);
  return { text, log: JSON.parse(text) as Log };
}

function run(log: Log) {
  const first = log.runs[0];
  if (first === undefined) throw new Error('no run');
  return first;
}

function resultFor(log: Log, id: string, name: string, version: string | null): Result {
  const found = run(log).results.find(
    (r) => r.ruleId === id && r.properties.component !== undefined && sameComponent(r, name, version),
  );
  if (found === undefined) throw new Error(`no result for ${name}@${String(version)} ${id}`);
  return found;
}

function sameComponent(r: Result, name: string, version: string | null): boolean {
  const c = r.properties.component as { name: string; version: string | null };
  return c.name === name && c.version === version;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('writeSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const { log } = sarif();
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('the schema check can fail: a level outside the enum and a missing message are reported', () => {
    const { log } = sarif();
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    const result = broken.runs[0]!.results[0]!;
    result.level = 'critical';
    delete result.message;
    const errors = sarifSchemaErrors(broken);
    expect(errors.some((e) => e.includes('/runs/0/results/0/level'))).toBe(true);
    expect(errors.some((e) => e.includes("must have required property 'message'"))).toBe(true);
  });

  it('names the log version and schema, and jointsec as the driver', () => {
    const { log } = sarif();
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(
      'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    );
    expect(log.runs).toHaveLength(1);
    const { driver } = run(log).tool;
    expect(driver.name).toBe('jointsec');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://jointsec.example/docs');
  });

  it('leaves informationUri out when the caller has none, still schema-valid', () => {
    const text = writeSarif(scanReport(allFindings), { name: 'jointsec', version: '0.1.0' });
    const log = JSON.parse(text) as Log;
    expect(run(log).tool.driver).not.toHaveProperty('informationUri');
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('writes one rule per vulnerability id, sorted, with summary, help link and properties', () => {
    const { log } = sarif();
    const { rules } = run(log).tool.driver;
    expect(rules.map((r) => r.id)).toEqual(['CVE-2099-0001', 'CVE-2099-0002', 'CVE-2099-0003']);
    const [openssl, zlib, busybox] = rules;
    expect(openssl?.shortDescription.text).toBe('Type confusion in X.400 address processing');
    // The ADVISORY reference wins over the WEB one listed before it.
    expect(openssl?.helpUri).toBe('https://nvd.nist.gov/vuln/detail/CVE-2099-0001');
    expect(openssl?.properties).toMatchObject({
      aliases: ['DSA-9999-1', 'GHSA-x4qr-2fvf-3mr5'],
      cwes: ['CWE-843'],
      'security-severity': '7.8',
      kev: true,
      epss: 0.00432,
      tags: ['security', 'vulnerability'],
    });
    expect(openssl?.properties.cvss).toEqual([
      { version: '2.0', vector: 'AV:N/AC:M/Au:N/C:P/I:N/A:C', score: 7.8, source: 'nvd@nist.gov' },
      { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H', score: 7.4, source: 'nvd@nist.gov' },
    ]);
    expect(zlib?.helpUri).toBe('https://zlib.example/security');
    expect(zlib?.properties['security-severity']).toBe('5.3');
    expect(zlib?.properties.aliases).toEqual(['GHSA-jm7q-vj5r-2f8g', 'PYSEC-2099-17']);
    // No summary: the id stands in; no score: no security-severity; no references: no helpUri.
    expect(busybox?.shortDescription.text).toBe('CVE-2099-0003');
    expect(busybox?.properties).not.toHaveProperty('security-severity');
    expect(busybox).not.toHaveProperty('helpUri');
    expect(busybox?.help.text).toContain('CVSS 4.0: CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N');
  });

  it('sets levels from the highest CVSS score: error ≥ 7, warning ≥ 4, note when unscored', () => {
    const { log } = sarif();
    const levels = Object.fromEntries(run(log).tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level]));
    expect(levels).toEqual({ 'CVE-2099-0001': 'error', 'CVE-2099-0002': 'warning', 'CVE-2099-0003': 'note' });
    expect(resultFor(log, 'CVE-2099-0001', 'openssl', '1.1.1s').level).toBe('error');
    expect(resultFor(log, 'CVE-2099-0002', 'zlib', '1.2.11-acme.3').level).toBe('warning');
    expect(resultFor(log, 'CVE-2099-0003', 'busybox', null).level).toBe('note');
  });

  it('writes one result per finding, pointing at its rule', () => {
    const { log } = sarif();
    const { results, tool: t } = run(log);
    expect(results).toHaveLength(4);
    for (const result of results) {
      expect(t.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
    expect(results.filter((r) => r.ruleId === 'CVE-2099-0001')).toHaveLength(2);
  });

  it('says in the message which component, which vulnerability, the fix, the status and the evidence', () => {
    const { log } = sarif();
    expect(resultFor(log, 'CVE-2099-0001', 'openssl', '3.0.7').message.text).toBe(
      'openssl@3.0.7 is affected by CVE-2099-0001 (Type confusion in X.400 address processing). ' +
        'Fixed in 3.0.8. Status: affected. ' +
        'Evidence: 3.0.7 ≥ introduced 3.0.0 and < fixed 3.0.8 (SEMVER) (osv record GHSA-x4qr-2fvf-3mr5).',
    );
    const zlib = resultFor(log, 'CVE-2099-0002', 'zlib', '1.2.11-acme.3').message.text;
    expect(zlib).toMatch(/^zlib@1\.2\.11-acme\.3 may be affected by CVE-2099-0002 \(Heap overread in inflate\)\./);
    expect(zlib).toContain('No fixed version is known.');
    expect(zlib).toContain('Status: unknown-version');
    expect(zlib).toContain('Evidence: 1.2.11-acme.3 cannot be ordered against introduced 0 (SEMVER) (osv record');
    const busybox = resultFor(log, 'CVE-2099-0003', 'busybox', null).message.text;
    expect(busybox).toMatch(/^busybox \(version unknown\) may be affected by CVE-2099-0003\./);
  });

  it('locates every result in the SBOM file, on line 1, with the component as logical location', () => {
    const { log } = sarif();
    expect(run(log).artifacts).toEqual([{ location: { uri: 'sboms/pump%204.2.cdx.json' }, roles: ['analysisTarget'] }]);
    const location = resultFor(log, 'CVE-2099-0001', 'openssl', '3.0.7').locations?.[0];
    expect(location?.physicalLocation).toEqual({
      artifactLocation: { uri: 'sboms/pump%204.2.cdx.json', index: 0 },
      region: { startLine: 1 },
    });
    expect(location?.logicalLocations).toEqual([
      { name: 'openssl@3.0.7', fullyQualifiedName: 'pkg:generic/openssl@3.0.7', kind: 'module' },
    ]);
    expect(run(log).properties).toEqual({
      sbom: { file: 'sboms/pump 4.2.cdx.json', format: 'cyclonedx', specVersion: '1.6' },
    });
  });

  it('leaves locations out when the SBOM had no file name, still schema-valid', () => {
    const { log } = sarif(allFindings, '');
    expect(run(log)).not.toHaveProperty('artifacts');
    expect(run(log).results.every((r) => r.locations === undefined)).toBe(true);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('fingerprints a finding by component purl (else name@version) and vulnerability id', () => {
    const { log } = sarif();
    const openssl = resultFor(log, 'CVE-2099-0001', 'openssl', '3.0.7');
    expect(openssl.partialFingerprints).toEqual({
      [sarifFingerprintKey]: sha256('pkg:generic/openssl@3.0.7\u0000CVE-2099-0001'),
    });
    expect(sarifFingerprintKey).toBe('jointsecFinding/v1');
    expect(resultFor(log, 'CVE-2099-0003', 'busybox', null).partialFingerprints[sarifFingerprintKey]).toBe(
      sha256('busybox@\u0000CVE-2099-0003'),
    );
    const all = run(log).results.map((r) => r.partialFingerprints[sarifFingerprintKey]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps fingerprints when the SBOM regenerates its bom-refs or the file moves', () => {
    const renamed = { ...opensslNew, evidence: { ...opensslNew.evidence, componentRef: 'uuid-1234' } };
    const before = resultFor(sarif([opensslNew]).log, 'CVE-2099-0001', 'openssl', '3.0.7');
    const after = resultFor(sarif([renamed], 'elsewhere/sbom.json').log, 'CVE-2099-0001', 'openssl', '3.0.7');
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  it('carries the finding details as result properties', () => {
    const { log } = sarif();
    expect(resultFor(log, 'CVE-2099-0001', 'openssl', '1.1.1s').properties).toEqual({
      status: 'affected',
      component: {
        ref: 'comp-openssl-1',
        name: 'openssl',
        version: '1.1.1s',
        purl: 'pkg:generic/openssl@1.1.1s',
        cpe: null,
      },
      fixedVersions: ['1.1.1t'],
      evidence: {
        source: 'osv',
        record: 'GHSA-x4qr-2fvf-3mr5',
        reason: '1.1.1s ≥ introduced 1.1.1 and < fixed 1.1.1t (SEMVER)',
      },
    });
  });

  it('is deterministic: same bytes twice, and whatever the order of the findings', () => {
    const first = sarif().text;
    expect(sarif().text).toBe(first);
    expect(sarif([busyboxUnversioned, zlibUnknown, opensslOld, opensslNew]).text).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('writes a valid empty run for a scan without findings', () => {
    const { log } = sarif([]);
    expect(run(log).results).toEqual([]);
    expect(run(log).tool.driver.rules).toEqual([]);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });
});
