import { describe, expect, it } from 'vitest';
import { parseCsafValue } from '../../../src/formats/csaf/index.js';
import { branchTree, csafDocument, onlyRecord } from './csaf-document.js';

type Leaf = Parameters<typeof branchTree>[1][number];

/** One vulnerability over one product line, with the given product status. */
function statusOf(leaves: readonly Leaf[], productStatus: Record<string, string[]>, product = 'ABC') {
  return onlyRecord(
    csafDocument({
      productTree: branchTree(product, leaves),
      vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: productStatus }],
    }),
  );
}

const npm = { ecosystem: 'npm', ecosystemQualified: 'npm', name: 'abc', purl: 'pkg:npm/abc', purlDerived: false };

describe('products with a purl become affected packages keyed by the versionless purl', () => {
  it('known_affected with a versioned purl: versions [v]', () => {
    const { record, errors } = statusOf(
      [{ category: 'product_version', name: '1.0.0', id: 'P1', purl: 'pkg:npm/abc@1.0.0' }],
      { known_affected: ['P1'] },
    );
    expect(errors).toEqual([]);
    expect(record.affected).toEqual([{ ...npm, ranges: [], versions: ['1.0.0'] }]);
    expect(record.cpeConfigurations).toEqual([]);
    expect(record.affectedProducts).toEqual([]);
  });

  it('a purl without version takes the product_version branch name; several versions share one entry', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '1.0.0', id: 'P1', purl: 'pkg:npm/abc' },
        { category: 'product_version', name: '1.0.1', id: 'P2', purl: 'pkg:npm/abc' },
      ],
      { known_affected: ['P1', 'P2'] },
    );
    expect(record.affected).toEqual([{ ...npm, ranges: [], versions: ['1.0.0', '1.0.1'] }]);
  });

  it('a product_version_range in vers is kept as vers; a comparator text is read as vers of the purl type', () => {
    const { record, errors } = statusOf(
      [
        { category: 'product_version_range', name: 'vers:npm/>=2.2.0|<2.3.0', id: 'P1', purl: 'pkg:npm/abc' },
        { category: 'product_version_range', name: '>= 1.0.0 | < 1.3.1', id: 'P2', purl: 'pkg:npm/abc' },
      ],
      { known_affected: ['P1', 'P2'] },
    );
    expect(errors).toEqual([]);
    expect(record.affected).toEqual([
      { ...npm, ranges: [], versions: [], vers: 'vers:npm/>=2.2.0|<2.3.0' },
      { ...npm, ranges: [], versions: [], vers: 'vers:npm/>=1.0.0|<1.3.1' },
    ]);
  });

  it('a range that is not vers is kept as written, with a warning: the matcher will answer unknown-version', () => {
    const { record, errors } = statusOf(
      [{ category: 'product_version_range', name: 'all versions before 2', id: 'P1', purl: 'pkg:npm/abc' }],
      { known_affected: ['P1'] },
    );
    expect(record.affected).toEqual([{ ...npm, ranges: [], versions: [], vers: 'all versions before 2' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      severity: 'warning',
      path: '/vulnerabilities/0/product_status/known_affected/0',
      recordId: 'CVE-2024-0001',
    });
    expect(errors[0]?.message).toContain("the range 'all versions before 2' of pkg:npm/abc cannot be evaluated");
  });

  it('fixed alone: introduced 0, fixed v (earlier versions are affected)', () => {
    const { record } = statusOf([{ category: 'product_version', name: '2.0.0', id: 'P1', purl: 'pkg:npm/abc@2.0.0' }], {
      fixed: ['P1'],
    });
    expect(record.affected).toEqual([
      {
        ...npm,
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [
              { kind: 'introduced', version: '0' },
              { kind: 'fixed', version: '2.0.0' },
            ],
          },
        ],
        versions: [],
      },
    ]);
  });

  it('fixed next to an explicit affected list is only reported (fixedVersions), never widened into a range', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '1.4.0', id: 'P1', purl: 'pkg:npm/abc@1.4.0' },
        { category: 'product_version', name: '1.5.0', id: 'P2', purl: 'pkg:npm/abc@1.5.0' },
      ],
      { known_affected: ['P1'], fixed: ['P2'] },
    );
    expect(record.affected).toEqual([{ ...npm, ranges: [], versions: ['1.4.0'], fixedVersions: ['1.5.0'] }]);
  });

  it('first_affected / first_fixed and last_affected give ECOSYSTEM ranges', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '1.2.0', id: 'P1', purl: 'pkg:npm/abc@1.2.0' },
        { category: 'product_version', name: '1.5.0', id: 'P2', purl: 'pkg:npm/abc@1.5.0' },
        { category: 'product_version', name: '0.9.0', id: 'Q1', purl: 'pkg:npm/other@0.9.0' },
      ],
      { first_affected: ['P1'], first_fixed: ['P2'], last_affected: ['Q1'] },
    );
    expect(record.affected.map((a) => [a.name, a.ranges])).toEqual([
      [
        'abc',
        [
          {
            type: 'ECOSYSTEM',
            events: [
              { kind: 'introduced', version: '1.2.0' },
              { kind: 'fixed', version: '1.5.0' },
            ],
          },
        ],
      ],
      [
        'other',
        [
          {
            type: 'ECOSYSTEM',
            events: [
              { kind: 'introduced', version: '0' },
              { kind: 'lastAffected', version: '0.9.0' },
            ],
          },
        ],
      ],
    ]);
  });

  it('an unversioned known_affected product is every version (vers:all/*); with a fix, every version below it', () => {
    const alone = statusOf([{ category: 'product_name', name: 'abc', id: 'P1', purl: 'pkg:npm/abc' }], {
      known_affected: ['P1'],
    }).record;
    expect(alone.affected).toEqual([{ ...npm, ranges: [], versions: [], vers: 'vers:all/*' }]);
    const fixed = statusOf(
      [
        { category: 'product_name', name: 'abc', id: 'P1', purl: 'pkg:npm/abc' },
        { category: 'product_version', name: '3.0.0', id: 'P2', purl: 'pkg:npm/abc@3.0.0' },
      ],
      { known_affected: ['P1'], fixed: ['P2'] },
    ).record;
    expect(fixed.affected.map((a) => [a.vers, a.ranges[0]?.events])).toEqual([
      [
        undefined,
        [
          { kind: 'introduced', version: '0' },
          { kind: 'fixed', version: '3.0.0' },
        ],
      ],
    ]);
  });

  it('known_not_affected and under_investigation give no entry; they are kept by product name', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '1.0.0', id: 'P1', purl: 'pkg:npm/abc@1.0.0' },
        { category: 'product_version', name: '2.0.0', id: 'P2', purl: 'pkg:npm/abc@2.0.0' },
      ],
      { known_not_affected: ['P1'], under_investigation: ['P2'] },
    );
    expect(record.affected).toEqual([]);
    expect(record.cpeConfigurations).toEqual([]);
    expect(record.databaseSpecific?.['csaf']).toMatchObject({
      productStatus: {
        known_not_affected: ['Example Company ABC 1.0.0'],
        under_investigation: ['Example Company ABC 2.0.0'],
      },
    });
  });

  it('a product both affected and not affected (mandatory test 6.1.6) stays affected, with a warning', () => {
    const { record, errors } = statusOf(
      [{ category: 'product_version', name: '1.0.0', id: 'P1', purl: 'pkg:npm/abc@1.0.0' }],
      { known_affected: ['P1'], known_not_affected: ['P1'] },
    );
    expect(record.affected).toEqual([{ ...npm, ranges: [], versions: ['1.0.0'] }]);
    expect(errors.map((e) => e.message)).toEqual([
      "product 'P1' has contradicting statuses (affected, not-affected); treated as affected",
    ]);
  });

  it('a status naming an undefined product is a warning, the rest is read', () => {
    const { record, errors } = statusOf(
      [{ category: 'product_version', name: '1.0.0', id: 'P1', purl: 'pkg:npm/abc@1.0.0' }],
      { known_affected: ['P9', 'P1'] },
    );
    expect(record.affected).toHaveLength(1);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['/vulnerabilities/0/product_status/known_affected/0', 'undefined product id "P9": ignored'],
    ]);
  });

  it('OSV names and ecosystems per purl type, so keys meet OSV records: Maven, PyPI, Go, npm scope', () => {
    const { record } = statusOf(
      [
        {
          category: 'product_version',
          name: 'a',
          id: 'M',
          purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        },
        { category: 'product_version', name: 'b', id: 'Y', purl: 'pkg:pypi/Django_Rest@3.0' },
        { category: 'product_version', name: 'c', id: 'G', purl: 'pkg:golang/golang.org/x/net@v0.17.0' },
        { category: 'product_version', name: 'd', id: 'N', purl: 'pkg:npm/%40angular/core@16.0.0' },
      ],
      { known_affected: ['M', 'Y', 'G', 'N'] },
    );
    expect(record.affected.map((a) => [a.ecosystem, a.name, a.purl, a.versions])).toEqual([
      ['Maven', 'org.apache.logging.log4j:log4j-core', 'pkg:maven/org.apache.logging.log4j/log4j-core', ['2.14.1']],
      ['PyPI', 'django-rest', 'pkg:pypi/django-rest', ['3.0']],
      ['Go', 'golang.org/x/net', 'pkg:golang/golang.org/x/net', ['v0.17.0']],
      ['npm', '@angular/core', 'pkg:npm/%40angular/core', ['16.0.0']],
    ]);
  });

  it('a distribution package keeps its distro qualifier as the release; arch and other qualifiers are dropped', () => {
    const { record } = statusOf(
      [
        {
          category: 'product_version',
          name: 'x',
          id: 'D',
          purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12',
        },
        {
          category: 'product_version',
          name: 'y',
          id: 'R',
          purl: 'pkg:rpm/redhat/openssl@3.0.7-27.el9?epoch=1&arch=x86_64',
        },
      ],
      { known_affected: ['D', 'R'] },
    );
    expect(record.affected.map((a) => [a.ecosystemQualified, a.release, a.name, a.purl, a.versions])).toEqual([
      ['Debian:debian-12', 'debian-12', 'openssl', 'pkg:deb/debian/openssl?distro=debian-12', ['3.0.11-1~deb12u2']],
      // The rpm epoch qualifier is part of the version rpm compares.
      ['Red Hat', undefined, 'openssl', 'pkg:rpm/redhat/openssl', ['1:3.0.7-27.el9']],
    ]);
  });

  it('CSAF 2.1 purls[]: one entry per purl', () => {
    const { record } = onlyRecord(
      csafDocument({
        document: { csaf_version: '2.1' },
        productTree: branchTree('ABC', [
          { category: 'product_version', name: '1.0.0', id: 'P1', purls: ['pkg:npm/abc@1.0.0', 'pkg:pypi/abc@1.0.0'] },
        ]),
        vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['P1'] } }],
      }),
    );
    expect(record.affected.map((a) => a.purl)).toEqual(['pkg:npm/abc', 'pkg:pypi/abc']);
  });

  it('an invalid purl is a warning; the product falls back to its CPE', () => {
    const { record, errors } = statusOf(
      [
        {
          category: 'product_version',
          name: '1.0',
          id: 'P1',
          purl: 'pkg:/abc@1.0',
          cpe: 'cpe:2.3:a:example:abc:1.0:*:*:*:*:*:*:*',
        },
      ],
      { known_affected: ['P1'] },
    );
    expect(record.affected).toEqual([]);
    expect(record.cpeConfigurations).toHaveLength(1);
    expect(errors.map((e) => e.message)).toEqual(["invalid purl 'pkg:/abc@1.0': ignored"]);
  });
});

describe('relationships: the component is what is affected, its platform gives context', () => {
  const redHatTree = {
    branches: [
      {
        category: 'vendor',
        name: 'Red Hat',
        branches: [
          {
            category: 'product_name',
            name: 'Red Hat Enterprise Linux AppStream (v. 9)',
            product: {
              name: 'Red Hat Enterprise Linux AppStream (v. 9)',
              product_id: 'AppStream-9.4.0.Z.MAIN',
              product_identification_helper: { cpe: 'cpe:/a:redhat:enterprise_linux:9::appstream' },
            },
          },
          {
            category: 'product_version',
            name: 'git-lfs-0:3.4.1-2.el9_4.x86_64',
            product: {
              name: 'git-lfs-0:3.4.1-2.el9_4.x86_64',
              product_id: 'git-lfs-0:3.4.1-2.el9_4.x86_64',
              product_identification_helper: { purl: 'pkg:rpm/redhat/git-lfs@3.4.1-2.el9_4?arch=x86_64' },
            },
          },
        ],
      },
    ],
    relationships: [
      {
        category: 'default_component_of',
        full_product_name: {
          name: 'git-lfs-0:3.4.1-2.el9_4.x86_64 as a component of Red Hat Enterprise Linux AppStream (v. 9)',
          product_id: 'AppStream-9.4.0.Z.MAIN:git-lfs-0:3.4.1-2.el9_4.x86_64',
        },
        product_reference: 'git-lfs-0:3.4.1-2.el9_4.x86_64',
        relates_to_product_reference: 'AppStream-9.4.0.Z.MAIN',
      },
    ],
  };

  it('an rpm of a Red Hat product stream takes the stream from the platform CPE, as Red Hat OSV writes it', () => {
    const { record, errors } = onlyRecord(
      csafDocument({
        productTree: redHatTree,
        vulnerabilities: [
          {
            cve: 'CVE-2023-45288',
            product_status: { fixed: ['AppStream-9.4.0.Z.MAIN:git-lfs-0:3.4.1-2.el9_4.x86_64'] },
          },
        ],
      }),
    );
    expect(errors).toEqual([]);
    expect(record.affected).toEqual([
      {
        ecosystem: 'Red Hat',
        ecosystemQualified: 'Red Hat:enterprise_linux:9::appstream',
        release: 'enterprise_linux:9::appstream',
        name: 'git-lfs',
        purl: 'pkg:rpm/redhat/git-lfs',
        purlDerived: false,
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [
              { kind: 'introduced', version: '0' },
              { kind: 'fixed', version: '3.4.1-2.el9_4' },
            ],
          },
        ],
        versions: [],
      },
    ]);
  });

  it('a CPE component installed on a CPE platform is NVD "running on": AND of vulnerable component and platform', () => {
    const { record } = onlyRecord(
      csafDocument({
        productTree: {
          full_product_names: [
            {
              name: 'ABC 1.0',
              product_id: 'A',
              product_identification_helper: { cpe: 'cpe:2.3:a:example:abc:1.0:*:*:*:*:*:*:*' },
            },
            { name: 'OS 7', product_id: 'O', product_identification_helper: { cpe: 'cpe:/o:example:os:7' } },
          ],
          relationships: [
            {
              category: 'installed_on',
              full_product_name: { name: 'ABC 1.0 on OS 7', product_id: 'A-on-O' },
              product_reference: 'A',
              relates_to_product_reference: 'O',
            },
          ],
        },
        vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['A-on-O'] } }],
      }),
    );
    expect(record.cpeConfigurations).toEqual([
      {
        operator: 'AND',
        negate: false,
        nodes: [
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [{ vulnerable: true, criteria: 'cpe:2.3:a:example:abc:1.0:*:*:*:*:*:*:*' }],
            children: [],
          },
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [{ vulnerable: false, criteria: 'cpe:2.3:o:example:os:7:*:*:*:*:*:*:*' }],
            children: [],
          },
        ],
      },
    ]);
  });

  it('CSAF 2.1 product paths are read like relationships', () => {
    const { record } = onlyRecord(
      csafDocument({
        document: { csaf_version: '2.1' },
        productTree: {
          full_product_names: [
            { name: 'lib 1.0', product_id: 'L', product_identification_helper: { purls: ['pkg:npm/lib@1.0.0'] } },
            { name: 'Device', product_id: 'D' },
          ],
          product_paths: [
            {
              beginning_product_reference: 'L',
              full_product_name: { name: 'lib 1.0 in Device', product_id: 'L-in-D' },
              subpaths: [{ category: 'default_component_of', next_product_reference: 'D' }],
            },
          ],
        },
        vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['L-in-D'] } }],
      }),
    );
    expect(record.affected.map((a) => [a.purl, a.versions])).toEqual([['pkg:npm/lib', ['1.0.0']]]);
  });

  it('a cycle of relationships (mandatory test 6.1.3) is a warning, not a hang', () => {
    const result = parseCsafValue(
      csafDocument({
        productTree: {
          full_product_names: [{ name: 'P', product_id: 'P' }],
          relationships: [
            {
              category: 'installed_on',
              full_product_name: { name: 'X', product_id: 'X' },
              product_reference: 'Y',
              relates_to_product_reference: 'P',
            },
            {
              category: 'installed_on',
              full_product_name: { name: 'Y', product_id: 'Y' },
              product_reference: 'X',
              relates_to_product_reference: 'P',
            },
          ],
        },
        vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['X'] } }],
      }),
    );
    expect(result.records).toHaveLength(1);
    expect(result.errors.filter((e) => e.message.includes('cycle'))).toHaveLength(2);
    expect(result.errors.every((e) => e.severity === 'warning')).toBe(true);
  });

  it('a product id defined twice (6.1.2) keeps its first definition, with a warning', () => {
    const { record, errors } = onlyRecord(
      csafDocument({
        productTree: {
          full_product_names: [
            { name: 'first', product_id: 'P', product_identification_helper: { purl: 'pkg:npm/first@1.0.0' } },
            { name: 'second', product_id: 'P', product_identification_helper: { purl: 'pkg:npm/second@1.0.0' } },
          ],
        },
        vulnerabilities: [{ cve: 'CVE-2024-0001', product_status: { known_affected: ['P'] } }],
      }),
    );
    expect(record.affected.map((a) => a.purl)).toEqual(['pkg:npm/first']);
    expect(errors.map((e) => [e.path, e.recordId])).toEqual([
      ['/product_tree/full_product_names/1', 'EXAMPLE-2024-0001'],
    ]);
  });
});

describe('products with only a CPE become NVD-style configurations', () => {
  const line = 'cpe:2.3:a:example_company:abc:*:*:*:*:*:*:*:*';

  it('a versioned CPE is the criterion; ranges become version bounds; a 2.2 URI is written as 2.3', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '2.4', id: 'P1', cpe: 'cpe:2.3:a:example_company:abc:2.4:*:*:*:*:*:*:*' },
        {
          category: 'product_version_range',
          name: 'vers:generic/>=2.9|<=4.1',
          id: 'P2',
          cpe: 'cpe:/a:example_company:abc',
        },
        { category: 'product_version', name: '5.0', id: 'P3', cpe: 'cpe:/a:example_company:abc' },
      ],
      { known_affected: ['P1', 'P2', 'P3'] },
    );
    expect(record.cpeConfigurations).toEqual([
      {
        operator: 'OR',
        negate: false,
        nodes: [
          {
            operator: 'OR',
            negate: false,
            cpeMatch: [
              { vulnerable: true, criteria: 'cpe:2.3:a:example_company:abc:2.4:*:*:*:*:*:*:*' },
              { vulnerable: true, criteria: line, versionStartIncluding: '2.9', versionEndIncluding: '4.1' },
              { vulnerable: true, criteria: line, versionStartIncluding: '5.0', versionEndIncluding: '5.0' },
            ],
            children: [],
          },
        ],
      },
    ]);
  });

  it('a fixed CPE product alone gives versionEndExcluding; known_not_affected gives nothing', () => {
    const { record } = statusOf(
      [
        { category: 'product_version', name: '5.1', id: 'P1', cpe: 'cpe:2.3:a:example_company:abc:5.1:*:*:*:*:*:*:*' },
        { category: 'product_version', name: '4.2', id: 'P2', cpe: 'cpe:2.3:a:example_company:abc:4.2:*:*:*:*:*:*:*' },
      ],
      { fixed: ['P1'], known_not_affected: ['P2'] },
    );
    expect(record.cpeConfigurations.flatMap((c) => c.nodes.flatMap((n) => n.cpeMatch))).toEqual([
      { vulnerable: true, criteria: line, versionEndExcluding: '5.1' },
    ]);
  });
});

describe('products with neither purl nor CPE become vendor/product statements', () => {
  it('versions with their status, ranges as vers or text, an unversioned product as the default status', () => {
    const { record } = onlyRecord(
      csafDocument({
        productTree: branchTree('DICOM Viewer', [
          { category: 'product_version_range', name: '<2024.2', id: 'P1' },
          { category: 'product_version_range', name: '< V4.8 HF4', id: 'P2' },
          { category: 'product_version', name: '2024.2', id: 'P3' },
        ]),
        vulnerabilities: [{ cve: 'CVE-2024-33606', product_status: { known_affected: ['P1', 'P2'], fixed: ['P3'] } }],
      }),
    );
    expect(record.affected).toEqual([]);
    expect(record.affectedProducts).toEqual([
      {
        provider: 'Example Company PSIRT',
        vendor: 'Example Company',
        product: 'DICOM Viewer',
        cpes: [],
        platforms: [],
        versions: [
          { version: 'vers:generic/<2024.2', status: 'affected', versionType: 'vers', changes: [] },
          { version: '< V4.8 HF4', status: 'affected', versionType: 'text', changes: [] },
          { version: '2024.2', status: 'unaffected', changes: [] },
        ],
      },
    ]);
    const family = onlyRecord(
      csafDocument({
        productTree: {
          branches: [
            {
              category: 'vendor',
              name: 'Example Company',
              branches: [
                { category: 'product_family', name: 'PROD_BETA', product: { name: 'PROD_BETA', product_id: 'B' } },
              ],
            },
          ],
        },
        vulnerabilities: [{ cve: 'CVE-2021-44228', product_status: { known_affected: ['B'] } }],
      }),
    ).record;
    expect(family.affectedProducts).toEqual([
      {
        provider: 'Example Company PSIRT',
        vendor: 'Example Company',
        product: 'PROD_BETA',
        cpes: [],
        platforms: [],
        defaultStatus: 'affected',
        versions: [],
      },
    ]);
  });
});
