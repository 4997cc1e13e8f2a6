import type { EpssEntry } from '../core/vulnerability-epss-entry.js';
import type { KevEntry } from '../core/vulnerability-kev-entry.js';
import { Vulnerability } from '../core/vulnerability.js';
import { buildAdvisoryIndex, type AdvisoryIndex } from '../matching/advisory-index.js';
import type { Finding } from '../matching/finding.js';
import type { DbHandle } from '../store/db-handle.js';
import { findEpssScores, findKevEntries } from '../store/queries/exploit-signals.js';
import {
  findLiveRecordHeadsByMatchKeys,
  findRecordIdsByVulnIds,
  loadRecordHeads,
  type StoredRecordHead,
  findVulnIdsOfRecords,
  loadRecords,
} from '../store/queries/vulnerability-records.js';
import { cachedVulnerability, vulnerabilityOfRow } from './stored-vulnerability.js';
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
  return indexOfHeads(db, await findLiveRecordHeadsByMatchKeys(db, matchKeys));
}

/** The matcher's index over exactly these stored records (withdrawn ones are left out by the index). */
export async function indexOfRecords(db: DbHandle, recordIds: readonly string[]): Promise<StoredAdvisoryIndex> {
  return indexOfHeads(db, await loadRecordHeads(db, recordIds));
}

/**
 * Records by head: those this process parsed before (same id and update time) come from memory;
 * only the others' JSON is read. A warm server scanning SBOMs of the same products reads almost
 * nothing but the heads.
 */
async function indexOfHeads(db: DbHandle, heads: readonly StoredRecordHead[]): Promise<StoredAdvisoryIndex> {
  const byIdentity = new Map(heads.map((head) => [`${head.source}\u0000${head.sourceId}`, head.id]));
  return {
    index: buildAdvisoryIndex(await recordsOfHeads(db, heads)),
    recordIdOf: (finding) => byIdentity.get(`${finding.evidence.source}\u0000${finding.vulnerabilityId}`),
  };
}

/** The records of these heads, from this process's memory where it has them, else from the store. */
async function recordsOfHeads(db: DbHandle, heads: readonly StoredRecordHead[]): Promise<Vulnerability[]> {
  const out: Vulnerability[] = [];
  const missing: string[] = [];
  for (const head of heads) {
    const known = cachedVulnerability(head.id, head.updatedAt);
    if (known === undefined) missing.push(head.id);
    else out.push(known);
  }
  for (const row of await loadRecords(db, missing)) out.push(vulnerabilityOfRow(row));
  return out;
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
  const records = await recordsOfHeads(db, await loadRecordHeads(db, [...known]));
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
