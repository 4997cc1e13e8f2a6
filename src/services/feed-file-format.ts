import { isCsafDocument } from '../formats/csaf/index.js';

/** The feed formats a file given to `--feeds` can hold, recognized by content. */
export type FeedFileFormat = 'osv' | 'cve5' | 'nvd' | 'csaf' | 'kev-json' | 'kev-csv' | 'epss';

/**
 * Which feed a decoded JSON document is, from its shape alone (file names are not trusted: an
 * osv.dev export names files by id, NVD mirrors by year). Undefined when it is none of them.
 */
export function detectJsonFeed(value: unknown): FeedFileFormat | undefined {
  if (Array.isArray(value)) {
    // osv.dev query results and `all.zip` entries are arrays of OSV records; cvelistV5 bulk
    // exports are arrays of CVE records. The first object decides; an empty array is nothing.
    const first: unknown = value.find((item) => isObject(item));
    return first === undefined ? undefined : detectRecord(first as Record<string, unknown>);
  }
  if (!isObject(value)) return undefined;
  const doc = value;
  // CSAF 2.0 / 2.1: `document.csaf_version` (CSAF schema, required).
  if (isCsafDocument(doc)) return 'csaf';
  // KEV catalog: `catalogVersion` + `vulnerabilities[].cveID` (CISA KEV JSON schema).
  if (Array.isArray(doc['vulnerabilities'])) {
    const list = doc['vulnerabilities'] as unknown[];
    if ('catalogVersion' in doc || list.some((v) => isObject(v) && 'cveID' in v)) return 'kev-json';
    // NVD CVE API 2.0 response: `format: NVD_CVE`, `vulnerabilities[].cve`.
    if (doc['format'] === 'NVD_CVE' || list.some((v) => isObject(v) && 'cve' in v)) return 'nvd';
    return undefined;
  }
  // NVD JSON 1.1 data feed (`nvdcve-1.1-2023.json`).
  if (Array.isArray(doc['CVE_Items'])) return 'nvd';
  return detectRecord(doc);
}

/** The format of a CSV text from its first line: KEV names `cveID`, EPSS starts `#model_version` or `cve,epss`. */
export function detectCsvFeed(text: string): FeedFileFormat | undefined {
  const firstLine = (/^[^\r\n]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '').trim();
  if (firstLine.startsWith('#model_version') || firstLine.startsWith('#score_date')) return 'epss';
  const header = firstLine.toLowerCase().replaceAll('"', '');
  if (header.startsWith('cve,epss')) return 'epss';
  if (header.split(',').includes('cveid')) return 'kev-csv';
  return undefined;
}

function detectRecord(doc: Record<string, unknown>): FeedFileFormat | undefined {
  // CVE JSON 5: `dataType: CVE_RECORD` and `cveMetadata` (CVE schema 5.x, required properties).
  if (doc['dataType'] === 'CVE_RECORD' || isObject(doc['cveMetadata'])) return 'cve5';
  // A bare NVD API 2.0 `cve` object: `id` + `descriptions` (+ `vulnStatus`), no OSV `modified`.
  if (typeof doc['id'] === 'string' && Array.isArray(doc['descriptions']) && !('modified' in doc)) return 'nvd';
  // OSV: `id` and `modified` are the required properties (OSV schema); `affected` and
  // `schema_version` also mark records that lack `modified` (the parser reports that).
  if (typeof doc['id'] === 'string' && ('modified' in doc || 'affected' in doc || 'schema_version' in doc)) {
    return 'osv';
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
