import type { KevCatalogInfo, KevEntry } from '../../core/vulnerability-kev-entry.js';
import { FeedDiagnostic, type FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { kevCsvColumns, kevEntrySchema } from './kev-schema.js';
import { readCsv } from './read-csv.js';
import { readKevEntry } from './read-kev-entry.js';

/** A parsed KEV catalog: its entries, per-entry diagnostics, and the catalog header. */
export interface KevParseResult extends FeedParseResult<KevEntry> {
  readonly catalog: KevCatalogInfo;
}

/** Parses CISA's KEV catalog JSON (`known_exploited_vulnerabilities.json`). */
export function parseKevJson(text: string): KevParseResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { catalog: {}, records: [], errors: [parsed.diagnostic] };
  const doc = parsed.value;
  const root = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  const list = root['vulnerabilities'];
  if (!Array.isArray(list)) {
    return {
      catalog: {},
      records: [],
      errors: [
        { severity: 'error', path: '/vulnerabilities', message: 'not a KEV catalog: `vulnerabilities` array missing' },
      ],
    };
  }
  const catalog: KevCatalogInfo = {
    ...(typeof root['catalogVersion'] === 'string' ? { catalogVersion: root['catalogVersion'] } : {}),
    ...(typeof root['dateReleased'] === 'string' ? { dateReleased: root['dateReleased'] } : {}),
  };
  return { catalog, ...readEntries((list as unknown[]).map((item, i) => ({ item, path: `/vulnerabilities/${i}` }))) };
}

/**
 * Parses CISA's KEV catalog CSV (`known_exploited_vulnerabilities.csv`): a header row naming the
 * columns, one entry per row, `cwes` as a comma-separated list. Columns are found by header name,
 * so a reordered file still reads.
 */
export function parseKevCsv(text: string): KevParseResult {
  const { rows, error } = readCsv(text);
  const errors: FeedDiagnostic[] =
    error === undefined ? [] : [{ severity: 'error', path: `line ${error.line}`, message: error.message }];
  const [header, ...body] = rows;
  if (header === undefined)
    return {
      catalog: {},
      records: [],
      errors: [...errors, { severity: 'error', path: 'line 1', message: 'empty KEV CSV' }],
    };
  const missing = kevCsvColumns.filter(
    (c) => c !== 'knownRansomwareCampaignUse' && c !== 'notes' && c !== 'cwes' && !header.fields.includes(c),
  );
  if (missing.length > 0) {
    return {
      catalog: {},
      records: [],
      errors: [...errors, { severity: 'error', path: 'line 1', message: `KEV CSV header lacks ${missing.join(', ')}` }],
    };
  }
  const items = body.map((row) => {
    if (row.fields.length !== header.fields.length) {
      return {
        item: undefined,
        path: `line ${row.line}`,
        problem: `has ${row.fields.length} fields, the header ${header.fields.length}`,
      };
    }
    const item: Record<string, unknown> = Object.fromEntries(
      header.fields.map((name, i) => [name, row.fields[i] ?? '']),
    );
    const cwes = typeof item['cwes'] === 'string' ? item['cwes'] : '';
    item['cwes'] = cwes
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    return { item, path: `line ${row.line}` };
  });
  const read = readEntries(items);
  return { catalog: {}, records: read.records, errors: [...errors, ...read.errors] };
}

function readEntries(items: readonly { item: unknown; path: string; problem?: string }[]): FeedParseResult<KevEntry> {
  const records: KevEntry[] = [];
  const errors: FeedDiagnostic[] = [];
  for (const { item, path, problem } of items) {
    if (problem !== undefined) {
      errors.push({ severity: 'error', path, message: problem });
      continue;
    }
    const shape = kevEntrySchema.safeParse(item);
    if (!shape.success) {
      const id = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['cveID'] : undefined;
      // CSV rows are located by line, JSON entries by pointer.
      const base = path.startsWith('line') ? '' : path;
      errors.push(
        ...FeedDiagnostic.fromIssues(shape.error.issues, {
          base,
          severity: 'error',
          ...(typeof id === 'string' ? { recordId: id } : {}),
        }).map((d) => (base === '' ? { ...d, path: `${path}: ${d.path}`, message: d.message } : d)),
      );
      continue;
    }
    const { entry, warnings } = readKevEntry(shape.data, path);
    records.push(entry);
    errors.push(...warnings);
  }
  return { records, errors };
}
