import { AppError } from '../core/app-error.js';
import { getSbom, getSbomOriginal, type SbomRecord } from '../store/queries/sboms.js';
import { actorOrgId, requireRole, type ServiceContext } from './context.js';

/** Media types of stored originals, by format and encoding, for serving them back unchanged. */
const mediaTypes: Record<string, string> = {
  'cyclonedx/json': 'application/vnd.cyclonedx+json',
  'cyclonedx/xml': 'application/vnd.cyclonedx+xml',
  'spdx/json': 'application/spdx+json',
  'spdx/tag-value': 'text/spdx',
};

/** One stored SBOM document's metadata. */
export async function getSbomDocument(ctx: ServiceContext, sbomId: string): Promise<SbomRecord> {
  requireRole(ctx.actor, 'viewer');
  const record = await getSbom(ctx.store.db, actorOrgId(ctx.actor), sbomId);
  if (!record) throw new AppError('not-found', `no SBOM ${sbomId} in this organization`);
  return record;
}

/**
 * The document exactly as it was imported, byte for byte, with its sha256: what an auditor or
 * a customer asks for when the merged export is not enough.
 */
export async function getSbomDocumentOriginal(
  ctx: ServiceContext,
  sbomId: string,
): Promise<{ bytes: Uint8Array; sha256: string; mediaType: string; fileName: string }> {
  const record = await getSbomDocument(ctx, sbomId);
  const original = await getSbomOriginal(ctx.store.db, actorOrgId(ctx.actor), sbomId);
  if (!original) throw new AppError('not-found', `no SBOM ${sbomId} in this organization`);
  return {
    bytes: original.bytes,
    sha256: original.sha256,
    mediaType: mediaTypes[`${record.format}/${record.encoding}`] ?? 'application/octet-stream',
    fileName:
      original.fileName ??
      `${sbomId}.${record.encoding === 'xml' ? 'xml' : record.encoding === 'json' ? 'json' : 'spdx'}`,
  };
}
