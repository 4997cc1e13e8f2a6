import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { SbomEncoding, SbomFormat } from '../../core/sbom.js';
import { columnCodec } from '../column-codec.js';
import type { DbHandle } from '../db-handle.js';
import { resolvePage, type Page } from '../page.js';
import type { SbomsTable } from '../schema.js';

/** A stored SBOM document's metadata (the original bytes come from getSbomOriginal). */
export interface SbomRecord {
  readonly id: string;
  readonly orgId: string;
  readonly productVersionId: string;
  readonly format: SbomFormat;
  readonly specVersion: string;
  readonly encoding: SbomEncoding;
  readonly serialNumber: string | undefined;
  readonly name: string | undefined;
  readonly authors: readonly string[];
  readonly tools: readonly string[];
  readonly docTimestamp: string | undefined;
  /** The document-local ref (bom-ref / SPDXID) of the SBOM's subject component. */
  readonly subjectRef: string | undefined;
  readonly originalSha256: string;
  readonly byteSize: number;
  readonly fileName: string | undefined;
  readonly importedAt: string;
  /** Actor id (user id or `system`) that imported it. */
  readonly importedBy: string;
}

export interface NewSbom {
  readonly id?: string;
  readonly productVersionId: string;
  readonly format: SbomFormat;
  readonly specVersion: string;
  readonly encoding: SbomEncoding;
  readonly serialNumber?: string | undefined;
  readonly name?: string | undefined;
  readonly authors: readonly string[];
  readonly tools: readonly string[];
  readonly docTimestamp?: string | undefined;
  readonly subjectRef?: string | undefined;
  /** The document exactly as received; sha256 and size are computed here. */
  readonly original: Uint8Array;
  readonly fileName?: string | undefined;
  readonly importedBy: string;
}

const metadataColumns = [
  'id',
  'org_id',
  'product_version_id',
  'format',
  'spec_version',
  'encoding',
  'serial_number',
  'name',
  'authors',
  'tools',
  'doc_timestamp',
  'subject_ref',
  'original_sha256',
  'byte_size',
  'file_name',
  'imported_at',
  'imported_by',
] as const;

function toSbomRecord(row: Omit<Selectable<SbomsTable>, 'original'>): SbomRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    productVersionId: row.product_version_id,
    format: row.format as SbomFormat,
    specVersion: row.spec_version,
    encoding: row.encoding as SbomEncoding,
    serialNumber: columnCodec.optional(row.serial_number),
    name: columnCodec.optional(row.name),
    authors: columnCodec.fromJson<string[]>(row.authors),
    tools: columnCodec.fromJson<string[]>(row.tools),
    docTimestamp: columnCodec.optional(row.doc_timestamp),
    subjectRef: columnCodec.optional(row.subject_ref),
    originalSha256: row.original_sha256,
    byteSize: Number(row.byte_size),
    fileName: columnCodec.optional(row.file_name),
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

export async function insertSbom(db: DbHandle, orgId: string, input: NewSbom): Promise<SbomRecord> {
  const row = {
    id: input.id ?? columnCodec.newId(),
    org_id: orgId,
    product_version_id: input.productVersionId,
    format: input.format,
    spec_version: input.specVersion,
    encoding: input.encoding,
    serial_number: input.serialNumber ?? null,
    name: input.name ?? null,
    authors: columnCodec.toJson(input.authors),
    tools: columnCodec.toJson(input.tools),
    doc_timestamp: input.docTimestamp ?? null,
    subject_ref: input.subjectRef ?? null,
    original: Buffer.from(input.original.buffer, input.original.byteOffset, input.original.byteLength),
    original_sha256: createHash('sha256').update(input.original).digest('hex'),
    byte_size: input.original.byteLength,
    file_name: input.fileName ?? null,
    imported_at: columnCodec.now(),
    imported_by: input.importedBy,
  };
  await db.insertInto('sboms').values(row).execute();
  return toSbomRecord(row);
}

export async function getSbom(db: DbHandle, orgId: string, sbomId: string): Promise<SbomRecord | undefined> {
  const row = await db
    .selectFrom('sboms')
    .select(metadataColumns)
    .where('org_id', '=', orgId)
    .where('id', '=', sbomId)
    .executeTakeFirst();
  return row === undefined ? undefined : toSbomRecord(row);
}

/** SBOMs attached to one product version, in import order. */
export async function listSboms(
  db: DbHandle,
  orgId: string,
  options: Page & { readonly productVersionId: string },
): Promise<SbomRecord[]> {
  const { limit, offset } = resolvePage(options);
  const rows = await db
    .selectFrom('sboms')
    .select(metadataColumns)
    .where('org_id', '=', orgId)
    .where('product_version_id', '=', options.productVersionId)
    .orderBy('imported_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map(toSbomRecord);
}

/** The original document, byte for byte, or undefined when not in this organization. */
export async function getSbomOriginal(
  db: DbHandle,
  orgId: string,
  sbomId: string,
): Promise<{ bytes: Uint8Array; sha256: string; fileName: string | undefined } | undefined> {
  const row = await db
    .selectFrom('sboms')
    .select(['original', 'original_sha256', 'file_name'])
    .where('org_id', '=', orgId)
    .where('id', '=', sbomId)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    bytes: columnCodec.toBytes(row.original),
    sha256: row.original_sha256,
    fileName: columnCodec.optional(row.file_name),
  };
}
