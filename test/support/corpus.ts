import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The externally written test corpus; test material only, never read by the product. */
export const corpusRoot = resolve(repoRoot, process.env.JOINTSEC_CORPUS ?? '../shared/corpus');

const corpusPresent = existsSync(corpusRoot);
if (!corpusPresent && process.env.CI === 'true') {
  throw new Error(`CI=true but the conformance corpus is missing at ${corpusRoot} (set JOINTSEC_CORPUS)`);
}

/** A path inside the corpus. */
export function corpusPath(...parts: string[]): string {
  return join(corpusRoot, ...parts);
}

/**
 * `describe` for suites that need the corpus: skipped (and reported as skipped) when it is
 * absent on a developer machine; under CI=true the module above has already failed loudly.
 */
export const describeCorpus = corpusPresent ? describe : describe.skip;

/** Every file below `dir` (recursively) whose name passes `keep`, sorted for stable test names. */
export function corpusFiles(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const root = corpusPath(dir);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (keep(name)) out.push(full);
    }
  };
  walk(root);
  return out;
}
