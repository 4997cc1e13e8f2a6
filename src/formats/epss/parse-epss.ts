import { gunzipSync } from 'node:zlib';
import type { EpssEntry } from '../../core/vulnerability-epss-entry.js';
import type { FeedDiagnostic, FeedParseResult } from '../../core/vulnerability-feed-result.js';
import { readCsv } from '../kev/read-csv.js';

/** A parsed EPSS file: its scores, per-row diagnostics, and the header's model and date. */
export interface EpssParseResult extends FeedParseResult<EpssEntry> {
  readonly modelVersion?: string;
  /** `YYYY-MM-DD`. */
  readonly scoreDate?: string;
}

/**
 * Parses FIRST's daily EPSS CSV (`epss_scores-YYYY-MM-DD.csv[.gz]`): a comment line
 * `#model_version:v2023.03.01,score_date:2023-06-10T00:00:00+0000`, the header `cve,epss,percentile`,
 * then one row per CVE. Gzip input (by its magic bytes) is inflated first. Every entry carries the
 * score date; without a date in the header the file is refused, since a score without its date
 * cannot be compared with a later one.
 */
export function parseEpss(input: string | Uint8Array): EpssParseResult {
  const text = typeof input === 'string' ? input : decode(input);
  if (typeof text !== 'string') return { records: [], errors: [text] };
  const lines = text.split(/\r?\n/);
  const comment = lines[0]?.startsWith('#') === true ? lines[0].slice(1) : undefined;
  const meta = new Map(
    (comment ?? '').split(',').map((part) => {
      const colon = part.indexOf(':');
      return [part.slice(0, colon).trim(), part.slice(colon + 1).trim()] as const;
    }),
  );
  const scoreDate = /^\d{4}-\d{2}-\d{2}/.exec(meta.get('score_date') ?? '')?.[0];
  const modelVersion = meta.get('model_version');
  const header = {
    ...(modelVersion === undefined ? {} : { modelVersion }),
    ...(scoreDate === undefined ? {} : { scoreDate }),
  };
  if (scoreDate === undefined) {
    return {
      ...header,
      records: [],
      errors: [
        {
          severity: 'error',
          path: 'line 1',
          message: 'no `#…score_date:YYYY-MM-DD…` comment line: scores without a date are refused',
        },
      ],
    };
  }
  const offset = comment === undefined ? 0 : 1;
  const { rows, error } = readCsv(lines.slice(offset).join('\n'));
  const errors: FeedDiagnostic[] =
    error === undefined ? [] : [{ severity: 'error', path: `line ${error.line + offset}`, message: error.message }];
  const [head, ...body] = rows;
  const columns = head?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const [cveAt, scoreAt, percentileAt] = ['cve', 'epss', 'percentile'].map((name) => columns.indexOf(name));
  if (
    head === undefined ||
    cveAt === undefined ||
    cveAt < 0 ||
    scoreAt === undefined ||
    scoreAt < 0 ||
    percentileAt === undefined ||
    percentileAt < 0
  ) {
    return {
      ...header,
      records: [],
      errors: [
        ...errors,
        {
          severity: 'error',
          path: `line ${1 + offset}`,
          message: 'header must name the columns cve, epss, percentile',
        },
      ],
    };
  }
  const records: EpssEntry[] = [];
  for (const row of body) {
    const path = `line ${row.line + offset}`;
    const cve = row.fields[cveAt]?.trim() ?? '';
    const score = probability(row.fields[scoreAt]);
    const percentile = probability(row.fields[percentileAt]);
    if (!/^CVE-\d{4}-\d{4,}$/.test(cve)) {
      errors.push({ severity: 'error', path, message: `'${cve}' is not a CVE id` });
    } else if (score === undefined || percentile === undefined) {
      errors.push({
        severity: 'error',
        path,
        recordId: cve,
        message: 'epss and percentile must be numbers between 0 and 1',
      });
    } else {
      records.push({ cve, score, percentile, date: scoreDate });
    }
  }
  return { ...header, records, errors };
}

function probability(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*(0|1|0?\.\d+|[01]\.\d+|\d(\.\d+)?[eE][-+]?\d+)\s*$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 1 ? value : undefined;
}

/** Bytes to text: gzip (RFC 1952 magic 1f 8b) is inflated, then UTF-8 decoded. */
function decode(bytes: Uint8Array): string | FeedDiagnostic {
  try {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch (cause) {
    return {
      severity: 'error',
      path: '',
      message: `cannot read EPSS data: ${cause instanceof Error ? cause.message : String(cause)}`,
    };
  }
}
