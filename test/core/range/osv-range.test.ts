import { describe, expect, it } from 'vitest';
import { evaluateOsvAffected } from '../../../src/core/range/osv-affected.js';
import { evaluateOsvRange, type OsvRangeInput } from '../../../src/core/range/osv-range.js';
import { dpkgVersionScheme } from '../../../src/core/version/dpkg-version-scheme.js';

const semver = (...events: OsvRangeInput['events']): OsvRangeInput => ({ type: 'SEMVER', events });
const ecosystem = (...events: OsvRangeInput['events']): OsvRangeInput => ({ type: 'ECOSYSTEM', events });

/** Status of `version` for one ECOSYSTEM range in `eco`. */
function statusIn(eco: string, range: OsvRangeInput, version: string): string {
  return evaluateOsvAffected({ ecosystem: eco, ranges: [range] }, version).status;
}

describe('evaluateOsvRange', () => {
  it('explains an affected version with the bounds that enclose it', () => {
    expect(evaluateOsvRange(semver({ introduced: '1.0.0' }, { fixed: '1.2.4' }), '1.2.3')).toEqual({
      status: 'affected',
      range: 'SEMVER introduced 1.0.0, fixed 1.2.4',
      event: 'introduced 1.0.0',
      scheme: 'SemVer',
      reason: '1.2.3 ≥ introduced 1.0.0 and < fixed 1.2.4 (SEMVER)',
    });
  });

  it('explains not-affected versions below the range and at the fix', () => {
    const range = semver({ introduced: '1.0.0' }, { fixed: '1.2.4' });
    expect(evaluateOsvRange(range, '0.9.0')).toMatchObject({
      status: 'not-affected',
      event: 'introduced 1.0.0',
      reason: '0.9.0 < introduced 1.0.0 (SEMVER)',
    });
    expect(evaluateOsvRange(range, '1.2.4')).toMatchObject({
      status: 'not-affected',
      event: 'fixed 1.2.4',
      reason: '1.2.4 ≥ fixed 1.2.4, introduced 1.0.0 (SEMVER)',
    });
  });

  it('treats introduced "0" as before every version', () => {
    const range = semver({ introduced: '0' }, { fixed: '2.0.0' });
    expect(evaluateOsvRange(range, '0.0.1').status).toBe('affected');
    expect(evaluateOsvRange(range, '2.0.0-rc.1').status).toBe('affected');
    expect(evaluateOsvRange(range, '2.0.0').status).toBe('not-affected');
  });

  it('sorts events by version before evaluating them', () => {
    const range = semver({ fixed: '1.5.0' }, { introduced: '1.0.0' });
    expect(evaluateOsvRange(range, '1.2.0').status).toBe('affected');
    expect(evaluateOsvRange(range, '1.5.0').status).toBe('not-affected');
  });

  it('handles several introduced/fixed pairs in one range and names the gap', () => {
    const range = semver({ introduced: '1.0.0' }, { fixed: '1.5.0' }, { introduced: '2.0.0' }, { fixed: '2.5.0' });
    expect(evaluateOsvRange(range, '1.7.0').reason).toBe(
      '1.7.0 ≥ fixed 1.5.0, introduced 1.0.0 and < introduced 2.0.0 (SEMVER)',
    );
    expect(evaluateOsvRange(range, '2.1.0').reason).toBe('2.1.0 ≥ introduced 2.0.0 and < fixed 2.5.0 (SEMVER)');
    expect(evaluateOsvRange(range, '3.0.0').status).toBe('not-affected');
  });

  it('includes last_affected itself and nothing after it', () => {
    const range = semver({ introduced: '1.0.0' }, { last_affected: '1.4.2' });
    expect(evaluateOsvRange(range, '1.4.2')).toMatchObject({
      status: 'affected',
      reason: '1.4.2 ≥ introduced 1.0.0 and ≤ last_affected 1.4.2 (SEMVER)',
    });
    expect(evaluateOsvRange(range, '1.4.3')).toMatchObject({
      status: 'not-affected',
      reason: '1.4.3 > last_affected 1.4.2, introduced 1.0.0 (SEMVER)',
    });
  });

  it('cuts an open range at its limit', () => {
    const range = semver({ introduced: '0' }, { limit: '2.0.0' });
    expect(evaluateOsvRange(range, '1.9.9').reason).toBe(
      '1.9.9 ≥ introduced 0, with no fix in this range and < limit 2.0.0 (SEMVER)',
    );
    expect(evaluateOsvRange(range, '2.0.0')).toMatchObject({ status: 'not-affected', event: 'limit 2.0.0' });
    expect(evaluateOsvRange(semver({ introduced: '0' }, { limit: '*' }), '99.0.0').status).toBe('affected');
  });

  it('makes an empty interval of introduced and fixed at the same version', () => {
    expect(evaluateOsvRange(semver({ introduced: '1.0.0' }, { fixed: '1.0.0' }), '1.0.0').status).toBe('not-affected');
  });

  it('accepts the neutral model events ({ kind, version })', () => {
    const range: OsvRangeInput = {
      type: 'SEMVER',
      events: [
        { kind: 'introduced', version: '1.0.0' },
        { kind: 'lastAffected', version: '1.1.0' },
      ],
    };
    expect(evaluateOsvRange(range, '1.1.0').status).toBe('affected');
    expect(evaluateOsvRange(range, '1.1.1').status).toBe('not-affected');
  });

  it('keeps GIT ranges but does not evaluate them', () => {
    const verdict = evaluateOsvRange(
      { type: 'GIT', repo: 'https://github.com/example/x', events: [{ introduced: '0' }, { fixed: 'abc123' }] },
      '1.0.0',
    );
    expect(verdict.status).toBe('not-evaluated');
    expect(verdict.reason).toContain('https://github.com/example/x');
  });

  it('refuses to order an unreadable version or bound', () => {
    const latest = evaluateOsvRange(semver({ introduced: '0' }, { fixed: '1.0.0' }), 'latest');
    expect(latest.status).toBe('unknown-version');
    expect(latest.reason).toContain('"latest"');
    const badBound = evaluateOsvRange(ecosystem({ introduced: '0' }, { fixed: 'not a version' }), '1.0', {
      ecosystemScheme: dpkgVersionScheme,
    });
    expect(badBound).toMatchObject({ status: 'unknown-version', event: 'fixed not a version' });
  });

  it('does not evaluate ECOSYSTEM ranges without a scheme, nor malformed events', () => {
    expect(evaluateOsvRange(ecosystem({ introduced: '0' }), '1.0').status).toBe('not-evaluated');
    expect(evaluateOsvRange(semver({ introduced: '0', fixed: '1.0.0' }), '1.0.0').status).toBe('not-evaluated');
  });
});

describe('evaluateOsvAffected per ecosystem', () => {
  it('respects a Debian security backport', () => {
    const range = ecosystem({ introduced: '0' }, { fixed: '1.1.1n-0+deb11u5' });
    expect(statusIn('Debian:11', range, '1.1.1n-0+deb11u4')).toBe('affected');
    expect(statusIn('Debian:11', range, '1.1.1n-0+deb11u5')).toBe('not-affected');
    expect(statusIn('Debian:11', range, '1.1.1n-0')).toBe('affected');
    expect(statusIn('Debian:11', range, '1.1.1w-0+deb11u1')).toBe('not-affected');
  });

  it('orders Maven qualifiers (Log4Shell: introduced 2.0-beta9, fixed 2.15.0)', () => {
    const range = ecosystem({ introduced: '2.0-beta9' }, { fixed: '2.15.0' });
    expect(statusIn('Maven', range, '2.0-alpha1')).toBe('not-affected');
    expect(statusIn('Maven', range, '2.0-beta9')).toBe('affected');
    expect(statusIn('Maven', range, '2.0')).toBe('affected');
    expect(statusIn('Maven', range, '2.14.1')).toBe('affected');
    expect(statusIn('Maven', range, '2.15.0-rc1')).toBe('affected');
    expect(statusIn('Maven', range, '2.15.0')).toBe('not-affected');
  });

  it('places PyPI pre- and post-releases', () => {
    const range = ecosystem({ introduced: '1.0' }, { fixed: '2.0.0' });
    expect(statusIn('PyPI', range, '1.0rc1')).toBe('not-affected');
    expect(statusIn('PyPI', range, '2.0.0rc1')).toBe('affected');
    expect(statusIn('PyPI', range, '2.0.0')).toBe('not-affected');
    expect(statusIn('PyPI', range, '1.9.post1')).toBe('affected');
  });

  it('orders Go pseudo-versions (golang.org/x/crypto fixed in a pseudo-version)', () => {
    const range = semver({ introduced: '0' }, { fixed: '0.0.0-20220314234659-1baeb1ce4c0b' });
    expect(statusIn('Go', range, 'v0.0.0-20220112180741-5e0467b6c7ce')).toBe('affected');
    expect(statusIn('Go', range, 'v0.0.0-20220314234659-1baeb1ce4c0b')).toBe('not-affected');
    expect(statusIn('Go', range, 'v0.0.0-20220315160706-3147a52a75dd')).toBe('not-affected');
    expect(statusIn('Go', range, 'v0.1.0')).toBe('not-affected');
  });

  it('lets an RPM epoch outweigh the version', () => {
    const range = ecosystem({ introduced: '0' }, { fixed: '1:1.1.1k-7.el8_6' });
    expect(statusIn('AlmaLinux:8', range, '1:1.1.1k-6.el8')).toBe('affected');
    expect(statusIn('AlmaLinux:8', range, '1.1.1k-9.el8')).toBe('affected'); // epoch 0 < 1
    expect(statusIn('AlmaLinux:8', range, '1:1.1.1k-7.el8_6')).toBe('not-affected');
    expect(statusIn('AlmaLinux:8', range, '1:1.1.1k-8.el8')).toBe('not-affected');
  });

  it('reports the first affecting range by its index', () => {
    const verdict = evaluateOsvAffected(
      {
        ecosystem: 'npm',
        ranges: [semver({ introduced: '1.0.0' }, { fixed: '1.1.0' }), semver({ introduced: '2.0.0' })],
      },
      '2.3.0',
    );
    expect(verdict).toMatchObject({ status: 'affected', range: 'ranges[1] SEMVER introduced 2.0.0' });
  });

  it('uses the explicit versions list, with the scheme equality', () => {
    const entry = { package: { ecosystem: 'PyPI' }, versions: ['1.0', '1.1'] };
    expect(evaluateOsvAffected(entry, '1.1')).toMatchObject({ status: 'affected', event: 'version 1.1' });
    expect(evaluateOsvAffected(entry, '1.1.0')).toMatchObject({
      status: 'affected',
      reason: '1.1.0 equals the listed affected version 1.1 (PyPI equality)',
    });
    expect(evaluateOsvAffected(entry, '1.2')).toMatchObject({ status: 'not-affected' });
    expect(evaluateOsvAffected(entry, 'x y').status).toBe('unknown-version');
  });

  it('decides a GIT-only entry by its versions list, and leaves it open without one', () => {
    const git: OsvRangeInput = { type: 'GIT', repo: 'https://example.org/r', events: [{ introduced: '0' }] };
    expect(evaluateOsvAffected({ ecosystem: 'PyPI', ranges: [git], versions: ['2.0'] }, '2.0').status).toBe('affected');
    const notListed = evaluateOsvAffected({ ecosystem: 'PyPI', ranges: [git], versions: ['2.0'] }, '2.1');
    expect(notListed.status).toBe('not-affected');
    expect(notListed.reason).toContain('not evaluated');
    expect(evaluateOsvAffected({ ecosystem: 'PyPI', ranges: [git] }, '2.1').status).toBe('not-evaluated');
  });

  it('never reports an unparseable version as not affected', () => {
    const npm = evaluateOsvAffected(
      { ecosystem: 'npm', ranges: [semver({ introduced: '0' }, { fixed: '2.0.0' })] },
      'release-candidate',
    );
    expect(npm.status).toBe('unknown-version');
    expect(npm.reason).toContain('"release-candidate"');
    // PyPI orders legacy (pre-PEP 440) versions, but no scheme reads whitespace.
    const pypi = evaluateOsvAffected(
      { ecosystem: 'PyPI', ranges: [ecosystem({ introduced: '0' }, { fixed: '2.0' })] },
      '1.0 final',
    );
    expect(pypi.status).toBe('unknown-version');
  });

  it('prefers an affected range over one that cannot order the version', () => {
    const verdict = evaluateOsvAffected(
      {
        ecosystem: 'Maven',
        ranges: [ecosystem({ introduced: '0' }, { fixed: '2.0' }), semver({ introduced: '0' })],
      },
      'v1.0-custom',
    );
    // Maven reads any string; SEMVER reads "v1.0-custom" as 1.0 with a pre-release: both say affected.
    expect(verdict.status).toBe('affected');
  });

  it('does not evaluate an unknown ecosystem, nor an entry without ranges or versions', () => {
    expect(statusIn('NoSuchEcosystem', ecosystem({ introduced: '0' }), '1.0')).toBe('not-evaluated');
    expect(evaluateOsvAffected({ ecosystem: 'npm' }, '1.0.0').status).toBe('not-evaluated');
  });

  it('lets a caller override the scheme', () => {
    const entry = { ecosystem: 'Unknown', ranges: [ecosystem({ introduced: '0' }, { fixed: '1.0-2' })] };
    expect(evaluateOsvAffected(entry, '1.0-1', { scheme: dpkgVersionScheme }).status).toBe('affected');
  });
});
