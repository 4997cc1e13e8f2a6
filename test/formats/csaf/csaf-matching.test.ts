import { describe, expect, it } from 'vitest';
import { newComponent } from '../../../src/core/sbom.js';
import type { AffectedPackage } from '../../../src/core/vulnerability-affected-package.js';
import type { Vulnerability } from '../../../src/core/vulnerability.js';
import { parseCsafValue } from '../../../src/formats/csaf/index.js';
import { buildAdvisoryIndex, matchComponent, type Finding } from '../../../src/matching/index.js';
import { branchTree, csafDocument } from './csaf-document.js';

/** Parses hand-written CSAF vulnerabilities over one product tree, indexes them, and matches one component. */
function matcherFor(productTree: Record<string, unknown>, vulnerabilities: readonly unknown[]) {
  const result = parseCsafValue(csafDocument({ productTree, vulnerabilities }));
  expect(result.errors.filter((e) => e.severity === 'error')).toEqual([]);
  const index = buildAdvisoryIndex(result.records);
  return (component: { purl?: string; cpe?: string; version?: string }): Finding[] =>
    matchComponent(newComponent({ ref: 'c1', name: 'component', ...component }), index);
}
const summary = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.vulnerabilityId} ${f.status}`);

describe('CSAF purl products match components by package key', () => {
  const match = matcherFor(
    branchTree('ABC', [
      { category: 'product_version_range', name: 'vers:npm/>=2.2.0|<2.3.0', id: 'RANGE', purl: 'pkg:npm/abc' },
      { category: 'product_version', name: '2.2.7', id: 'PATCHED', purl: 'pkg:npm/abc@2.2.7' },
      { category: 'product_version', name: '1.0.0', id: 'OLD', purl: 'pkg:npm/abc@1.0.0' },
    ]),
    [
      {
        cve: 'CVE-2024-1111',
        product_status: { known_affected: ['RANGE'], known_not_affected: ['OLD'] },
      },
      { cve: 'CVE-2024-2222', product_status: { known_not_affected: ['RANGE', 'OLD'] } },
      { cve: 'CVE-2024-3333', product_status: { under_investigation: ['RANGE'] } },
    ],
  );

  it('a version inside the vers range is affected, with the range as evidence', () => {
    const [finding, ...rest] = match({ purl: 'pkg:npm/abc@2.2.5' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      vulnerabilityId: 'CVE-2024-1111',
      aliases: [],
      status: 'affected',
      evidence: {
        source: 'csaf',
        method: 'package-key',
        matched: { kind: 'osv-affected', ecosystem: 'npm', package: 'abc', packageKey: 'npm:abc' },
        range: 'vers:npm/>=2.2.0|<2.3.0',
        version: '2.2.5',
        scheme: 'npm',
      },
    });
  });

  it('versions outside the range, and known_not_affected or under_investigation products, give no finding', () => {
    expect(summary(match({ purl: 'pkg:npm/abc@2.3.0' }))).toEqual([]);
    expect(summary(match({ purl: 'pkg:npm/abc@2.1.9' }))).toEqual([]);
    expect(summary(match({ purl: 'pkg:npm/abc@1.0.0' }))).toEqual([]);
    // The same purl range stated known_not_affected (CVE-2024-2222) or under investigation (3333) never matches.
    expect(summary(match({ purl: 'pkg:npm/abc@2.2.0' }))).toEqual(['CVE-2024-1111 affected']);
  });

  it('the package key ignores the component purl qualifiers, and a component without version is unknown-version', () => {
    expect(summary(match({ purl: 'pkg:npm/abc@2.2.1?repository_url=https://r.example.com' }))).toEqual([
      'CVE-2024-1111 affected',
    ]);
    expect(summary(match({ purl: 'pkg:npm/abc' }))).toEqual(['CVE-2024-1111 unknown-version']);
    expect(summary(match({ purl: 'pkg:npm/abcd@2.2.1' }))).toEqual([]);
  });
});

describe('CSAF fixed versions', () => {
  it('explicit affected versions report the fixed version and do not widen to versions below it', () => {
    const match = matcherFor(
      branchTree('ABC', [
        { category: 'product_version', name: '1.4.0', id: 'A', purl: 'pkg:pypi/abc@1.4.0' },
        { category: 'product_version', name: '1.5.0', id: 'F', purl: 'pkg:pypi/abc@1.5.0' },
      ]),
      [{ cve: 'CVE-2024-1111', product_status: { known_affected: ['A'], fixed: ['F'] } }],
    );
    expect(match({ purl: 'pkg:pypi/ABC@1.4.0' })).toMatchObject([{ status: 'affected', fixedVersions: ['1.5.0'] }]);
    expect(summary(match({ purl: 'pkg:pypi/abc@1.3.0' }))).toEqual([]);
    expect(summary(match({ purl: 'pkg:pypi/abc@1.5.0' }))).toEqual([]);
  });

  it('a Red Hat fixed rpm makes earlier versions of its stream affected, and only of its stream', () => {
    const match = matcherFor(
      {
        full_product_names: [
          {
            name: 'Red Hat Enterprise Linux AppStream (v. 9)',
            product_id: 'AppStream-9',
            product_identification_helper: { cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream' },
          },
          {
            name: 'git-lfs-0:3.4.1-2.el9_4.x86_64',
            product_id: 'git-lfs',
            product_identification_helper: { purl: 'pkg:rpm/redhat/git-lfs@3.4.1-2.el9_4?arch=x86_64' },
          },
        ],
        relationships: [
          {
            category: 'default_component_of',
            full_product_name: { name: 'git-lfs as a component of AppStream 9', product_id: 'AppStream-9:git-lfs' },
            product_reference: 'git-lfs',
            relates_to_product_reference: 'AppStream-9',
          },
        ],
      },
      [{ cve: 'CVE-2023-45288', product_status: { fixed: ['AppStream-9:git-lfs'] } }],
    );
    expect(match({ purl: 'pkg:rpm/redhat/git-lfs@3.2.0-2.el9?arch=x86_64&distro=rhel-9.4' })).toMatchObject([
      {
        vulnerabilityId: 'CVE-2023-45288',
        status: 'affected',
        fixedVersions: ['3.4.1-2.el9_4'],
        evidence: {
          matched: { ecosystem: 'Red Hat:enterprise_linux:9::appstream', packageKey: 'rpm:redhat:9:git-lfs' },
        },
      },
    ]);
    expect(summary(match({ purl: 'pkg:rpm/redhat/git-lfs@3.4.1-2.el9_4?arch=x86_64&distro=rhel-9.4' }))).toEqual([]);
    // RHEL 8 backports its own fixes: the RHEL 9 fix says nothing about it.
    expect(summary(match({ purl: 'pkg:rpm/redhat/git-lfs@2.13.3-1.el8?distro=rhel-8.10' }))).toEqual([]);
  });
});

describe('what the matcher cannot decide is unknown-version, never silently not affected', () => {
  it('a range that is not vers gives unknown-version with the reason', () => {
    const match = matcherFor(
      branchTree('ABC', [{ category: 'product_version_range', name: 'all before 2.0', id: 'R', purl: 'pkg:npm/abc' }]),
      [{ cve: 'CVE-2024-1111', product_status: { known_affected: ['R'] } }],
    );
    const [finding] = match({ purl: 'pkg:npm/abc@1.0.0' });
    expect(finding?.status).toBe('unknown-version');
    expect(finding?.evidence.range).toBe('all before 2.0');
    expect(finding?.evidence.reason).toContain('the range cannot be evaluated');
  });

  it('an unversioned known_affected product matches every version', () => {
    const match = matcherFor(
      branchTree('ABC', [{ category: 'product_name', name: 'abc', id: 'P', purl: 'pkg:npm/abc' }]),
      [{ cve: 'CVE-2024-1111', product_status: { known_affected: ['P'] } }],
    );
    expect(summary(match({ purl: 'pkg:npm/abc@99.0.0' }))).toEqual(['CVE-2024-1111 affected']);
  });
});

describe('CSAF CPE products match components that have only a CPE', () => {
  it('the product CPE range matches, known_not_affected does not', () => {
    const match = matcherFor(
      branchTree('ABC', [
        { category: 'product_version_range', name: 'vers:generic/>=2.9|<=4.1', id: 'R', cpe: 'cpe:/a:example:abc' },
        { category: 'product_version', name: '4.2', id: 'N', cpe: 'cpe:2.3:a:example:abc:4.2:*:*:*:*:*:*:*' },
      ]),
      [{ cve: 'CVE-2021-44228', product_status: { known_affected: ['R'], known_not_affected: ['N'] } }],
    );
    expect(match({ cpe: 'cpe:2.3:a:example:abc:3.0:*:*:*:*:*:*:*' })).toMatchObject([
      { vulnerabilityId: 'CVE-2021-44228', status: 'affected', evidence: { source: 'csaf', method: 'cpe' } },
    ]);
    expect(summary(match({ cpe: 'cpe:2.3:a:example:abc:4.2:*:*:*:*:*:*:*' }))).toEqual([]);
    expect(summary(match({ cpe: 'cpe:2.3:a:example:abc:2.8:*:*:*:*:*:*:*' }))).toEqual([]);
  });
});

describe('the matcher evaluates vers next to ranges and versions (any part affected decides)', () => {
  const entry = (extra: Partial<AffectedPackage>): Vulnerability => ({
    id: 'CSAF-TEST-1',
    aliases: [],
    related: [],
    source: 'csaf',
    cvss: [],
    severityRatings: [],
    cwes: [],
    references: [],
    affected: [
      {
        ecosystem: 'npm',
        ecosystemQualified: 'npm',
        name: 'abc',
        purl: 'pkg:npm/abc',
        ranges: [],
        versions: [],
        ...extra,
      },
    ],
    affectedProducts: [],
    cpeConfigurations: [],
  });
  const statusFor = (vulnerability: Vulnerability, version: string): string[] =>
    summary(
      matchComponent(
        newComponent({ ref: 'c', name: 'abc', purl: `pkg:npm/abc@${version}` }),
        buildAdvisoryIndex([vulnerability]),
      ),
    );

  it('versions or vers', () => {
    const both = entry({ versions: ['1.0.0'], vers: 'vers:npm/>=2.0.0|<2.1.0' });
    expect(statusFor(both, '1.0.0')).toEqual(['CSAF-TEST-1 affected']);
    expect(statusFor(both, '2.0.5')).toEqual(['CSAF-TEST-1 affected']);
    expect(statusFor(both, '1.5.0')).toEqual([]);
  });

  it('an unreadable vers outranks a versions list that does not hold the version', () => {
    const broken = entry({ versions: ['1.0.0'], vers: 'vers:npm/>=2.0.0|>=2.1.0' });
    expect(statusFor(broken, '1.5.0')).toEqual(['CSAF-TEST-1 unknown-version']);
    expect(statusFor(broken, '1.0.0')).toEqual(['CSAF-TEST-1 affected']);
  });

  it('a vers scheme we cannot order is unknown-version', () => {
    expect(statusFor(entry({ vers: 'vers:nosuchscheme/>=1.0' }), '1.5.0')).toEqual(['CSAF-TEST-1 unknown-version']);
  });

  it('fixedVersions are reported when above the component version', () => {
    const vulnerability = entry({ versions: ['1.0.0', '2.5.0'], fixedVersions: ['2.0.0', '3.0.0'] });
    const fixedFor = (version: string): readonly string[] | undefined =>
      matchComponent(
        newComponent({ ref: 'c', name: 'abc', purl: `pkg:npm/abc@${version}` }),
        buildAdvisoryIndex([vulnerability]),
      )[0]?.fixedVersions;
    expect(fixedFor('1.0.0')).toEqual(['2.0.0', '3.0.0']);
    expect(fixedFor('2.5.0')).toEqual(['3.0.0']);
  });
});
