import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import { systemActor, type ServiceContext } from './context.js';
import { createOrganization, findOrganizationByName } from './organizations.js';
import { packageRoot } from './package-root.js';
import { addProductVersion } from './product-versions.js';
import { createProduct } from './products.js';
import { importSbom } from './sboms.js';
import { createToken } from './tokens.js';
import { listUsers } from './users.js';

export const demoManufacturer = 'Acme Medical (demo)';
export const demoHospital = 'St. Example Hospital (demo)';

/** What `serve --demo` prints so a person can log in. */
export interface DemoSeed {
  /** False when the database already held the demo organizations; then only new tokens were issued. */
  readonly seeded: boolean;
  readonly manufacturerToken: string;
  readonly hospitalToken: string;
}

/** The demo catalog: products, their releases and the SBOM files (shipped in demo/sboms) of each. */
const catalog = [
  {
    product: {
      name: 'IP-300 Infusion Pump',
      manufacturer: 'Acme Medical',
      modelNumbers: ['IP-300', 'IP-300X'],
      udiDi: '00850012345672',
      deviceType: 'large-volume infusion pump',
      cyberDevice: true,
      description: 'Networked large-volume infusion pump with drug library and clinician app.',
    },
    versions: [
      {
        version: '2.1.0',
        lifecycle: 'end-of-sale',
        releaseDate: '2025-03-20',
        endOfSaleDate: '2026-03-01',
        sboms: ['ip300-firmware-2.1.0.cdx.json'],
      },
      {
        version: '2.2.0',
        lifecycle: 'released',
        releaseDate: '2026-02-10',
        sboms: ['ip300-firmware-2.2.0.cdx.json', 'ip300-app-2.2.0.spdx.json'],
      },
    ],
  },
  {
    product: {
      name: 'PM-8 Patient Monitor',
      manufacturer: 'Acme Medical',
      modelNumbers: ['PM-8'],
      deviceType: 'bedside patient monitor',
      cyberDevice: true,
    },
    versions: [{ version: '5.0.0', lifecycle: 'released', releaseDate: '2025-12-01', sboms: ['pm8-5.0.0.cdx.xml'] }],
  },
] as const;

/**
 * Seeds a demo manufacturer with products, releases and SBOMs, and a demo hospital, then
 * issues an admin token for each. Running it again on the same database only issues tokens.
 */
export async function seedDemo(store: Store): Promise<DemoSeed> {
  const system: ServiceContext = { store, actor: systemActor() };
  const existing = await findOrganizationByName(system, demoManufacturer);
  if (existing) {
    const hospital = await findOrganizationByName(system, demoHospital);
    return {
      seeded: false,
      manufacturerToken: await tokenForFirstAdmin({ store, actor: systemActor(existing.id) }),
      hospitalToken: hospital ? await tokenForFirstAdmin({ store, actor: systemActor(hospital.id) }) : '',
    };
  }
  const mdm = await createOrganization(system, {
    name: demoManufacturer,
    kind: 'manufacturer',
    admin: { email: 'psirt@acme-medical.example', displayName: 'Acme PSIRT' },
  });
  const hdo = await createOrganization(system, {
    name: demoHospital,
    kind: 'hdo',
    admin: { email: 'clinical.engineering@st-example.example', displayName: 'Clinical Engineering' },
  });
  const ctx: ServiceContext = { store, actor: systemActor(mdm.organization.id) };
  const sbomDir = join(packageRoot(), 'demo', 'sboms');
  for (const entry of catalog) {
    await createProduct(ctx, { ...entry.product, modelNumbers: [...entry.product.modelNumbers] });
    for (const { sboms, ...version } of entry.versions) {
      await addProductVersion(ctx, { product: entry.product.name, ...version });
      for (const file of sboms) {
        const bytes = readFileSync(join(sbomDir, file));
        await importSbom(ctx, { product: entry.product.name, version: version.version, bytes, fileName: file });
      }
    }
  }
  return {
    seeded: true,
    manufacturerToken: await tokenForUser(ctx, mdm.admin.id),
    hospitalToken: await tokenForUser({ store, actor: systemActor(hdo.organization.id) }, hdo.admin.id),
  };
}

async function tokenForFirstAdmin(ctx: ServiceContext): Promise<string> {
  const admin = (await listUsers(ctx)).find((u) => u.role === 'admin');
  return admin ? tokenForUser(ctx, admin.id) : '';
}

async function tokenForUser(ctx: ServiceContext, userId: string): Promise<string> {
  const { plaintext } = await createToken(ctx, { userId, name: 'demo login', expiresInDays: 30 });
  return plaintext;
}
