import type { Vulnerability } from '../../core/vulnerability.js';
import { FeedDiagnostic, type FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { parseJsonText } from '../json/parse-json-text.js';
import { nvdCveSchema, nvdLegacyItemSchema } from './nvd-schema.js';
import { readNvdCve } from './read-nvd-cve.js';
import { readNvdLegacyItem } from './read-nvd-legacy-item.js';

/**
 * Parses one NVD document: a CVE API 2.0 response (`vulnerabilities[].cve`), a bare API 2.0
 * `cve` object, or a legacy JSON 1.1 feed (`CVE_Items[]`). Every CVE is read on its own: a
 * malformed one becomes an error diagnostic and the rest still parse.
 */
export function parseNvd(text: string): FeedParseResult<Vulnerability> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { records: [], errors: [parsed.diagnostic] };
  return parseNvdValue(parsed.value);
}

/** Like `parseNvd`, for an already decoded document. */
export function parseNvdValue(value: unknown): FeedParseResult<Vulnerability> {
  const doc =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (doc !== undefined && Array.isArray(doc['vulnerabilities'])) {
    return collect(doc['vulnerabilities'], (item, i) => {
      const cve = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)['cve'] : undefined;
      return readApi(cve, `/vulnerabilities/${i}/cve`);
    });
  }
  if (doc !== undefined && Array.isArray(doc['CVE_Items'])) {
    return collect(doc['CVE_Items'], (item, i) => readLegacy(item, `/CVE_Items/${i}`));
  }
  if (doc !== undefined && typeof doc['id'] === 'string' && 'descriptions' in doc) {
    return collect([doc], (item) => readApi(item, ''));
  }
  return {
    records: [],
    errors: [
      {
        severity: 'error',
        path: '',
        message: 'not an NVD document: expected `vulnerabilities` (CVE API 2.0) or `CVE_Items` (JSON 1.1 feed)',
      },
    ],
  };
}

type Outcome = { record?: Vulnerability; diagnostics: FeedDiagnostic[] };

function readApi(value: unknown, pointer: string): Outcome {
  const shape = nvdCveSchema.safeParse(value);
  if (!shape.success) return failed(shape.error.issues, pointer, idOf(value));
  const { record, warnings } = readNvdCve(shape.data, pointer);
  return { record, diagnostics: warnings };
}

function readLegacy(value: unknown, pointer: string): Outcome {
  const shape = nvdLegacyItemSchema.safeParse(value);
  if (!shape.success) return failed(shape.error.issues, pointer, legacyIdOf(value));
  const { record, warnings } = readNvdLegacyItem(shape.data, pointer);
  return { record, diagnostics: warnings };
}

function failed(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  pointer: string,
  recordId: string | undefined,
): Outcome {
  return {
    diagnostics: FeedDiagnostic.fromIssues(issues, {
      base: pointer,
      severity: 'error',
      ...(recordId === undefined ? {} : { recordId }),
    }),
  };
}

function collect(
  items: readonly unknown[],
  read: (item: unknown, index: number) => Outcome,
): FeedParseResult<Vulnerability> {
  const records: Vulnerability[] = [];
  const errors: FeedDiagnostic[] = [];
  items.forEach((item, index) => {
    const outcome = read(item, index);
    if (outcome.record !== undefined) records.push(outcome.record);
    errors.push(...outcome.diagnostics);
  });
  return { records, errors };
}

function idOf(value: unknown): string | undefined {
  const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['id'] : undefined;
  return typeof id === 'string' ? id : undefined;
}

function legacyIdOf(value: unknown): string | undefined {
  const cve = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['cve'] : undefined;
  const meta = typeof cve === 'object' && cve !== null ? (cve as Record<string, unknown>)['CVE_data_meta'] : undefined;
  const id = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['ID'] : undefined;
  return typeof id === 'string' ? id : undefined;
}
