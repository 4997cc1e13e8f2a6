import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../bench/measurement.js';
import { renderResultsTable, rowFigures, targetFor, type ResultRow } from '../../bench/results-table.js';

const measured = (mode: Measurement['mode'], ms: number, maxRssKiB = 100 * 1024) =>
  ({
    ok: true,
    measurement: {
      mode,
      ms,
      maxRssKiB,
      baselineRssKiB: 50 * 1024,
      components: 10_000,
      ...(mode === 'import' ? { warmMs: ms / 4 } : {}),
    },
  }) as const;

function row(fields: Partial<ResultRow>): ResultRow {
  return {
    components: 10_000,
    store: 'sqlite',
    validate: measured('validate', 300),
    importing: measured('import', 800, 200 * 1024),
    importIncludesValidation: true,
    ...fields,
  };
}

describe('bench targets and results table', () => {
  it('holds the issue targets: 10k ≤ 1 s and 100k ≤ 10 s with RSS ≤ 1 GiB on SQLite, none elsewhere', () => {
    expect(targetFor(10_000, 'sqlite')?.met(1_000, 5_000)).toBe(true);
    expect(targetFor(10_000, 'sqlite')?.met(1_001, 100)).toBe(false);
    expect(targetFor(100_000, 'sqlite')?.met(9_999, 1_024)).toBe(true);
    expect(targetFor(100_000, 'sqlite')?.met(9_999, 1_025)).toBe(false);
    expect(targetFor(100_000, 'sqlite')?.met(10_001, 500)).toBe(false);
    expect(targetFor(1_000, 'sqlite')).toBeUndefined();
    expect(targetFor(10_000, 'postgres')).toBeUndefined();
  });

  it('takes validation out of an importSbom that validates itself', () => {
    expect(rowFigures(row({}))).toEqual({
      validateMs: 300,
      importMs: 500,
      totalMs: 800,
      warmTotalMs: 200,
      peakRssMiB: 200,
    });
    expect(rowFigures(row({ importIncludesValidation: false }))).toEqual({
      validateMs: 300,
      importMs: 800,
      totalMs: 1_100,
      warmTotalMs: 200,
      peakRssMiB: 200,
    });
  });

  it('does not invent an import time when noise makes total < validate', () => {
    const noisy = row({ validate: measured('validate', 900), importing: measured('import', 850) });
    expect(rowFigures(noisy)).toEqual({ validateMs: 900, totalMs: 850, warmTotalMs: 212.5, peakRssMiB: 100 });
    expect(renderResultsTable([noisy])).toContain('| 900 | n/a (noise) | 850 | 213 |');
  });

  it('renders figures, components/s and the verdict; a timeout is a missed target', () => {
    const table = renderResultsTable([
      row({}),
      row({ store: 'postgres' }),
      row({
        components: 100_000,
        validate: { ok: false, reason: 'timed out after 300 s' },
        importing: { ok: false, reason: 'not run' },
      }),
    ]);
    const lines = table.trim().split('\n');
    expect(lines[0]).toBe(
      '| N | store | validate ms | import ms | total ms (cold) | warm total ms | components/s | peak RSS MiB | target | met? (cold) |',
    );
    expect(lines[2]).toBe('| 10,000 | SQLite | 300 | 500 | 800 | 200 | 12,500 | 200 | ≤ 1 s | yes |');
    expect(lines[3]).toBe('| 10,000 | PostgreSQL | 300 | 500 | 800 | 200 | 12,500 | 200 | none given | — |');
    expect(lines[4]).toBe(
      '| 100,000 | SQLite | timed out after 300 s | not run | — | — | — | — | ≤ 10 s, RSS ≤ 1 GiB | no (not measured) |',
    );
  });
});
