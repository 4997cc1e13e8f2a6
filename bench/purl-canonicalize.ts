/**
 * Micro-benchmark for `Purl.canonicalize`: the purls of a generated CycloneDX SBOM, canonicalised
 * in a loop after a warm-up. Prints µs per purl (best and median of several passes).
 *
 *   npx tsx bench/purl-canonicalize.ts [--components 100000] [--passes 7]
 */
import { parseArgs } from 'node:util';
import { Purl } from '../src/core/purl.js';
import { defaultBenchSeed, generateSbom } from './generate-sbom.js';

const { values } = parseArgs({
  options: { components: { type: 'string', default: '100000' }, passes: { type: 'string', default: '7' } },
});
const bom = generateSbom({ components: Number(values.components), seed: defaultBenchSeed });
const purls = bom.components.map((component) => component.purl);

function pass(): number {
  const started = performance.now();
  let length = 0;
  for (const purl of purls) length += Purl.canonicalize(purl).length;
  const elapsed = performance.now() - started;
  if (length === 0) throw new Error('no output');
  return (elapsed * 1000) / purls.length;
}

// One cold pass (what a fresh import process sees), then warm passes.
const cold = pass();
const warm = Array.from({ length: Number(values.passes) }, pass).sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)] ?? Number.NaN;
console.log(
  `${purls.length} purls: cold ${cold.toFixed(2)} µs/purl, warm best ${(warm[0] ?? 0).toFixed(2)} µs/purl, median ${median.toFixed(2)} µs/purl`,
);
