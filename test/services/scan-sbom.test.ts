import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/app-error.js';
import { loadFeedFiles } from '../../src/services/feed-files.js';
import { scanSbom } from '../../src/services/scan-sbom.js';
import type { ScanFinding } from '../../src/services/scan-report.js';
import { groupVulnerabilities } from '../../src/services/vulnerability-groups.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

const fixtures = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
const fixture = (...parts: string[]): string => join(fixtures, ...parts);

function sbomSource(path: string): { bytes: Uint8Array; fileName: string } {
  return { bytes: new Uint8Array(readFileSync(path)), fileName: path };
}

/** The finding's key facts, in one line a reader can compare against the fixtures. */
const row = (f: ScanFinding): string =>
  [f.component.name, f.component.version, f.vulnerability.id, f.evidence.status, f.fixedVersions.join('|')].join(' ');

describeCorpus('scanSbom on osv-scanner alpine.cdx.xml', () => {
  const sbom = sbomSource(corpusPath('osv-scanner-sbom-testdata', 'alpine.cdx.xml'));
  // The hand-made Alpine stand-ins, every real corpus advisory (none names an Alpine 3.17
  // package, so they must add nothing: true negatives), the real KEV catalog and our EPSS file.
  const feeds = [
    fixture('alpine'),
    corpusPath('osv-advisories'),
    corpusPath('cisa-kev', 'known_exploited_vulnerabilities.json'),
    fixture('epss'),
  ];

  it('finds exactly the hand-checked findings, in order', async () => {
    const report = await scanSbom({ sbom, feeds, baseDir: '/' });
    // By reading the SBOM and the fixtures: libcrypto3 and libssl3 (upstream=openssl) 3.0.8-r0 <
    // fixed 3.0.8-r1; zlib 1.2.10-r0 < 1.2.12-r0 and < 1.2.12-r2; busybox-binsh and ssl_client
    // 1.36.1-r27 ≥ fixed 1.35.0-r7 (no finding); musl and musl-utils (upstream=musl) meet a GIT-only range.
    expect(report.findings.map(row)).toEqual([
      'libcrypto3 3.0.8-r0 CVE-2023-0464 affected 3.0.8-r1',
      'libssl3 3.0.8-r0 CVE-2023-0464 affected 3.0.8-r1',
      'musl 1.2.3-r4 HAND-ALPINE-MUSL-GIT unknown-version ',
      'musl-utils 1.2.3-r4 HAND-ALPINE-MUSL-GIT unknown-version ',
      'zlib 1.2.10-r0 CVE-2018-25032 affected 1.2.12-r0',
      'zlib 1.2.10-r0 CVE-2022-37434 affected 1.2.12-r2',
    ]);
    expect(report.summary.findings).toEqual({ total: 6, affected: 4, unknownVersion: 2 });
  });

  it('keeps the contract keys and enriches from the records, KEV and EPSS', async () => {
    const report = await scanSbom({ sbom, feeds, baseDir: '/' });
    const openssl = report.findings[0];
    expect(Object.keys(openssl ?? {})).toEqual(['component', 'vulnerability', 'fixedVersions', 'evidence']);
    expect(openssl?.component).toEqual({
      name: 'libcrypto3',
      version: '3.0.8-r0',
      // The SBOM's purl in canonical form: qualifiers sorted by key (purl spec).
      purl: 'pkg:apk/alpine/libcrypto3@3.0.8-r0?arch=x86_64&distro=alpine-3.17.2&upstream=openssl',
      cpe: expect.stringMatching(/^cpe:2\.3:a:/),
    });
    expect(openssl?.vulnerability).toMatchObject({
      id: 'CVE-2023-0464',
      aliases: ['HAND-ALPINE-CVE-2023-0464'],
      summary: 'Hand-made stand-in: excessive resource use verifying X.509 policy constraints',
      cvss: [
        {
          version: '3.1',
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
          // The record gives no score; 7.5 is this vector's base score by the CVSS 3.1 equations
          // (network, low complexity, no privileges or interaction, high availability impact only).
          score: 7.5,
          scoreFrom: 'computed',
          source: expect.any(String),
        },
      ],
      kev: false,
      epss: 0.01544,
      references: [{ type: 'ADVISORY', url: 'https://security.alpinelinux.org/vuln/CVE-2023-0464' }],
    });
    expect(openssl?.evidence).toMatchObject({
      status: 'affected',
      record: 'HAND-ALPINE-CVE-2023-0464',
      source: 'osv',
      method: 'package-key',
      confidence: 'high',
      kev: null,
      epss: { cve: 'CVE-2023-0464', percentile: 0.80822, date: '2025-08-25' },
      alsoMatchedBy: [],
    });

    const zlib = report.findings.find((f) => f.vulnerability.id === 'CVE-2018-25032');
    // No summary in the record: the first line of `details` stands in.
    expect(zlib?.vulnerability.summary).toBe('Hand-made stand-in: zlib memory corruption when compressing.');
    expect(zlib?.vulnerability.epss).toBe(0.00361);

    const musl = report.findings.find((f) => f.component.name === 'musl');
    expect(musl?.vulnerability).toMatchObject({ id: 'HAND-ALPINE-MUSL-GIT', aliases: [], epss: null, kev: false });
    expect(musl?.evidence.status).toBe('unknown-version');
  });

  it('reports every skipped OSV YAML file and still reads KEV and EPSS', async () => {
    const report = await scanSbom({ sbom, feeds, baseDir: '/' });
    const problems = report.summary.feeds.problems;
    expect(problems.filter((p) => p.message.startsWith('OSV YAML is not supported yet')).length).toBe(
      // 130 PyPA files + 3 worker-testdata PYSEC files (counted in the corpus README and folder).
      133,
    );
    expect(report.summary.feeds.kevEntries).toBe(1404);
    expect(report.summary.feeds.epssScores).toBe(3);
  });

  it('gives identical output on a second run', async () => {
    const a = JSON.stringify(await scanSbom({ sbom, feeds, baseDir: '/' }));
    const b = JSON.stringify(await scanSbom({ sbom, feeds: [...feeds].reverse(), baseDir: '/' }));
    const strip = (text: string) => JSON.parse(text) as { findings: unknown };
    expect(strip(b).findings).toEqual(strip(a).findings);
  });
});

describeCorpus('scanSbom: a real KEV-listed true positive', () => {
  it('flags Ghostcat (CVE-2020-1938) on tomcat-embed-core 8.5.34 with the KEV due date', async () => {
    const report = await scanSbom({
      sbom: sbomSource(corpusPath('cyclonedx-bom-examples', 'SBOM', 'keycloak-10.0.2', 'bom.json')),
      feeds: [
        corpusPath('osv-advisories', 'ghsa-from-osv-scalibr-testdata', 'records', 'GHSA-c9hw-wf7x-jp9j.json'),
        // The CSV form of the catalog, to exercise KEV CSV detection.
        corpusPath('cisa-kev', 'known_exploited_vulnerabilities.csv'),
      ],
      baseDir: '/',
    });
    // GHSA-c9hw-wf7x-jp9j: Maven tomcat-embed-core introduced 8.0.0 fixed 8.5.51 (and 7.x, 9.x
    // ranges); the SBOM has 8.5.34 and 8.5.39. KEV lists CVE-2020-1938, due 2022-03-17.
    const versions = report.findings.map((f) => `${f.component.name}@${f.component.version}`);
    expect([...new Set(versions)].sort()).toEqual(['tomcat-embed-core@8.5.34', 'tomcat-embed-core@8.5.39']);
    for (const finding of report.findings) {
      expect(finding.vulnerability).toMatchObject({
        id: 'CVE-2020-1938',
        aliases: ['BIT-tomcat-2020-1938', 'GHSA-c9hw-wf7x-jp9j'],
        summary: 'Improper Privilege Management in Tomcat',
        kev: true,
        epss: null,
        cwes: ['CWE-269'],
      });
      expect(finding.fixedVersions).toEqual(['8.5.51']);
      expect(finding.evidence.kev).toEqual({
        source: 'kev',
        cve: 'CVE-2020-1938',
        dateAdded: '2022-03-03',
        dueDate: '2022-03-17',
        knownRansomwareCampaignUse: 'unknown',
      });
    }
  });
});

describeCorpus('alias merging', () => {
  const ghsa = corpusPath('osv-advisories', 'ghsa-from-osv-scalibr-testdata', 'records', 'GHSA-77rm-9x9h-xj3g.json');

  it('makes a GHSA and a PYSEC record for the same CVE one vulnerability with both ids', async () => {
    const feeds = await loadFeedFiles([ghsa, fixture('alias', 'PYSEC-2022-48.json')], { baseDir: '/' });
    const groups = groupVulnerabilities({ records: feeds.vulnerabilities, kev: feeds.kev, epss: feeds.epss });
    expect(groups.groups).toHaveLength(1);
    expect(groups.groups[0]?.ids).toEqual(['CVE-2021-22570', 'GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48']);
    expect(groups.groups[0]?.records.map((r) => r.id)).toEqual(['GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48']);
    expect(groups.groupOf('pysec-2022-48')).toBe(groups.groups[0]);
  });

  it('reports one finding naming both records', async () => {
    const report = await scanSbom({
      sbom: sbomSource(fixture('sboms', 'protobuf-app.cdx.json')),
      feeds: [ghsa, fixture('alias', 'PYSEC-2022-48.json')],
      baseDir: '/',
    });
    // Both records: PyPI protobuf introduced 0 fixed 3.15.0; the SBOM has 3.14.0 and requests 2.31.0.
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding?.vulnerability).toMatchObject({
      id: 'CVE-2021-22570',
      aliases: ['GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48'],
      summary: 'NULL Pointer Dereference in Protocol Buffers',
      cwes: ['CWE-476'],
    });
    expect(finding?.fixedVersions).toEqual(['3.15.0']);
    // Both are OSV records; the GHSA id sorts first, so it decides and the PYSEC one is named.
    expect(finding?.evidence.record).toBe('GHSA-77rm-9x9h-xj3g');
    expect(finding?.evidence.alsoMatchedBy).toEqual([{ record: 'PYSEC-2022-48', source: 'osv', status: 'affected' }]);
  });
});

describeCorpus('feed format detection', () => {
  const cveDir = corpusPath('cve-records', 'osv-dev-vulnfeeds-testdata');

  it('recognizes CVE 5, NVD API 2.0 and NVD 1.1 files by content and merges one CVE across sources', async () => {
    const feeds = await loadFeedFiles(
      ['cve5/CVE-2024-3094.json', 'nvd-api-2.0/CVE-2024-3094.json', 'nvdcve-1.1-test-data.json'],
      { baseDir: cveDir },
    );
    expect(feeds.files.map((f) => f.format)).toEqual(['cve5', 'nvd', 'nvd']);
    expect(feeds.files[2]?.records).toBeGreaterThan(600); // 669 CVE_Items in the file
    const groups = groupVulnerabilities({ records: feeds.vulnerabilities, kev: feeds.kev, epss: feeds.epss });
    const xz = groups.groupOf('CVE-2024-3094');
    expect(xz?.ids).toEqual(['CVE-2024-3094']);
    expect(xz?.records.map((r) => r.source)).toEqual(['cve5', 'nvd']);
  });
});

describe('feed loading problems', () => {
  const temp = mkdtempSync(join(tmpdir(), 'jointsec-feeds-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('reports a corrupt file and a bad record, and still loads the rest', async () => {
    const feeds = await loadFeedFiles(['corrupt', 'alias'], { baseDir: fixtures });
    const byFile = new Map(feeds.files.map((f) => [f.file, f]));
    const truncated = byFile.get(join('corrupt', 'truncated.json'));
    expect(truncated?.records).toBe(0);
    expect(truncated?.diagnostics[0]).toMatchObject({ severity: 'error' });
    expect(truncated?.diagnostics[0]?.message).toMatch(/not valid JSON/);
    const mixed = byFile.get(join('corrupt', 'one-bad-record.json'));
    expect(mixed?.format).toBe('osv');
    expect(mixed?.records).toBe(1);
    expect(mixed?.diagnostics.some((d) => d.severity === 'error' && d.path.startsWith('/1'))).toBe(true);
    expect(feeds.vulnerabilities.map((v) => v.id).sort()).toEqual(['HAND-GOOD-NEIGHBOUR', 'PYSEC-2022-48']);
  });

  it('reads gzip EPSS by its magic bytes, whatever the name', async () => {
    const csv = readFileSync(fixture('epss', 'epss_scores-2025-08-25.csv'));
    writeFileSync(join(temp, 'epss.csv.gz'), gzipSync(csv));
    const feeds = await loadFeedFiles(['epss.csv.gz'], { baseDir: temp });
    expect(feeds.files[0]?.format).toBe('epss');
    expect(feeds.epss.get('CVE-2022-37434')).toEqual({
      cve: 'CVE-2022-37434',
      score: 0.37105,
      percentile: 0.9705,
      date: '2025-08-25',
    });
  });

  it('refuses a feed path that does not exist, naming it', async () => {
    const error = await loadFeedFiles(['no-such-dir'], { baseDir: temp }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === 'invalid-input' && error.location?.file === 'no-such-dir').toBe(true);
  });

  it('refuses to scan when no vulnerability record could be loaded', async () => {
    const error = await scanSbom({
      sbom: sbomSource(fixture('sboms', 'protobuf-app.cdx.json')),
      feeds: [fixture('corrupt', 'truncated.json'), fixture('epss')],
      baseDir: '/',
    }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code === 'invalid-input').toBe(true);
    expect(isAppError(error) ? error.details.map((d) => d.message).join('\n') : '').toMatch(/not valid JSON/);
  });
});
