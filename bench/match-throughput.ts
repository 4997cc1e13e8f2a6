/**
 * Matcher throughput in isolation: `npx tsx bench/match-throughput.ts [advisories] [packagesPerEcosystem]`
 * builds an in-memory index of synthetic OSV advisories and matches the components of 12
 * synthetic product versions (12,000 rows) against it, printing the matching time only. Fewer
 * packages per ecosystem means more advisories per package (popular packages carry thousands).
 */
import { parseOsvValue } from '../src/formats/osv/index.js';
import { buildAdvisoryIndex } from '../src/matching/advisory-index.js';
import { matchComponent } from '../src/matching/match-component.js';
import { generateOsvAdvisories, packagePoolFor } from './generate-osv.js';
import { generatePortfolio } from './generate-portfolio.js';

const count = Number(process.argv[2] ?? 30_000);
const packagesPerEcosystem = Number(process.argv[3] ?? 600);
const records = [...generateOsvAdvisories({ count, seed: 1, packagesPerEcosystem })];
const index = buildAdvisoryIndex(parseOsvValue(records).records);
const pool = packagePoolFor({ count, seed: 1, packagesPerEcosystem });
const components = [];
for (const version of generatePortfolio({
  productVersions: 12,
  componentsPerVersion: 1000,
  seed: 1,
  packagePool: pool,
})) {
  components.push(...version.components);
}
const started = performance.now();
let findings = 0;
for (const [i, c] of components.entries()) {
  findings += matchComponent(
    {
      ref: String(i),
      type: 'library',
      name: c.name,
      version: c.version,
      purl: c.purl,
      hashes: [],
      externalReferences: [],
      properties: [],
    },
    index,
  ).length;
}
const ms = performance.now() - started;
console.log(
  `${components.length} components, ${findings} findings, ${Math.round(ms)} ms (${(ms / components.length).toFixed(3)} ms per component)`,
);
