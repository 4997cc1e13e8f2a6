import type { Vulnerability } from '../../core/vulnerability.js';
import { FeedDiagnostic, type FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { osvRecordSchema, osvStrictSchema } from './osv-schema.js';
import { readOsvRecord } from './read-osv-record.js';

export interface ParseOsvOptions {
  /** Source URL (or file path) recorded on every record of this document. */
  readonly sourceUrl?: string;
}

/**
 * Parses the text of one OSV document: a single record or a JSON array of records (the shape
 * of osv.dev query results and of `all.zip` entries). A record that cannot be read becomes an
 * error and the others still parse; strict-schema violations in readable records are warnings.
 */
export function parseOsv(text: string, options: ParseOsvOptions = {}): FeedParseResult<Vulnerability> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { records: [], errors: [parsed.diagnostic] };
  return parseOsvValue(parsed.value, options);
}

/** Like `parseOsv`, for a document already decoded (from YAML, a zip entry, a database row). */
export function parseOsvValue(value: unknown, options: ParseOsvOptions = {}): FeedParseResult<Vulnerability> {
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [`/${index}`, item])
    : [['', value]];
  const records: Vulnerability[] = [];
  const errors: FeedDiagnostic[] = [];
  for (const [pointer, item] of entries) {
    const outcome = parseOneRecord(item, pointer, options);
    if (outcome.record !== undefined) records.push(outcome.record);
    errors.push(...outcome.diagnostics);
  }
  return { records, errors };
}

/** The official-schema verdict on one record: error diagnostics, empty when valid. */
export function validateOsvRecord(value: unknown, pointer = ''): FeedDiagnostic[] {
  const strict = osvStrictSchema.safeParse(value);
  if (strict.success) return [];
  return FeedDiagnostic.fromIssues(strict.error.issues, {
    base: pointer,
    severity: 'error',
    ...recordIdOf(value),
  });
}

function parseOneRecord(
  value: unknown,
  pointer: string,
  options: ParseOsvOptions,
): { record?: Vulnerability; diagnostics: FeedDiagnostic[] } {
  const shape = osvRecordSchema.safeParse(value);
  if (!shape.success) {
    return {
      diagnostics: FeedDiagnostic.fromIssues(shape.error.issues, {
        base: pointer,
        severity: 'error',
        ...recordIdOf(value),
      }),
    };
  }
  const strictWarnings = validateOsvRecord(value, pointer).map((d) => ({ ...d, severity: 'warning' as const }));
  const { record, warnings } = readOsvRecord(shape.data, {
    pointer,
    ...(options.sourceUrl === undefined ? {} : { sourceUrl: options.sourceUrl }),
  });
  return { record, diagnostics: [...strictWarnings, ...warnings] };
}

function recordIdOf(value: unknown): { recordId?: string } {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? { recordId: id } : {};
}
