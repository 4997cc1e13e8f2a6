import type { Vulnerability, VulnerabilityReference } from '../../core/vulnerability.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import { readOsvAffected } from './osv-affected.js';
import type { OsvRecordJson } from './osv-schema.js';
import { readOsvSeverities } from './osv-severity.js';

/** Where a record sits, for diagnostics and provenance. */
export interface OsvRecordContext {
  /** JSON pointer of the record in its document ('' for a single-record document). */
  readonly pointer: string;
  /** Source URL to record; defaults to the record's osv.dev page. */
  readonly sourceUrl?: string;
}

/**
 * Converts one shape-checked OSV record (OSV schema 1.7) into the core model, collecting
 * warnings for the parts it had to drop.
 */
export function readOsvRecord(
  json: OsvRecordJson,
  ctx: OsvRecordContext,
): { record: Vulnerability; warnings: FeedDiagnostic[] } {
  const recordId = json.id;
  const warnings: FeedDiagnostic[] = [];
  // The database that wrote the record scored it: GHSA, PYSEC, DSA, …
  const source = /^([A-Za-z]+(?:-[A-Z]{1,2}(?=-))?)/.exec(recordId)?.[1] ?? 'osv';
  const top = readOsvSeverities(json.severity ?? [], { source, pointer: `${ctx.pointer}/severity`, recordId });
  warnings.push(...top.warnings);
  const cvss = [...top.cvss];
  const ratings = [...top.ratings];

  const affected = (json.affected ?? []).flatMap((entry, index) => {
    const pointer = `${ctx.pointer}/affected/${index}`;
    const own = readOsvSeverities(entry.severity ?? [], { source, pointer: `${pointer}/severity`, recordId });
    warnings.push(...own.warnings);
    cvss.push(...own.cvss.filter((score) => !cvss.some((seen) => seen.vector === score.vector)));
    ratings.push(...own.ratings);
    const pkg = readOsvAffected(entry, { pointer, recordId, warnings });
    return pkg === undefined ? [] : [pkg];
  });

  const references: VulnerabilityReference[] = (json.references ?? []).map((ref) => ({
    type: ref.type ?? 'WEB',
    url: ref.url,
  }));

  const record: Vulnerability = {
    id: recordId,
    aliases: uniqueExcept(json.aliases ?? [], recordId),
    related: uniqueExcept([...(json.related ?? []), ...(json.upstream ?? [])], recordId),
    ...optional('summary', json.summary),
    ...optional('details', json.details),
    ...optional('published', json.published),
    ...optional('modified', json.modified),
    ...optional('withdrawn', json.withdrawn),
    source: 'osv',
    sourceUrl: ctx.sourceUrl ?? `https://osv.dev/vulnerability/${encodeURIComponent(recordId)}`,
    cvss,
    severityRatings: ratings,
    cwes: cwesOf(json.database_specific),
    references,
    affected,
    affectedProducts: [],
    cpeConfigurations: [],
    ...(json.database_specific === undefined ? {} : { databaseSpecific: json.database_specific }),
  };
  return { record, warnings };
}

/** GHSA and others put CWE ids in `database_specific.cwe_ids`. */
function cwesOf(databaseSpecific: Readonly<Record<string, unknown>> | undefined): string[] {
  const ids = databaseSpecific?.['cwe_ids'];
  if (!Array.isArray(ids)) return [];
  return [...new Set(ids.filter((id): id is string => typeof id === 'string' && /^CWE-\d+$/.test(id)))];
}

function uniqueExcept(ids: readonly string[], except: string): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
