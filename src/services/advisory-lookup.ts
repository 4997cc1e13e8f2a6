import type { EpssEntry } from '../core/vulnerability-epss-entry.js';
import type { KevEntry } from '../core/vulnerability-kev-entry.js';
import { Vulnerability } from '../core/vulnerability.js';
import { buildAdvisoryIndex, type AdvisoryIndex } from '../matching/advisory-index.js';
import type { Finding } from '../matching/finding.js';
import type { DbHandle } from '../store/db-handle.js';
import { findEpssScores, findKevEntries } from '../store/queries/exploit-signals.js';
import {
  findLiveRecordIdsByMatchKeys,
  findRecordIdsByVulnIds,
  findVulnIdsOfRecords,
  loadRecords,
} from '../store/queries/vulnerability-records.js';
import { vulnerabilityOfRow } from './stored-vulnerability.js';
import { groupVulnerabilities, type VulnerabilityGroups } from './vulnerability-groups.js';

/** An in-memory index over just the stored records some components can meet. */
export interface StoredAdvisoryIndex {
  readonly index: AdvisoryIndex;
  /** The stored id of the record a finding came from. */
  readonly recordIdOf: (finding: Finding) => string | undefined;
}

/**
 * Builds the matcher's index from the live records filed under `matchKeys`: a scan or a
 * re-evaluation reads only the advisories that can concern its components, whatever the size
 * of the database.
 */
export async function loadAdvisoryIndex(db: DbHandle, matchKeys: readonly string[]): Promise<StoredAdvisoryIndex> {
  return indexOfRecords(db, await findLiveRecordIdsByMatchKeys(db, matchKeys));
}

/** The matcher's index over exactly these stored records (withdrawn ones are left out by the index). */
export async function indexOfRecords(db: DbHandle, recordIds: readonly string[]): Promise<StoredAdvisoryIndex> {
  const rows = await loadRecords(db, recordIds);
  const byIdentity = new Map<string, string>();
  const vulnerabilities = rows.map((row) => {
    byIdentity.set(`${row.source}\u0000${row.sourceId}`, row.id);
    return vulnerabilityOfRow(row);
  });
  return {
    index: buildAdvisoryIndex(vulnerabilities),
    recordIdOf: (finding) => byIdentity.get(`${finding.evidence.source}\u0000${finding.vulnerabilityId}`),
  };
}

/** Alias hops followed when gathering the records of one vulnerability; real chains are 2–3 long. */
const maxAliasHops = 6;

/**
 * The vulnerability groups (records merged by alias, with KEV and EPSS) around some stored
 * records: every record sharing an identifier with them, transitively, so a finding from a GHSA
 * shows its CVE's NVD scores, KEV entry and EPSS score too.
 */
export async function loadVulnerabilityGroups(
  db: DbHandle,
  recordIds: readonly string[],
): Promise<VulnerabilityGroups> {
  const known = new Set(recordIds);
  let frontier = [...known];
  const seenIds = new Set<string>();
  for (let hop = 0; hop < maxAliasHops && frontier.length > 0; hop += 1) {
    const ids = (await findVulnIdsOfRecords(db, frontier)).filter((id) => !seenIds.has(id));
    ids.forEach((id) => seenIds.add(id));
    frontier = (await findRecordIdsByVulnIds(db, ids)).filter((id) => !known.has(id));
    frontier.forEach((id) => known.add(id));
  }
  const records = (await loadRecords(db, [...known])).map(vulnerabilityOfRow);
  const cves = [...new Set(records.flatMap((r) => Vulnerability.cveIds(r)))];
  const kevRows = await findKevEntries(db, cves);
  const epssRows = await findEpssScores(db, cves);
  const kev = new Map<string, KevEntry>([...kevRows].map(([cve, row]) => [cve, JSON.parse(row.entryJson) as KevEntry]));
  const epss = new Map<string, EpssEntry>(
    [...epssRows].map(([cve, row]) => [
      cve,
      { cve: row.cveId, score: row.score, percentile: row.percentile, date: row.scoreDate },
    ]),
  );
  return groupVulnerabilities({ records, kev, epss });
}
