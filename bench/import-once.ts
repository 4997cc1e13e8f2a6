/**
 * One measurement in a process of its own, so its peak RSS belongs to that measurement alone.
 * `run.ts` spawns it with `node --import tsx`; it prints one JSON line (a Measurement).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { recognizeSbom, type RecognizedDocument } from '../src/formats/sbom/sbom-formats.js';
import { importForBench } from './bench-import.js';
import { generateSbomText } from './generate-sbom.js';
import { parseRequestArgs, type Measurement } from './measurement.js';

const request = parseRequestArgs(process.argv.slice(2));
const bytes = readFileSync(request.file);
const fileName = basename(request.file);

const measurement = request.mode === 'validate' ? await measureValidation() : await measureImport(request.location!);
process.stdout.write(`${JSON.stringify(measurement)}\n`);

async function measureValidation(): Promise<Measurement> {
  const baselineRssKiB = maxRssKiB();
  const t0 = performance.now();
  // Validating an empty BOM first isolates the one-off schema compilation from the per-document work.
  await schemaCheckOrExit(
    recognizeSbom({ bytes: new TextEncoder().encode(generateSbomText({ components: 0 })) }),
    'empty',
  );
  const t1 = performance.now();
  const doc = recognizeSbom({ bytes, fileName });
  const t2 = performance.now();
  await schemaCheckOrExit(doc, fileName);
  const t3 = performance.now();
  // validateSbom = schema check + the reader's parse (its structural checks); timed apart.
  // The reader reuses the JSON tree recognizeSbom parsed, as importSbom's parse does.
  doc.reader.parse(doc.text, doc.kind);
  const t4 = performance.now();
  const phases = { schemaCompile: t1 - t0, recognize: t2 - t1, schema: t3 - t2, parse: t4 - t3 };
  return { mode: 'validate', ms: t3 - t0, phases, maxRssKiB: maxRssKiB(), baselineRssKiB };
}

async function measureImport(location: string): Promise<Measurement> {
  const result = await importForBench({ location, bytes, fileName, maxRssKiB });
  return {
    mode: 'import',
    ms: result.ms,
    warmMs: result.warmMs,
    components: result.components,
    maxRssKiB: result.coldMaxRssKiB,
    warmMaxRssKiB: maxRssKiB(),
    baselineRssKiB: result.baselineRssKiB,
  };
}

async function schemaCheckOrExit(doc: RecognizedDocument, name: string): Promise<void> {
  const errors = await doc.reader.validate(doc.text, doc.kind);
  if (errors.length === 0) return;
  // A generated SBOM that does not validate is a generator bug: the figures would mean nothing.
  const listed = errors.slice(0, 20).map((e) => `  ${e.path}: ${e.message}`);
  process.stderr.write(`${name} is not valid:\n${listed.join('\n')}\n`);
  process.exit(1);
}

function maxRssKiB(): number {
  return process.resourceUsage().maxRSS;
}
