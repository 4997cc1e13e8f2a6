import { openStore } from '../src/store/open-store.js';
import { systemActor, type ServiceContext } from '../src/services/context.js';
import { createOrganization } from '../src/services/organizations.js';
import { addProductVersion } from '../src/services/product-versions.js';
import { createProduct } from '../src/services/products.js';
import { importSbom } from '../src/services/sboms.js';

/** Imports one SBOM through the product's own services, timing only the importSbom call. */
export interface BenchImportOptions {
  /** SQLite file path or postgres:// URL of an empty store. */
  readonly location: string;
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly maxRssKiB: () => number;
}

export interface BenchImportResult {
  /** The first importSbom call in the process (cold: validator loading, JIT warm-up included). */
  readonly ms: number;
  readonly components: number;
  readonly baselineRssKiB: number;
  /** maxRSS right after the cold import: the peak of the cold import alone. */
  readonly coldMaxRssKiB: number;
  /** The same document imported again, into another version of the product (warm, as in a running server). */
  readonly warmMs: number;
}

/** importSbom validates the document against its schema before writing it (src/services/sboms.ts). */
export const importIncludesValidation = true;

/**
 * Opens the store (migrations run here, untimed), creates the organization, product and
 * version the SBOM is attached to (untimed), then times the import alone: once cold, then
 * once more warm into a second version of the product (a new version, so the second import
 * writes every row again instead of merging into the first).
 */
export async function importForBench(options: BenchImportOptions): Promise<BenchImportResult> {
  const store = await openStore(options.location);
  try {
    const { organization } = await createOrganization(
      { store, actor: systemActor() },
      {
        name: 'Acme Medical Devices, Inc.',
        kind: 'manufacturer',
        admin: { email: 'psirt@acme-medical.example', displayName: 'PSIRT' },
      },
    );
    const ctx: ServiceContext = { store, actor: systemActor(organization.id) };
    const product = await createProduct(ctx, { name: 'Infusion Pump Controller', manufacturer: organization.name });
    await addProductVersion(ctx, { product: product.id, version: '5.2.0', lifecycle: 'released' });
    await addProductVersion(ctx, { product: product.id, version: '5.2.1', lifecycle: 'released' });
    const timedImport = async (version: string): Promise<{ ms: number; components: number }> => {
      const start = performance.now();
      const result = await importSbom(ctx, {
        product: product.id,
        version,
        bytes: options.bytes,
        fileName: options.fileName,
        strict: true,
      });
      return { ms: performance.now() - start, components: result.componentCount };
    };
    const baselineRssKiB = options.maxRssKiB();
    const cold = await timedImport('5.2.0');
    const coldMaxRssKiB = options.maxRssKiB();
    const warm = await timedImport('5.2.1');
    return { ms: cold.ms, components: cold.components, baselineRssKiB, coldMaxRssKiB, warmMs: warm.ms };
  } finally {
    await store.close();
  }
}
