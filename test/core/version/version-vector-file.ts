import { readFileSync } from 'node:fs';
import { AppError } from '../../../src/core/app-error.js';
import type { VersionScheme } from '../../../src/core/version/version-scheme.js';

/** One ordering vector `a op b` from a fixture file, with its line number. */
export interface VersionVector {
  readonly line: number;
  readonly a: string;
  readonly op: '<' | '=' | '>';
  readonly b: string;
}

/**
 * Reads a version-comparison fixture: `<a> <op> <b>` per line, blank lines and lines starting
 * with `# ` or `// ` are comments (the osv-scalibr `semantic/testdata` format, also used by our
 * generated oracle files).
 */
export function readVersionVectors(path: string): VersionVector[] {
  const vectors: VersionVector[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text === '' || text.startsWith('# ') || text.startsWith('// ')) return;
      const pieces = text.split(' ');
      const [a, op, b] = pieces;
      if (pieces.length !== 3 || a === undefined || b === undefined || (op !== '<' && op !== '=' && op !== '>')) {
        throw new Error(`${path}:${index + 1}: not a vector: ${JSON.stringify(text)}`);
      }
      vectors.push({ line: index + 1, a, op, b });
    });
  return vectors;
}

const expected: Readonly<Record<VersionVector['op'], number>> = { '<': -1, '=': 0, '>': 1 };
const symbol = (n: number): string => (n < 0 ? '<' : n > 0 ? '>' : '=');

/**
 * Checks a vector in both directions (a ? b and b ? a), returning a description of the
 * disagreement, or undefined when the scheme agrees.
 */
export function checkVector(scheme: VersionScheme, v: VersionVector): string | undefined {
  try {
    const forward = scheme.compare(v.a, v.b);
    const backward = scheme.compare(v.b, v.a);
    const want = expected[v.op];
    if (forward === want && backward === -want) return undefined;
    return `line ${v.line}: expected ${v.a} ${v.op} ${v.b}, got ${v.a} ${symbol(forward)} ${v.b} and ${v.b} ${symbol(backward)} ${v.a}`;
  } catch (error) {
    if (error instanceof AppError) return `line ${v.line}: ${v.a} ${v.op} ${v.b} refused: ${error.message}`;
    throw error;
  }
}

/** All disagreements of `scheme` with `vectors`, formatted for a failure message. */
export function disagreements(scheme: VersionScheme, vectors: readonly VersionVector[]): string[] {
  return vectors.map((v) => checkVector(scheme, v)).filter((d): d is string => d !== undefined);
}
