import { AppError, type Diagnostic } from '../core/app-error.js';
import { mergeChanges, mergeComponent } from '../core/component-merge.js';
import type { Component, DependencyEdge, Sbom } from '../core/sbom.js';
import { diffComponents, type SbomDiff } from '../core/sbom-diff.js';
import { assessQuality, type SbomQualityReport } from '../core/sbom-quality.js';
import {
  parseSbom,
  recognizeSbom,
  writeSbom,
  type DocumentSource,
  type SbomTarget,
} from '../formats/sbom/sbom-formats.js';
import type { DbHandle } from '../store/db-handle.js';
import {
  findComponentKeysForVersion,
  insertComponents,
  insertComponentSources,
  insertDependencies,
  listComponentSources,
  listDependenciesForVersion,
  loadComponentsForVersion,
  updateComponent,
  type StoredComponent,
} from '../store/queries/components.js';
import type { ProductVersion } from '../store/queries/product-versions.js';
import type { Product } from '../store/queries/products.js';
import { insertSbom, listSboms as listSbomRecords, type SbomRecord } from '../store/queries/sboms.js';
import { recordAudit } from './audit.js';
import { actorLabel, actorOrgId, requireRole, type ServiceContext } from './context.js';
import { findProductVersionOrThrow } from './product-versions.js';
import { findProductOrThrow } from './products.js';
import { componentsOfVersions, matchKeysOfComponents, refreshComponentFindings } from './component-matching.js';
import type { EvaluationSummary } from './finding-evaluation.js';
import { planSbomImport, type SbomImportPlan } from './sbom-import-plan.js';
import { columnCodec } from '../store/column-codec.js';

/** How callers name a product version: the product by id or name, the version by its string. */
export interface ProductVersionRef {
  readonly product: string;
  readonly version: string;
}

async function resolveProductVersion(
  db: DbHandle,
  orgId: string,
  ref: ProductVersionRef,
): Promise<{ product: Product; version: ProductVersion }> {
  const product = await findProductOrThrow(db, orgId, ref.product);
  const version = await findProductVersionOrThrow(db, orgId, { product: product.id, version: ref.version });
  return { product, version };
}

export interface ImportSbomInput extends ProductVersionRef, DocumentSource {
  /** Refuse documents with schema errors instead of importing them with warnings. */
  readonly strict?: boolean;
}

export interface ImportSbomResult {
  readonly sbomId: string;
  readonly format: Sbom['format'];
  readonly specVersion: string;
  /** Components in the document (after unifying duplicates within it). */
  readonly componentCount: number;
  /** Of those, how many were new to the product version; the rest merged into stored ones. */
  readonly newComponentCount: number;
  readonly warnings: readonly Diagnostic[];
  /** The version's components matched against the stored advisories at once. */
  readonly findings: EvaluationSummary;
}

/**
 * Attaches an SBOM to a product version. The document is parsed before the transaction
 * opens; everything it writes (the original bytes, components merged with those of earlier
 * SBOMs of the version, sources, dependency edges, the audit entry) commits together or not
 * at all. Schema violations are warnings unless `strict`: real generators emit documents
 * that miss the schema in harmless ways, and refusing them helps no one.
 */
export async function importSbom(ctx: ServiceContext, input: ImportSbomInput): Promise<ImportSbomResult> {
  requireRole(ctx.actor, 'analyst');
  const orgId = actorOrgId(ctx.actor);
  const { header, plan, warnings } = await readForImport(input);

  return ctx.store.db.transaction().execute(async (trx) => {
    const { version } = await resolveProductVersion(trx, orgId, input);
    const record = await insertSbom(trx, orgId, {
      productVersionId: version.id,
      format: header.format,
      specVersion: header.specVersion,
      encoding: header.encoding,
      serialNumber: header.metadata.serialNumber,
      name: header.metadata.name,
      authors: header.metadata.authors,
      tools: header.metadata.tools,
      docTimestamp: header.metadata.timestamp,
      subjectRef: header.subjectRef,
      original: input.bytes,
      fileName: input.fileName,
      importedBy: actorLabel(ctx.actor),
    });

    const idOfKey = await findComponentKeysForVersion(trx, orgId, version.id);
    const fresh = plan.components.filter((p) => !idOfKey.has(p.key));
    const known = plan.components.filter((p) => idOfKey.has(p.key));
    const matchKeys = await matchKeysOfComponents(
      trx,
      orgId,
      fresh.map((p) => p.component),
    );
    const freshIds = await insertComponents(trx, orgId, {
      productVersionId: version.id,
      components: fresh.map((p) => ({
        ...p.component,
        identityKey: p.key,
        isSubject: p.isSubject,
        matchKey: matchKeys.get(p.component.ref),
      })),
    });
    fresh.forEach((p, i) => idOfKey.set(p.key, freshIds[i]!));
    await mergeIntoStored(trx, orgId, version.id, known);

    await insertComponentSources(
      trx,
      orgId,
      plan.components.map((p) => ({ componentId: idOfKey.get(p.key)!, sbomId: record.id, ref: p.component.ref })),
    );
    await insertDependencies(trx, orgId, {
      productVersionId: version.id,
      edges: plan.edges.map((e) => ({ fromId: idOfKey.get(e.from)!, toId: idOfKey.get(e.to)! })),
    });
    const findings = await refreshComponentFindings(
      trx,
      await componentsOfVersions(trx, orgId, [version.id]),
      columnCodec.now(),
      new Set(freshIds),
    );
    const result: ImportSbomResult = {
      sbomId: record.id,
      format: header.format,
      specVersion: header.specVersion,
      componentCount: plan.components.length,
      newComponentCount: fresh.length,
      warnings,
      findings,
    };
    await recordAudit(trx, ctx.actor, {
      action: 'sbom.import',
      entityType: 'sbom',
      entityId: record.id,
      after: {
        ...summaryOf(record),
        componentCount: result.componentCount,
        newComponentCount: result.newComponentCount,
      },
    });
    return result;
  });
}

/** What the import writes besides the planned components and edges. */
interface SbomHeader {
  readonly format: Sbom['format'];
  readonly specVersion: string;
  readonly encoding: Sbom['encoding'];
  readonly metadata: Sbom['metadata'];
  readonly subjectRef: string | undefined;
}

/**
 * Recognizes, validates and parses the upload, and plans its rows, before any transaction
 * opens. A function of its own so the decoded text, the shared JSON tree and the parsed model
 * (together several times the file's size) are garbage once it returns; only the plan lives
 * on through the writes.
 */
async function readForImport(
  input: ImportSbomInput,
): Promise<{ header: SbomHeader; plan: SbomImportPlan; warnings: Diagnostic[] }> {
  const doc = recognizeSbom(input);
  const schema = await doc.reader.validate(doc.text, doc.kind);
  if (input.strict && schema.length > 0) {
    throw new AppError('invalid-input', `document fails the ${doc.kind.format} ${doc.kind.specVersion} schema`, {
      location: { file: input.fileName, path: schema[0]?.path },
      details: schema,
    });
  }
  const parsed = parseSbom(doc, input.fileName);
  const { sbom } = parsed;
  const warnings = [...schema.map((d) => ({ ...d, severity: 'warning' as const })), ...parsed.warnings];
  const header: SbomHeader = {
    format: sbom.format,
    specVersion: sbom.specVersion,
    encoding: sbom.encoding,
    metadata: sbom.metadata,
    subjectRef: sbom.subject?.ref,
  };
  return { header, plan: planSbomImport(sbom), warnings };
}

/** Fills fields the stored components lack from a further SBOM that lists them too. */
async function mergeIntoStored(
  trx: DbHandle,
  orgId: string,
  productVersionId: string,
  known: SbomImportPlan['components'],
): Promise<void> {
  if (known.length === 0) return;
  const stored = new Map((await loadComponentsForVersion(trx, orgId, productVersionId)).map((c) => [c.identityKey, c]));
  for (const p of known) {
    const current = stored.get(p.key);
    if (!current) continue;
    const base = asComponent(current);
    const becomesSubject = p.isSubject && !current.isSubject;
    if (!mergeChanges(base, p.component) && !becomesSubject) continue;
    const { ref: _ref, ...fields } = mergeComponent(base, p.component);
    await updateComponent(trx, orgId, {
      id: current.id,
      fields: { ...fields, isSubject: current.isSubject || p.isSubject },
    });
  }
}

/** The SBOM documents attached to a product version. */
export async function listSboms(
  ctx: ServiceContext,
  input: ProductVersionRef & { limit?: number; offset?: number },
): Promise<SbomRecord[]> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const { version } = await resolveProductVersion(ctx.store.db, orgId, input);
  return listSbomRecords(ctx.store.db, orgId, {
    productVersionId: version.id,
    limit: input.limit,
    offset: input.offset,
  });
}

/**
 * The merged SBOM of a product version in a standard format: every component of every
 * attached document, once, with the dependency graph between them.
 */
export async function exportSbom(
  ctx: ServiceContext,
  input: ProductVersionRef & { to: SbomTarget },
): Promise<{ text: string; mediaType: string; fileName: string }> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const { product, version } = await resolveProductVersion(ctx.store.db, orgId, input);
  const sbom = await loadVersionSbom(ctx.store.db, orgId, product, version);
  const written = writeSbom(sbom, input.to);
  const base = `${product.name}-${version.version}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { text: written.text, mediaType: written.mediaType, fileName: `${base}.${written.extension}` };
}

/** NTIA minimum elements and FDA support fields over a product version's merged components. */
export async function getVersionQuality(ctx: ServiceContext, input: ProductVersionRef): Promise<SbomQualityReport> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const { product, version } = await resolveProductVersion(ctx.store.db, orgId, input);
  return assessQuality(await loadVersionSbom(ctx.store.db, orgId, product, version));
}

/** Components added, removed and changed between two versions of one product. */
export async function diffProductVersions(
  ctx: ServiceContext,
  input: { product: string; from: string; to: string },
): Promise<SbomDiff> {
  requireRole(ctx.actor, 'viewer');
  const orgId = actorOrgId(ctx.actor);
  const before = await resolveProductVersion(ctx.store.db, orgId, { product: input.product, version: input.from });
  const after = await resolveProductVersion(ctx.store.db, orgId, { product: input.product, version: input.to });
  const load = async (v: ProductVersion): Promise<Component[]> =>
    (await loadComponentsForVersion(ctx.store.db, orgId, v.id)).map(asComponent);
  return diffComponents(await load(before.version), await load(after.version));
}

/**
 * Rebuilds one neutral SBOM from everything stored for a product version. Component refs
 * are the refs the documents used, unless two documents used the same ref for different
 * components; then the stored id stands in. With several described products (firmware +
 * application), the product version itself becomes the subject and depends on each.
 */
async function loadVersionSbom(db: DbHandle, orgId: string, product: Product, version: ProductVersion): Promise<Sbom> {
  const stored = await loadComponentsForVersion(db, orgId, version.id);
  const edges = await listDependenciesForVersion(db, orgId, version.id);
  const sources = await listComponentSources(db, orgId, { productVersionId: version.id });
  const records = await listSbomRecords(db, orgId, { productVersionId: version.id, limit: 500 });

  const refOf = exportRefs(stored, sources);
  const components = stored.map((c) => ({ ...asComponent(c), ref: refOf.get(c.id)! }));
  const dependencies: DependencyEdge[] = edges.map((e) => ({ from: refOf.get(e.fromId)!, to: refOf.get(e.toId)! }));
  const subjects = components.filter((_, i) => stored[i]!.isSubject);
  let subject: Component | undefined = subjects.length === 1 ? subjects[0] : undefined;
  if (subjects.length > 1) {
    subject = {
      ref: `product-version-${version.id}`,
      type: 'device',
      name: product.name,
      version: version.version,
      supplier: product.manufacturer,
      hashes: [],
      externalReferences: [],
      properties: [],
    };
    for (const s of subjects) dependencies.push({ from: subject.ref, to: s.ref });
  }
  return {
    format: 'cyclonedx',
    specVersion: '1.6',
    encoding: 'json',
    metadata: {
      authors: unique(records.flatMap((r) => r.authors)),
      tools: unique([...records.flatMap((r) => r.tools), 'jointsec']),
      timestamp: new Date().toISOString(),
      name: `${product.name} ${version.version}`,
    },
    subject,
    components: components.filter((c) => c !== subject),
    dependencies,
  };
}

function exportRefs(
  stored: readonly StoredComponent[],
  sources: readonly { componentId: string; ref: string }[],
): Map<string, string> {
  const firstRef = new Map<string, string>();
  for (const s of sources) if (!firstRef.has(s.componentId)) firstRef.set(s.componentId, s.ref);
  const uses = new Map<string, number>();
  for (const ref of firstRef.values()) uses.set(ref, (uses.get(ref) ?? 0) + 1);
  return new Map(
    stored.map((c) => {
      const ref = firstRef.get(c.id);
      return [c.id, ref !== undefined && uses.get(ref) === 1 ? ref : c.id];
    }),
  );
}

function asComponent(stored: StoredComponent): Component {
  const { id, orgId: _org, productVersionId: _pv, identityKey: _key, isSubject: _subject, ...fields } = stored;
  return { ...fields, ref: id };
}

function summaryOf(record: SbomRecord): Record<string, unknown> {
  return {
    format: record.format,
    specVersion: record.specVersion,
    fileName: record.fileName ?? null,
    sha256: record.originalSha256,
    byteSize: record.byteSize,
    productVersionId: record.productVersionId,
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
