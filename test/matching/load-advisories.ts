import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Vulnerability } from '../../src/core/vulnerability.js';
import { parseNvd } from '../../src/formats/nvd/index.js';
import { parseOsv, parseOsvValue } from '../../src/formats/osv/index.js';
import { corpusPath } from '../support/corpus.js';

/** Real OSV records from the corpus (`osv-advisories/<path>`), JSON or YAML, parsed by our parser. */
export function loadOsv(...paths: string[]): Vulnerability[] {
  return paths.flatMap((path) => {
    const file = corpusPath('osv-advisories', path);
    const text = readFileSync(file, 'utf8');
    // YAML 1.2 core schema keeps unquoted timestamps as strings, as the OSV schema wants.
    const result = path.endsWith('.yaml') ? parseOsvValue(parseYaml(text)) : parseOsv(text, { sourceUrl: file });
    if (result.records.length === 0) throw new Error(`${path}: ${JSON.stringify(result.errors)}`);
    return result.records;
  });
}

/** Real NVD API 2.0 records from `cve-records/osv-dev-vulnfeeds-testdata/nvd-api-2.0/<id>.json`. */
export function loadNvd(...ids: string[]): Vulnerability[] {
  return ids.flatMap((id) => {
    const text = readFileSync(
      corpusPath('cve-records', 'osv-dev-vulnfeeds-testdata', 'nvd-api-2.0', `${id}.json`),
      'utf8',
    );
    const result = parseNvd(text);
    if (result.records.length === 0) throw new Error(`${id}: ${JSON.stringify(result.errors)}`);
    return result.records;
  });
}

/** A hand-made OSV record (for SBOM packages the corpus has no advisory for), parsed by our parser. */
export function handMadeOsv(record: Record<string, unknown>): Vulnerability {
  const result = parseOsvValue({ schema_version: '1.6.0', modified: '2024-01-01T00:00:00Z', ...record });
  const [first] = result.records;
  if (first === undefined) throw new Error(JSON.stringify(result.errors));
  return first;
}
