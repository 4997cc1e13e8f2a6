import { describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../../bench/seeded-random.js';
import { evaluateOsvAffected, type OsvAffectedInput } from '../../../src/core/range/osv-affected.js';
import { indexOsvAffected, type OsvAffectedHit } from '../../../src/core/range/osv-affected-index.js';
import type { OsvRangeInput } from '../../../src/core/range/osv-range.js';

/** What `hitsAt` must return: every entry not `not-affected`, evaluated one by one from fresh copies. */
function expected(entries: readonly OsvAffectedInput[], version: string): OsvAffectedHit[] {
  return entries.flatMap((entry, index) => {
    const { status } = evaluateOsvAffected(structuredClone(entry), version);
    return status === 'not-affected' ? [] : [{ index, status }];
  });
}

/** Index modes: lists checked entry by entry, version lines from the first lookup, and the default switch-over. */
const modes = [
  { name: 'checks every entry', options: { linesAfter: Number.POSITIVE_INFINITY } },
  { name: 'uses version lines', options: { linesAfter: 0 } },
  { name: 'switches after three lookups', options: {} },
] as const;

describe('indexOsvAffected', () => {
  const entries: OsvAffectedInput[] = [
    { ecosystem: 'PyPI', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.2' }] }] },
    { ecosystem: 'PyPI', versions: ['2.0', '2.1'] },
    { ecosystem: 'PyPI', ranges: [{ type: 'GIT', repo: 'https://example.org/r', events: [{ introduced: 'abc' }] }] },
    { ecosystem: 'PyPI', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '0.9' }] }] },
    { ecosystem: 'PyPI', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: 'not a version' }] }] },
  ];

  for (const { name, options } of modes) {
    it(`${name}: affected by range, by list under scheme equality, and the version-independent answers`, () => {
      const index = indexOsvAffected(entries, options);
      const at = (version: string): readonly OsvAffectedHit[] => index.hitsAt(version);
      // 1.1 is inside entry 0's range; entries 2 (GIT) and 4 (unorderable bound) answer at every version.
      expect(at('1.1')).toEqual([
        { index: 0, status: 'affected' },
        { index: 2, status: 'not-evaluated' },
        { index: 4, status: 'unknown-version' },
      ]);
      // 2.0.0 equals the listed 2.0 under PEP 440 although the strings differ.
      expect(at('2.0.0')).toEqual([
        { index: 1, status: 'affected' },
        { index: 2, status: 'not-evaluated' },
        { index: 4, status: 'unknown-version' },
      ]);
      expect(at('0.9')).toEqual(
        [
          { index: 3, status: 'affected' },
          { index: 2, status: 'not-evaluated' },
          { index: 4, status: 'unknown-version' },
        ].sort((a, b) => a.index - b.index),
      );
      // A version PEP 440 cannot read: no range can place it and the list cannot rule out an equal spelling.
      expect(at('not a version')).toEqual(expected(entries, 'not a version'));
      expect(at('not a version').map((h) => h.index)).toEqual([0, 1, 2, 3, 4]);
      expect(at('1.2')).toEqual([
        { index: 2, status: 'not-evaluated' },
        { index: 4, status: 'unknown-version' },
      ]);
    });
  }

  it('answers for an empty list of entries', () => {
    expect(indexOsvAffected([]).hitsAt('1.0')).toEqual([]);
  });

  for (const { name, options } of modes) {
    it(`${name}: agrees with evaluateOsvAffected on generated entries and versions`, () => {
      const rng = seededRandom(7);
      for (let round = 0; round < 40; round++) {
        const ecosystem = rng.pick(ecosystems);
        const entries = Array.from({ length: rng.int(1, 40) }, () => randomEntry(rng, ecosystem));
        const index = indexOsvAffected(entries, options);
        const versions = [...versionPool, ...Array.from({ length: 10 }, () => rng.pick(versionPool))];
        for (const version of versions) {
          expect(index.hitsAt(version), `${ecosystem} ${JSON.stringify(version)} round ${round}`).toEqual(
            expected(entries, version),
          );
        }
      }
    });
  }
});

/**
 * Ecosystems whose schemes differ in what they read and what they hold equal; `Go` mixes its
 * own scheme with SEMVER ranges, `Nowhere` has no scheme at all.
 */
const ecosystems = ['PyPI', 'npm', 'Go', 'Debian:12', 'Maven', 'Linux', 'Nowhere'] as const;

/** Versions with equal spellings (`1.0`/`1.0.0`/`v1.0`), pre-releases, epochs and strings no scheme reads. */
const versionPool = [
  '0.1',
  '0.9',
  '1.0',
  '1.0.0',
  'v1.0.0',
  '1.0.0-rc1',
  '1.0.0+build',
  '1.0.post1',
  '1.1',
  '1.2.3',
  '1:1.0-1',
  '1.0-1',
  '2',
  '2.0.0',
  '2.0.1',
  '3.0',
  '10.0.0',
  'not a version',
  'abc123',
  '',
];

function randomEvent(rng: SeededRandom): OsvRangeInput['events'][number] {
  const roll = rng.next();
  if (roll < 0.03) return { introduced: '1.0', fixed: '2.0' };
  if (roll < 0.05) return {};
  const kind = rng.weighted({ introduced: 4, fixed: 3, last_affected: 1, limit: 1 });
  if (kind === 'introduced' && rng.chance(0.3)) return { introduced: '0' };
  if (kind === 'limit' && rng.chance(0.3)) return { limit: '*' };
  const version = rng.pick(versionPool.filter((v) => v !== '' && (rng.chance(0.1) || !v.includes(' '))));
  // Half the events in the neutral model's spelling, as converted records carry them.
  if (rng.chance(0.5)) return { kind: kind === 'last_affected' ? 'lastAffected' : kind, version };
  return { [kind]: version };
}

function randomEntry(rng: SeededRandom, ecosystem: string): OsvAffectedInput {
  const ranges: OsvRangeInput[] = Array.from(
    { length: rng.weighted({ 0: 1, 1: 6, 2: 2, 3: 1 }) === '0' ? 0 : rng.int(1, 3) },
    () => ({
      type: rng.weighted({ ECOSYSTEM: 6, SEMVER: 3, GIT: 1, MYSTERY: 0.3 }),
      events: Array.from({ length: rng.int(1, 4) }, () => randomEvent(rng)),
    }),
  );
  const versions = rng.chance(0.5) ? Array.from({ length: rng.int(0, 6) }, () => rng.pick(versionPool)) : undefined;
  const named = rng.chance(0.5) ? { ecosystem } : { package: { ecosystem } };
  return {
    ...named,
    ...(ranges.length === 0 && rng.chance(0.3) ? {} : { ranges }),
    ...(versions === undefined ? {} : { versions }),
  };
}
