import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { Cpe } from '../core/cpe.js';
import { Purl } from '../core/purl.js';
import { columnCodec } from '../store/column-codec.js';
import { findComponentsByName } from '../store/queries/component-match-keys.js';
import {
  deleteIdentityMapping,
  listIdentityMappings as listMappingRows,
  putIdentityMapping,
  type IdentityMappingRow,
} from '../store/queries/identity-mappings.js';
import { recordAudit } from './audit.js';
import { refreshComponentFindings } from './component-matching.js';
import { actorLabel, actorOrgId, parseInput, requireRole, type ServiceContext } from './context.js';
import type { EvaluationSummary } from './finding-evaluation.js';

export type { IdentityMappingRow as IdentityMapping };

export const mapIdentitySchema = z
  .object({
    componentName: z.string().trim().min(1),
    componentVersion: z.string().trim().min(1).optional(),
    purl: z.string().trim().min(1).optional(),
    cpe: z.string().trim().min(1).optional(),
    note: z.string().trim().min(1).optional(),
  })
  .refine((v) => v.purl !== undefined || v.cpe !== undefined, {
    message: 'give a purl, a CPE or both',
    path: ['purl'],
  });

export type MapIdentityInput = z.input<typeof mapIdentitySchema>;

/**
 * An analyst decides what a component really is (a firmware's "OpenSSL" without a purl is
 * `pkg:generic/openssl` or `cpe:2.3:a:openssl:openssl:…`). The mapping applies to every
 * component of that name (and version, when given) in the organization, now and in SBOMs
 * imported later, and those components are re-matched at once.
 */
export async function mapIdentity(
  ctx: ServiceContext,
  input: MapIdentityInput,
): Promise<{ mapping: IdentityMappingRow; components: number; findings: EvaluationSummary }> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const parsed = parseInput(mapIdentitySchema, input);
  const purl = parsed.purl === undefined ? undefined : Purl.tryParse(parsed.purl);
  if (parsed.purl !== undefined && purl === undefined) {
    throw new AppError('invalid-input', `not a valid purl: ${parsed.purl}`, { location: { path: 'purl' } });
  }
  if (parsed.cpe !== undefined && Cpe.tryParse(parsed.cpe) === undefined) {
    throw new AppError('invalid-input', `not a valid CPE 2.3 name: ${parsed.cpe}`, { location: { path: 'cpe' } });
  }
  return ctx.store.db.transaction().execute(async (trx) => {
    const mapping = await putIdentityMapping(trx, {
      orgId,
      componentName: parsed.componentName,
      componentVersion: parsed.componentVersion,
      purl: purl === undefined ? undefined : Purl.format(purl),
      cpe: parsed.cpe,
      note: parsed.note,
      createdBy: actorLabel(ctx.actor),
    });
    const components = await findComponentsByName(trx, orgId, parsed.componentName, parsed.componentVersion);
    const findings = await refreshComponentFindings(trx, components, columnCodec.now());
    await recordAudit(trx, ctx.actor, {
      action: 'identity.map',
      entityType: 'identity_mapping',
      entityId: mapping.id,
      after: mapping,
    });
    return { mapping, components: components.length, findings };
  });
}

/** Removes a mapping; its components go back to the identity their SBOMs give, re-matched at once. */
export async function unmapIdentity(
  ctx: ServiceContext,
  id: string,
): Promise<{ mapping: IdentityMappingRow; findings: EvaluationSummary }> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  return ctx.store.db.transaction().execute(async (trx) => {
    const mapping = await deleteIdentityMapping(trx, orgId, id);
    if (mapping === undefined)
      throw new AppError('not-found', `no identity mapping ${id}`, { location: { path: 'id' } });
    const components = await findComponentsByName(trx, orgId, mapping.componentName, mapping.componentVersion);
    const findings = await refreshComponentFindings(trx, components, columnCodec.now());
    await recordAudit(trx, ctx.actor, {
      action: 'identity.unmap',
      entityType: 'identity_mapping',
      entityId: mapping.id,
      before: mapping,
    });
    return { mapping, findings };
  });
}

export async function listIdentityMappings(ctx: ServiceContext): Promise<IdentityMappingRow[]> {
  requireRole(ctx.actor, 'viewer');
  return listMappingRows(ctx.store.db, actorOrgId(ctx.actor));
}
