import { describe, expect, it } from 'vitest';
import { evaluateCpeConfiguration, type CpeConfigurationInput } from '../../../src/core/range/cpe-configuration.js';
import { evaluateCpeMatch, type CpeMatchInput } from '../../../src/core/range/cpe-range.js';
import { npmVersionScheme } from '../../../src/core/version/npm-version-scheme.js';

const cpe = (vendor: string, product: string, version = '*', part = 'a'): string =>
  `cpe:2.3:${part}:${vendor}:${product}:${version}:*:*:*:*:*:*:*`;

const log4j: CpeMatchInput = {
  vulnerable: true,
  criteria: cpe('apache', 'log4j'),
  versionStartIncluding: '2.0',
  versionEndExcluding: '2.15.0',
};

const statusOf = (match: CpeMatchInput, version: string): string =>
  evaluateCpeMatch(match, { cpe: cpe('apache', 'log4j', version) }).status;

describe('evaluateCpeMatch', () => {
  it('explains a version inside the start/end bounds', () => {
    expect(evaluateCpeMatch(log4j, { cpe: cpe('apache', 'log4j', '2.14.1') })).toEqual({
      status: 'affected',
      range: 'cpe:2.3:a:apache:log4j:*:*:*:*:*:*:*:*',
      event: 'versionStartIncluding 2.0, versionEndExcluding 2.15.0',
      scheme: 'generic',
      reason: '2.14.1 ≥ versionStartIncluding 2.0 and < versionEndExcluding 2.15.0',
    });
  });

  it('includes and excludes each bound exactly at its version', () => {
    expect(statusOf(log4j, '2.0')).toBe('affected'); // start including
    expect(statusOf(log4j, '1.9.9')).toBe('not-affected');
    expect(statusOf(log4j, '2.15.0')).toBe('not-affected'); // end excluding
    expect(statusOf(log4j, '2.15')).toBe('not-affected'); // 2.15 == 2.15.0 in the generic scheme
    const other: CpeMatchInput = {
      vulnerable: true,
      criteria: cpe('apache', 'log4j'),
      versionStartExcluding: '1.0',
      versionEndIncluding: '2.0',
    };
    expect(statusOf(other, '1.0')).toBe('not-affected'); // start excluding
    expect(statusOf(other, '1.0.1')).toBe('affected');
    expect(statusOf(other, '2.0')).toBe('affected'); // end including
    expect(statusOf(other, '2.0.1')).toBe('not-affected');
    expect(evaluateCpeMatch(other, { cpe: cpe('apache', 'log4j', '2.0.1') }).reason).toBe(
      '2.0.1 is not ≤ versionEndIncluding 2.0',
    );
  });

  it('takes the component version over the CPE version attribute', () => {
    expect(evaluateCpeMatch(log4j, { cpe: cpe('apache', 'log4j'), version: '2.14.1' }).status).toBe('affected');
  });

  it('never treats a missing or unreadable version as not affected', () => {
    expect(evaluateCpeMatch(log4j, { cpe: cpe('apache', 'log4j') })).toMatchObject({
      status: 'unknown-version',
      reason: 'the component has no version to compare with the bounds',
    });
    const custom = evaluateCpeMatch(log4j, { cpe: cpe('apache', 'log4j', '2.14.1-redhat-00001') });
    expect(custom.status).toBe('unknown-version'); // the generic scheme refuses qualifiers
    const badBound = evaluateCpeMatch(
      { ...log4j, versionEndExcluding: '2.15.0-rc2' },
      { cpe: cpe('apache', 'log4j', '2.1') },
    );
    expect(badBound).toMatchObject({ status: 'unknown-version', event: 'versionEndExcluding 2.15.0-rc2' });
  });

  it('orders with a chosen scheme', () => {
    const match: CpeMatchInput = { vulnerable: true, criteria: cpe('npmjs', 'lodash'), versionEndExcluding: '4.17.21' };
    const component = { cpe: cpe('npmjs', 'lodash', '4.17.21-rc.1') };
    expect(evaluateCpeMatch(match, component).status).toBe('unknown-version');
    expect(evaluateCpeMatch(match, component, { scheme: npmVersionScheme })).toMatchObject({
      status: 'affected',
      scheme: 'npm',
    });
  });

  it('requires vendor and product to match', () => {
    expect(evaluateCpeMatch(log4j, { cpe: cpe('apachefoundation', 'log4j', '2.14.1') })).toMatchObject({
      status: 'not-affected',
      reason: "vendor 'apachefoundation' is not covered by 'apache'",
    });
    expect(evaluateCpeMatch(log4j, { cpe: cpe('apache', 'log4net', '2.14.1') }).status).toBe('not-affected');
    expect(evaluateCpeMatch(log4j, { cpe: cpe('Apache', 'Log4J', '2.14.1') }).status).toBe('affected');
  });

  it('does not let an unknown component attribute match a specific criterion value', () => {
    const sp1: CpeMatchInput = { vulnerable: true, criteria: 'cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*' };
    expect(evaluateCpeMatch(sp1, { cpe: 'cpe:2.3:o:microsoft:windows_7:-:sp1:*:*:*:*:*:*' }).status).toBe('affected');
    expect(evaluateCpeMatch(sp1, { cpe: 'cpe:2.3:o:microsoft:windows_7:-:*:*:*:*:*:*:*' }).status).toBe('not-affected');
    expect(evaluateCpeMatch(sp1, { cpe: 'cpe:2.3:o:microsoft:windows_7:-:sp2:*:*:*:*:*:*' }).status).toBe(
      'not-affected',
    );
  });

  it('matches an exact version in the criterion', () => {
    const kernel: CpeMatchInput = { vulnerable: true, criteria: cpe('linux', 'linux_kernel', '5.10', 'o') };
    const on = (version: string): string =>
      evaluateCpeMatch(kernel, { cpe: cpe('linux', 'linux_kernel', version, 'o') }).status;
    expect(on('5.10')).toBe('affected');
    expect(on('5.10.0')).toBe('affected'); // equal in the generic scheme
    expect(on('5.11')).toBe('not-affected');
    expect(on('*')).toBe('unknown-version');
  });

  it('reads * and - in the criterion version', () => {
    const any: CpeMatchInput = { vulnerable: true, criteria: cpe('ge', 'carescape_monitor', '*', 'h') };
    expect(evaluateCpeMatch(any, { cpe: cpe('ge', 'carescape_monitor', '-', 'h') }).status).toBe('affected');
    const na: CpeMatchInput = { vulnerable: true, criteria: cpe('ge', 'carescape_monitor', '-', 'h') };
    expect(evaluateCpeMatch(na, { cpe: cpe('ge', 'carescape_monitor', '-', 'h') }).status).toBe('affected');
    expect(evaluateCpeMatch(na, { cpe: cpe('ge', 'carescape_monitor', '1.0', 'h') }).status).toBe('not-affected');
  });

  it('matches a trailing wildcard in the criterion version', () => {
    const branch: CpeMatchInput = { vulnerable: true, criteria: cpe('acme', 'pump_firmware', '1.2.*') };
    expect(evaluateCpeMatch(branch, { cpe: cpe('acme', 'pump_firmware', '1.2.7') }).status).toBe('affected');
    expect(evaluateCpeMatch(branch, { cpe: cpe('acme', 'pump_firmware', '1.3.0') }).status).toBe('not-affected');
  });

  it('reports a platform criterion match as not affecting the component', () => {
    const platform: CpeMatchInput = { vulnerable: false, criteria: cpe('microsoft', 'windows_10', '*', 'o') };
    const verdict = evaluateCpeMatch(platform, { cpe: cpe('microsoft', 'windows_10', '1809', 'o') });
    expect(verdict.status).toBe('not-affected');
    expect(verdict.reason).toContain('vulnerable: false');
  });

  it('does not evaluate a malformed CPE', () => {
    expect(evaluateCpeMatch({ vulnerable: true, criteria: 'cpe:2.3:a:x' }, { cpe: cpe('x', 'y', '1') }).status).toBe(
      'not-evaluated',
    );
  });
});

describe('evaluateCpeConfiguration', () => {
  const app: CpeMatchInput = { vulnerable: true, criteria: cpe('acme', 'viewer'), versionEndExcluding: '3.0' };
  const windows: CpeMatchInput = { vulnerable: false, criteria: cpe('microsoft', 'windows_10', '*', 'o') };
  const runningOn: CpeConfigurationInput = {
    operator: 'AND',
    nodes: [
      { operator: 'OR', cpeMatch: [app] },
      { operator: 'OR', cpeMatch: [windows] },
    ],
  };
  const viewer = (version: string): { cpe: string } => ({ cpe: cpe('acme', 'viewer', version) });
  const win10 = { cpe: cpe('microsoft', 'windows_10', '21h2', 'o') };

  it('names the vulnerable component when an OR node holds', () => {
    const verdict = evaluateCpeConfiguration({ nodes: [{ operator: 'OR', cpeMatch: [log4j] }] }, [
      { cpe: cpe('eclipse', 'jetty', '9.4') },
      { cpe: cpe('apache', 'log4j', '2.14.1') },
    ]);
    expect(verdict).toMatchObject({ status: 'affected', components: [1], range: log4j.criteria });
  });

  it('needs the platform of an AND configuration, and blames only the vulnerable component', () => {
    expect(evaluateCpeConfiguration(runningOn, [viewer('2.5'), win10])).toMatchObject({
      status: 'affected',
      components: [0],
    });
    expect(evaluateCpeConfiguration(runningOn, [viewer('2.5')]).status).toBe('not-affected');
    expect(evaluateCpeConfiguration(runningOn, [viewer('3.0'), win10]).status).toBe('not-affected');
    expect(evaluateCpeConfiguration(runningOn, [win10])).toMatchObject({
      status: 'not-affected',
      components: [],
    });
  });

  it('applies negate to a node', () => {
    const unlessHardened: CpeConfigurationInput = {
      operator: 'AND',
      nodes: [
        { operator: 'OR', cpeMatch: [app] },
        { operator: 'OR', negate: true, cpeMatch: [{ vulnerable: false, criteria: cpe('acme', 'hardening_kit') }] },
      ],
    };
    expect(evaluateCpeConfiguration(unlessHardened, [viewer('2.0')]).status).toBe('affected');
    expect(
      evaluateCpeConfiguration(unlessHardened, [viewer('2.0'), { cpe: cpe('acme', 'hardening_kit', '1.0') }]).status,
    ).toBe('not-affected');
  });

  it('propagates an unknown version instead of answering not affected', () => {
    expect(evaluateCpeConfiguration(runningOn, [viewer('*'), win10]).status).toBe('unknown-version');
    // OR: one certain match is enough even when another component cannot be ordered.
    const verdict = evaluateCpeConfiguration({ nodes: [{ operator: 'OR', cpeMatch: [app] }] }, [
      viewer('*'),
      viewer('1.0'),
    ]);
    expect(verdict).toMatchObject({ status: 'affected', components: [1] });
    // AND with a platform that is absent: false wins over unknown.
    expect(evaluateCpeConfiguration(runningOn, [viewer('*')]).status).toBe('not-affected');
  });

  it('evaluates NVD 1.1 nested children', () => {
    const nested: CpeConfigurationInput = {
      nodes: [
        {
          operator: 'AND',
          cpeMatch: [],
          children: [
            { operator: 'OR', cpeMatch: [app] },
            { operator: 'OR', cpeMatch: [windows] },
          ],
        },
      ],
    };
    expect(evaluateCpeConfiguration(nested, [viewer('1.0'), win10])).toMatchObject({
      status: 'affected',
      components: [0],
    });
    expect(evaluateCpeConfiguration(nested, [viewer('1.0')]).status).toBe('not-affected');
  });
});
