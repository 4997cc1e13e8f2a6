import type { ScanFinding, ScanReport } from '../../../src/services/scan-report.js';

/**
 * A hand-built `jointsec scan` report for the SARIF and CycloneDX VDR writer tests. Typed as
 * the services' `ScanReport`, so the test build fails if it stops being assignable to the
 * writers' own input interfaces. Vulnerability ids `CVE-2099-…` are made up for the tests.
 */
export const opensslNew: ScanFinding = {
  component: {
    name: 'openssl',
    version: '3.0.7',
    purl: 'pkg:generic/openssl@3.0.7',
    cpe: 'cpe:2.3:a:openssl:openssl:3.0.7:*:*:*:*:*:*:*',
  },
  vulnerability: {
    id: 'CVE-2099-0001',
    aliases: ['DSA-9999-1', 'GHSA-x4qr-2fvf-3mr5'],
    summary: 'Type confusion in X.400 address processing',
    cvss: [
      { version: '2.0', vector: 'AV:N/AC:M/Au:N/C:P/I:N/A:C', score: 7.8, source: 'nvd@nist.gov', scoreFrom: 'source' },
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:H',
        score: 7.4,
        source: 'nvd@nist.gov',
        scoreFrom: 'source',
      },
    ],
    kev: true,
    epss: 0.00432,
    cwes: ['CWE-843'],
    references: [
      { type: 'WEB', url: 'https://www.openssl.org/news/secadv/20990101.txt' },
      { type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2099-0001' },
      { type: 'FIX', url: 'https://github.com/openssl/openssl/commit/abc123' },
    ],
  },
  fixedVersions: ['3.0.8'],
  evidence: {
    source: 'osv',
    method: 'package-key',
    confidence: 'high',
    identity: { origin: 'sbom', purl: 'pkg:generic/openssl@3.0.7' },
    matched: {
      kind: 'osv-affected',
      affectedIndex: 0,
      ecosystem: 'GIT',
      package: 'openssl',
      packageKey: 'generic/openssl',
    },
    reason: '3.0.7 ≥ introduced 3.0.0 and < fixed 3.0.8 (SEMVER)',
    notes: [],
    status: 'affected',
    componentRef: 'comp-openssl-3',
    record: 'GHSA-x4qr-2fvf-3mr5',
    alsoMatchedBy: [],
    kev: {
      source: 'kev',
      cve: 'CVE-2099-0001',
      dateAdded: '2099-02-01',
      dueDate: '2099-02-22',
      knownRansomwareCampaignUse: 'unknown',
    },
    epss: { cve: 'CVE-2099-0001', percentile: 0.71234, date: '2099-03-01' },
  },
};

/** The same vulnerability in a second component: one rule, two results. */
export const opensslOld: ScanFinding = {
  ...opensslNew,
  component: {
    name: 'openssl',
    version: '1.1.1s',
    purl: 'pkg:generic/openssl@1.1.1s',
    cpe: null,
  },
  fixedVersions: ['1.1.1t'],
  evidence: {
    ...opensslNew.evidence,
    componentRef: 'comp-openssl-1',
    identity: { origin: 'sbom', purl: 'pkg:generic/openssl@1.1.1s' },
    reason: '1.1.1s ≥ introduced 1.1.1 and < fixed 1.1.1t (SEMVER)',
  },
};

/** A version the matcher could not order: `unknown-version`, a medium score, no fix. */
export const zlibUnknown: ScanFinding = {
  component: { name: 'zlib', version: '1.2.11-acme.3', purl: 'pkg:generic/zlib@1.2.11-acme.3', cpe: null },
  vulnerability: {
    id: 'CVE-2099-0002',
    aliases: ['GHSA-jm7q-vj5r-2f8g', 'PYSEC-2099-17'],
    summary: 'Heap overread in inflate.',
    cvss: [
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
        score: 5.3,
        source: 'security-advisories@github.com',
        scoreFrom: 'source',
      },
    ],
    kev: false,
    epss: null,
    cwes: ['CWE-125', 'NVD-CWE-Other'],
    references: [{ type: 'WEB', url: 'https://zlib.example/security' }],
  },
  fixedVersions: [],
  evidence: {
    source: 'osv',
    method: 'package-key',
    confidence: 'high',
    identity: { origin: 'sbom', purl: 'pkg:generic/zlib@1.2.11-acme.3' },
    matched: { kind: 'osv-affected', affectedIndex: 0, ecosystem: 'GIT', package: 'zlib', packageKey: 'generic/zlib' },
    reason: '1.2.11-acme.3 cannot be ordered against introduced 0 (SEMVER).',
    notes: ['version is not semver'],
    status: 'unknown-version',
    componentRef: 'comp-zlib',
    record: 'GHSA-jm7q-vj5r-2f8g',
    alsoMatchedBy: [],
    kev: null,
    epss: null,
  },
};

/** No version, no purl, matched by CPE; its only CVSS vector has no stated score. */
export const busyboxUnversioned: ScanFinding = {
  component: {
    name: 'busybox',
    version: null,
    purl: null,
    cpe: 'cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*',
  },
  vulnerability: {
    id: 'CVE-2099-0003',
    aliases: [],
    summary: null,
    cvss: [
      {
        version: '4.0',
        vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        score: null,
        source: 'cna@example.org',
        scoreFrom: null,
      },
    ],
    kev: false,
    epss: null,
    cwes: [],
    references: [],
  },
  fixedVersions: [],
  evidence: {
    source: 'nvd',
    method: 'cpe',
    confidence: 'low',
    identity: { origin: 'sbom', cpe: 'cpe:2.3:a:busybox:busybox:*:*:*:*:*:*:*:*' },
    matched: { kind: 'cpe-configuration', configurationIndex: 0 },
    reason: 'the component has no version; any version may be affected',
    notes: [],
    status: 'unknown-version',
    componentRef: 'comp-busybox',
    record: 'CVE-2099-0003',
    alsoMatchedBy: [],
    kev: null,
    epss: null,
  },
};

export function scanReport(findings: readonly ScanFinding[], file = 'sboms/pump 4.2.cdx.json'): ScanReport {
  const unknownVersion = findings.filter((f) => f.evidence.status === 'unknown-version').length;
  return {
    findings,
    summary: {
      sbom: { file, format: 'cyclonedx', specVersion: '1.6', components: 12 },
      feeds: {
        files: [],
        vulnerabilityRecords: 4,
        from: 'files',
        kevEntries: 1,
        epssScores: 1,
        errors: 0,
        warnings: 0,
        problems: [],
      },
      findings: { total: findings.length, affected: findings.length - unknownVersion, unknownVersion },
    },
  };
}

export const allFindings: readonly ScanFinding[] = [opensslNew, opensslOld, zlibUnknown, busyboxUnversioned];
