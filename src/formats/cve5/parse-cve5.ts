import type { Vulnerability } from '../../core/vulnerability.js';
import { FeedDiagnostic, type FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { cve5RecordSchema } from './cve5-schema.js';
import { readCve5Record } from './read-cve5-record.js';

/**
 * Parses the text of one CVE JSON 5.x document: a record file of the cvelistV5 layout, or a JSON
 * array of records. A record that is not a CVE 5 record becomes an error; the others parse.
 */
export function parseCve5(text: string): FeedParseResult<Vulnerability> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { records: [], errors: [parsed.diagnostic] };
  return parseCve5Value(parsed.value);
}

/** Like `parseCve5`, for an already decoded document. */
export function parseCve5Value(value: unknown): FeedParseResult<Vulnerability> {
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, i) => [`/${i}`, item]) : [['', value]];
  const records: Vulnerability[] = [];
  const errors: FeedDiagnostic[] = [];
  for (const [pointer, item] of entries) {
    const shape = cve5RecordSchema.safeParse(item);
    if (!shape.success) {
      errors.push(
        ...FeedDiagnostic.fromIssues(shape.error.issues, { base: pointer, severity: 'error', ...recordIdOf(item) }),
      );
      continue;
    }
    const { record, warnings } = readCve5Record(shape.data, pointer);
    records.push(record);
    errors.push(...warnings);
  }
  return { records, errors };
}

function recordIdOf(value: unknown): { recordId?: string } {
  const meta =
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['cveMetadata'] : undefined;
  const id = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['cveId'] : undefined;
  return typeof id === 'string' ? { recordId: id } : {};
}
