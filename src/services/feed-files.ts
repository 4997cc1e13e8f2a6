import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AppError } from '../core/app-error.js';
import type { EpssEntry } from '../core/vulnerability-epss-entry.js';
import type { FeedDiagnostic } from '../core/vulnerability-feed-result.js';
import type { KevEntry } from '../core/vulnerability-kev-entry.js';
import { Vulnerability } from '../core/vulnerability.js';
import { parseCsafValue } from '../formats/csaf/index.js';
import { parseCve5Value } from '../formats/cve5/index.js';
import { parseEpss } from '../formats/epss/index.js';
import { parseJsonText } from '../formats/json/parse-json-text.js';
import { parseKevCsv, parseKevJson } from '../formats/kev/index.js';
import { parseNvdValue } from '../formats/nvd/index.js';
import { parseOsvValue } from '../formats/osv/index.js';
import { detectCsvFeed, detectJsonFeed, type FeedFileFormat } from './feed-file-format.js';
import { readZipEntries } from './zip-entries.js';

/** What happened to one feed file. */
export interface FeedFileReport {
  /** The path as the user gave it, or joined below the directory they gave. */
  readonly file: string;
  /** Undefined when the file could not be read or recognized. */
  readonly format?: FeedFileFormat;
  /** Records (vulnerabilities, KEV entries or EPSS scores) read from it. */
  readonly records: number;
  /** Set when the file was deliberately not read (a format not supported yet). */
  readonly skipped?: string;
  readonly diagnostics: readonly FeedDiagnostic[];
}

/** Every feed file loaded into memory, with what went wrong per file and per record. */
export interface LoadedFeeds {
  /** One record per source and id (a later `modified` wins when a record is given twice). */
  readonly vulnerabilities: readonly Vulnerability[];
  /** KEV entries by upper-case CVE id. */
  readonly kev: ReadonlyMap<string, KevEntry>;
  /** EPSS scores by upper-case CVE id (the latest score date wins). */
  readonly epss: ReadonlyMap<string, EpssEntry>;
  readonly files: readonly FeedFileReport[];
}

/** File names a directory walk reads; anything else (README.md, LICENSE, …) is not a feed. */
const feedExtensions = new Set(['.json', '.csv', '.gz', '.yaml', '.yml', '.zip']);

/**
 * Loads feed files and directories (walked recursively, hidden entries skipped, names sorted so
 * the result does not depend on the file system's order). Each file's format is recognized from
 * its content: OSV JSON (record or array), CVE JSON 5, NVD CVE API 2.0 or JSON 1.1 feed, CISA
 * KEV JSON or CSV, FIRST EPSS CSV (plain or gzip). A corrupt file or record is reported in its
 * file's diagnostics and the rest still loads; only a path that does not exist is refused, since
 * a mistyped path would otherwise scan against nothing and report no findings.
 */
export async function loadFeedFiles(
  paths: readonly string[],
  options: { readonly baseDir: string },
): Promise<LoadedFeeds> {
  const vulnerabilities = new Map<string, Vulnerability>();
  const kev = new Map<string, KevEntry>();
  const epss = new Map<string, EpssEntry>();
  const reports: FeedFileReport[] = [];
  for await (const loaded of readFeedFiles(paths, options)) {
    reports.push(loaded.report);
    for (const record of loaded.vulnerabilities) {
      const key = `${record.source}\u0000${record.id}`;
      const known = vulnerabilities.get(key);
      // The newer `modified` wins; on a tie the file read later, as `feeds import` does.
      if (known === undefined || Vulnerability.supersedes(record.modified, known.modified))
        vulnerabilities.set(key, record);
    }
    for (const entry of loaded.kev) kev.set(entry.cveId.toUpperCase(), entry);
    for (const entry of loaded.epss) {
      const known = epss.get(entry.cve.toUpperCase());
      if (known === undefined || entry.date >= known.date) epss.set(entry.cve.toUpperCase(), entry);
    }
  }
  return { vulnerabilities: [...vulnerabilities.values()], kev, epss, files: reports };
}

/**
 * The feed files under `paths`, read and parsed one at a time so an import of a large export
 * never holds more than one file's records. Paths are checked before the first file is read:
 * a mistyped path fails the whole call rather than importing half of what was asked.
 */
export async function* readFeedFiles(
  paths: readonly string[],
  options: { readonly baseDir: string },
): AsyncGenerator<LoadedFile> {
  const files: { display: string; full: string; explicit: boolean }[] = [];
  for (const path of paths) {
    const full = resolve(options.baseDir, path);
    const info = await stat(full).catch((cause: unknown) => {
      throw new AppError('invalid-input', 'cannot read feed path: no such file or directory', {
        location: { file: path },
        cause,
      });
    });
    if (info.isDirectory()) files.push(...(await walk(full, path)).map((f) => ({ ...f, explicit: false })));
    else files.push({ display: path, full, explicit: true });
  }
  for (const file of files) {
    if (extname(file.full).toLowerCase() === '.zip') yield* loadZip(file);
    else yield await loadOne(file);
  }
}

/** Zip entries parsed per report: a 100k-advisory osv.dev export never sits in memory whole. */
const zipEntriesPerReport = 2_000;

/**
 * An osv.dev `all.zip` export (one OSV JSON record per entry), or any zip of feed JSON files,
 * read entry by entry. Each batch of entries is reported as the zip; a diagnostic's path starts
 * with the entry's name. A corrupt archive ends the file with an error, keeping what was read.
 */
async function* loadZip(file: { display: string; full: string }): AsyncGenerator<LoadedFile> {
  let vulnerabilities: Vulnerability[] = [];
  let diagnostics: FeedDiagnostic[] = [];
  let format: FeedFileFormat | undefined;
  let entries = 0;
  const report = (): LoadedFile => {
    const out: LoadedFile = {
      report: {
        file: file.display,
        ...(format === undefined ? {} : { format }),
        records: vulnerabilities.length,
        diagnostics,
      },
      vulnerabilities,
      kev: [],
      epss: [],
    };
    vulnerabilities = [];
    diagnostics = [];
    entries = 0;
    return out;
  };
  try {
    for await (const entry of readZipEntries(file.full)) {
      if (extname(entry.name).toLowerCase() !== '.json') continue;
      const where = `${file.display}!${entry.name}`;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(entry.bytes).replace(/^\uFEFF/, '');
      } catch {
        diagnostics.push({ severity: 'error', path: entry.name, message: 'entry is not UTF-8 text' });
        continue;
      }
      const parsed = parseFeedText(text, where);
      if (parsed === undefined || parsed.format === undefined) {
        diagnostics.push({ severity: 'warning', path: entry.name, message: 'not a recognized feed record; skipped' });
      } else {
        format ??= parsed.format;
        vulnerabilities.push(...parsed.vulnerabilities);
      }
      for (const d of parsed?.diagnostics ?? []) diagnostics.push({ ...d, path: `${entry.name}${d.path}` });
      entries += 1;
      if (entries >= zipEntriesPerReport) yield report();
    }
  } catch (cause) {
    diagnostics.push({
      severity: 'error',
      path: '',
      message: cause instanceof Error ? cause.message : String(cause),
    });
  }
  if (entries > 0 || diagnostics.length > 0 || vulnerabilities.length > 0) yield report();
}

/** One feed file's parsed content and what went wrong in it. */
export interface LoadedFile {
  readonly report: FeedFileReport;
  readonly vulnerabilities: readonly Vulnerability[];
  readonly kev: readonly KevEntry[];
  readonly epss: readonly EpssEntry[];
}

async function walk(dir: string, display: string): Promise<{ display: string; full: string }[]> {
  const out: { display: string; full: string }[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    const shown = join(display, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, shown)));
    else if (entry.isFile() && feedExtensions.has(extname(entry.name).toLowerCase())) {
      out.push({ display: shown, full });
    }
  }
  return out;
}

async function loadOne(file: { display: string; full: string; explicit: boolean }): Promise<LoadedFile> {
  const fail = (message: string, severity: 'error' | 'warning' = 'error'): LoadedFile => ({
    report: { file: file.display, records: 0, diagnostics: [{ severity, path: '', message }] },
    vulnerabilities: [],
    kev: [],
    epss: [],
  });
  const extension = extname(file.full).toLowerCase();
  if (extension === '.yaml' || extension === '.yml') {
    // No YAML parser is a runtime dependency yet; OSV YAML (PyPA's layout) must be converted to JSON.
    const skipped = fail('OSV YAML is not supported yet: convert it to JSON', 'warning');
    return { ...skipped, report: { ...skipped.report, skipped: 'OSV YAML is not supported yet' } };
  }
  let text: string;
  try {
    const bytes = new Uint8Array(await readFile(file.full));
    // gzip by its magic bytes (RFC 1952 §2.3.1), whatever the name says.
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw).replace(/^\uFEFF/, '');
  } catch (cause) {
    return fail(`cannot read feed file: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const parsed = parseFeedText(text, file.display);
  if (parsed === undefined) {
    // A directory walk meets JSON that is not a feed (a JSON schema next to the KEV catalog):
    // worth a warning; a file the user named explicitly is an error.
    return fail(
      'not a recognized feed file (OSV, CVE JSON 5, NVD, CSAF 2.0, KEV or EPSS)',
      file.explicit ? 'error' : 'warning',
    );
  }
  const records = parsed.vulnerabilities.length + parsed.kev.length + parsed.epss.length;
  return {
    ...parsed,
    report: {
      file: file.display,
      ...(parsed.format === undefined ? {} : { format: parsed.format }),
      records,
      diagnostics: parsed.diagnostics,
    },
  };
}

interface ParsedFeed {
  /** Undefined for a file that looks like JSON but is not valid JSON. */
  readonly format?: FeedFileFormat;
  readonly vulnerabilities: readonly Vulnerability[];
  readonly kev: readonly KevEntry[];
  readonly epss: readonly EpssEntry[];
  readonly diagnostics: readonly FeedDiagnostic[];
}

/** Dispatches a decoded text to its parser; undefined when no format recognizes it. */
function parseFeedText(text: string, sourceUrl: string): ParsedFeed | undefined {
  const none = { vulnerabilities: [], kev: [], epss: [] };
  const start = /^\s*(.)/.exec(text)?.[1];
  if (start === '{' || start === '[') {
    const json = parseJsonText(text);
    if (!json.ok) return { ...none, diagnostics: [json.diagnostic] };
    const format = detectJsonFeed(json.value);
    switch (format) {
      case 'osv':
      case 'cve5':
      case 'nvd':
      case 'csaf': {
        const result =
          format === 'osv'
            ? parseOsvValue(json.value, { sourceUrl })
            : format === 'cve5'
              ? parseCve5Value(json.value)
              : format === 'csaf'
                ? parseCsafValue(json.value, { sourceUrl })
                : parseNvdValue(json.value);
        return { ...none, format, vulnerabilities: result.records, diagnostics: result.errors };
      }
      case 'kev-json': {
        const result = parseKevJson(text);
        return { ...none, format, kev: result.records, diagnostics: result.errors };
      }
      case 'kev-csv':
      case 'epss':
      case undefined:
        // CSV formats never come from a JSON text; unrecognized JSON is not a feed.
        return undefined;
    }
  }
  const format = detectCsvFeed(text);
  if (format === 'kev-csv') {
    const result = parseKevCsv(text);
    return { ...none, format, kev: result.records, diagnostics: result.errors };
  }
  if (format === 'epss') {
    const result = parseEpss(text);
    return { ...none, format, epss: result.records, diagnostics: result.errors };
  }
  return undefined;
}
