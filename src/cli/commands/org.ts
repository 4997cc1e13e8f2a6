import { Option, type Command } from 'commander';
import { systemActor } from '../../services/context.js';
import { createOrganization } from '../../services/organizations.js';
import { createToken } from '../../services/tokens.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';

interface OrgCreateOptions {
  readonly kind: 'manufacturer' | 'hdo';
  readonly adminEmail?: string;
  readonly adminName?: string;
  readonly json?: boolean;
}

/** `org create`: bootstraps an organization with its admin user and prints an admin API token. */
export function orgCommands(program: Command, ctx: CommandContext): void {
  const org = program.command('org').description('manage organizations (manufacturers and hospitals)');
  org
    .command('create')
    .description('create an organization and its first admin user, and print an admin API token (shown once)')
    .argument('<name>', 'organization name (unique)')
    .addOption(
      new Option('--kind <kind>', 'manufacturer (MDM) or hdo (hospital)')
        .choices(['manufacturer', 'hdo'])
        .makeOptionMandatory(),
    )
    .option('--admin-email <email>', 'email of the admin user (default admin@<name>.local)')
    .option('--admin-name <name>', 'display name of the admin user (default "<name> admin")')
    .option('--json', 'print the organization, admin and token as JSON')
    .action(async (name: string, options: OrgCreateOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const slug =
        name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'org';
      const result = await withStore(ctx.io, globals, async (store) => {
        const { organization, admin } = await createOrganization(
          { store, actor: systemActor() },
          {
            name,
            kind: options.kind,
            admin: {
              email: options.adminEmail ?? `admin@${slug}.local`,
              displayName: options.adminName ?? `${name} admin`,
            },
          },
        );
        const { plaintext } = await createToken(
          { store, actor: systemActor(organization.id) },
          { userId: admin.id, name: 'bootstrap (org create)' },
        );
        return { organization, admin, token: plaintext };
      });
      if (options.json) {
        printJson(ctx, result);
        return;
      }
      ctx.io.stdout.write(`${result.token}\n`);
      ctx.io.stderr.write(
        `created ${result.organization.kind} organization "${result.organization.name}" with admin ${result.admin.email}; ` +
          `the API token above is shown once\n`,
      );
    });
}
