import { Option, type Command } from 'commander';
import { getOrganization } from '../../services/organizations.js';
import {
  addProductVersion,
  lifecycleStages,
  listProductVersions,
  type Lifecycle,
  type ProductVersion,
} from '../../services/product-versions.js';
import { createProduct, getProduct, listProducts, type Product } from '../../services/products.js';
import { actorOrgId } from '../../services/context.js';
import { cliPageSize } from '../cli-page-size.js';
import { actAsOrganization } from '../cli-actor.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { renderTable } from '../render-table.js';

interface ProductCreateOptions {
  readonly manufacturer?: string;
  readonly model: string[];
  readonly udiDi?: string;
  readonly deviceType?: string;
  readonly cyberDevice?: boolean;
  readonly description?: string;
  readonly json?: boolean;
}

interface VersionAddOptions {
  readonly releaseDate?: string;
  readonly lifecycle?: Lifecycle;
  readonly endOfSaleDate?: string;
  readonly endOfSupportDate?: string;
  readonly json?: boolean;
}

/** `product create|list|show` and `product version add|list`, in the `--org` organization. */
export function productCommands(program: Command, ctx: CommandContext): void {
  const product = program.command('product').description('manage the product catalog (needs --org)');
  const inOrg = <T>(
    command: Command,
    work: (service: Awaited<ReturnType<typeof actAsOrganization>>) => Promise<T>,
  ): Promise<T> => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    return withStore(ctx.io, globals, async (store) => work(await actAsOrganization(store, ctx.io, globals)));
  };

  product
    .command('create')
    .description('add a product (medical device or health IT product) to the catalog')
    .argument('<name>', 'product name (unique in the organization)')
    .option('--manufacturer <name>', "legal manufacturer (default: the organization's name)")
    .option(
      '--model <number>',
      'model number (repeat for several)',
      (value: string, all: string[]) => [...all, value],
      [],
    )
    .option('--udi-di <id>', 'UDI device identifier (GS1, HIBCC or ICCBBA)')
    .option('--device-type <type>', 'device type, e.g. "infusion pump"')
    .option('--cyber-device', 'a "cyber device" under FD&C Act section 524B')
    .option('--description <text>', 'free-text description')
    .option('--json', 'print the product as JSON')
    .action(async (name: string, options: ProductCreateOptions, command: Command) => {
      const created = await inOrg(command, async (service) =>
        createProduct(service, {
          name,
          manufacturer: options.manufacturer ?? (await getOrganization(service, actorOrgId(service.actor))).name,
          modelNumbers: options.model,
          udiDi: options.udiDi,
          deviceType: options.deviceType,
          cyberDevice: options.cyberDevice === true,
          description: options.description,
        }),
      );
      if (options.json) printJson(ctx, created);
      else ctx.io.stdout.write(productTable([created]));
    });

  product
    .command('list')
    .description('list the products of the organization')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const products = await inOrg(command, (service) => listProducts(service, { limit: cliPageSize }));
      if (options.json) printJson(ctx, products);
      else ctx.io.stdout.write(productTable(products));
    });

  product
    .command('show')
    .description('show one product and its versions')
    .argument('<product>', 'product name or id')
    .option('--json', 'print as JSON')
    .action(async (name: string, options: { json?: boolean }, command: Command) => {
      const shown = await inOrg(command, async (service) => {
        const found = await getProduct(service, name);
        const versions = await listProductVersions(service, { product: found.id, limit: cliPageSize });
        return { ...found, versions };
      });
      if (options.json) {
        printJson(ctx, shown);
        return;
      }
      const { versions, ...fields } = shown;
      const lines = Object.entries(fields).map(
        ([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value ?? '')}`,
      );
      ctx.io.stdout.write(lines.join('\n') + '\n\n' + versionTable(versions));
    });

  const version = product.command('version').description('manage the versions (releases) of a product');

  version
    .command('add')
    .description('add a version (release) to a product')
    .argument('<product>', 'product name or id')
    .argument('<version>', 'version string, e.g. 2.1.0')
    .option('--release-date <date>', 'release date (YYYY-MM-DD)')
    .addOption(new Option('--lifecycle <stage>', 'lifecycle stage').choices(lifecycleStages))
    .option('--end-of-sale-date <date>', 'end-of-sale date (YYYY-MM-DD)')
    .option('--end-of-support-date <date>', 'end-of-support date (YYYY-MM-DD)')
    .option('--json', 'print the version as JSON')
    .action(async (productName: string, versionString: string, options: VersionAddOptions, command: Command) => {
      const { json, ...dates } = options;
      const added = await inOrg(command, (service) =>
        addProductVersion(service, { product: productName, version: versionString, ...dates }),
      );
      if (json) printJson(ctx, added);
      else ctx.io.stdout.write(versionTable([added]));
    });

  version
    .command('list')
    .description('list the versions of a product')
    .argument('<product>', 'product name or id')
    .option('--json', 'print as JSON')
    .action(async (productName: string, options: { json?: boolean }, command: Command) => {
      const versions = await inOrg(command, (service) =>
        listProductVersions(service, { product: productName, limit: cliPageSize }),
      );
      if (options.json) printJson(ctx, versions);
      else ctx.io.stdout.write(versionTable(versions));
    });
}

function productTable(products: readonly Product[]): string {
  return renderTable(
    ['NAME', 'MANUFACTURER', 'MODELS', 'CYBER DEVICE', 'ID'],
    products.map((p) => [p.name, p.manufacturer, p.modelNumbers.join(', '), p.cyberDevice ? 'yes' : 'no', p.id]),
  );
}

function versionTable(versions: readonly ProductVersion[]): string {
  return renderTable(
    ['VERSION', 'LIFECYCLE', 'RELEASED', 'END OF SALE', 'END OF SUPPORT'],
    versions.map((v) => [v.version, v.lifecycle, v.releaseDate ?? '', v.endOfSaleDate ?? '', v.endOfSupportDate ?? '']),
  );
}
