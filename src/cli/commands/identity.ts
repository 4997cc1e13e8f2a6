import type { Command } from 'commander';
import { listIdentityMappings, mapIdentity, unmapIdentity } from '../../services/identity-mappings.js';
import { actAsOrganization } from '../cli-actor.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { renderTable } from '../render-table.js';

interface MapOptions {
  readonly componentVersion?: string;
  readonly purl?: string;
  readonly cpe?: string;
  readonly note?: string;
  readonly json?: boolean;
}

/** `identity map|list|unmap`: an analyst says what a component really is. */
export function identityCommands(program: Command, ctx: CommandContext): void {
  const identity = program
    .command('identity')
    .description('map components to a purl or CPE by hand, for matching (needs --org)');
  const inOrg = <T>(command: Command, work: (service: Awaited<ReturnType<typeof actAsOrganization>>) => Promise<T>) => {
    const globals = command.optsWithGlobals<GlobalOptions>();
    return withStore(ctx.io, globals, async (store) => work(await actAsOrganization(store, ctx.io, globals)));
  };

  identity
    .command('map')
    .description('match every component called NAME (at --component-version, else any version) as this purl / CPE')
    .argument('<name>', 'component name as the SBOMs give it')
    .option('--component-version <version>', 'only this version of the component')
    .option('--purl <purl>', 'the package URL it really is (without a version, the component version is used)')
    .option('--cpe <cpe>', 'the CPE 2.3 name it really is (for the CPE fallback)')
    .option('--note <text>', 'why; kept in the evidence of its findings')
    .option('--json', 'print as JSON')
    .action(async (name: string, options: MapOptions, command: Command) => {
      const result = await inOrg(command, (service) =>
        mapIdentity(service, {
          componentName: name,
          ...(options.componentVersion === undefined ? {} : { componentVersion: options.componentVersion }),
          ...(options.purl === undefined ? {} : { purl: options.purl }),
          ...(options.cpe === undefined ? {} : { cpe: options.cpe }),
          ...(options.note === undefined ? {} : { note: options.note }),
        }),
      );
      if (options.json === true) printJson(ctx, result);
      else {
        ctx.io.stdout.write(
          `mapped ${name} (${result.mapping.id}): ${result.components} components re-matched, ` +
            `${result.findings.findingsOpened} findings opened, ${result.findings.findingsResolved} resolved\n`,
        );
      }
    });

  identity
    .command('list')
    .description('the organization’s identity mappings')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const mappings = await inOrg(command, (service) => listIdentityMappings(service));
      if (options.json === true) printJson(ctx, mappings);
      else {
        ctx.io.stdout.write(
          renderTable(
            ['ID', 'COMPONENT', 'VERSION', 'PURL', 'CPE', 'NOTE'],
            mappings.map((m) => [
              m.id,
              m.componentName,
              m.componentVersion ?? '*',
              m.purl ?? '',
              m.cpe ?? '',
              m.note ?? '',
            ]),
          ),
        );
      }
    });

  identity
    .command('unmap')
    .description('remove a mapping; its components are matched as their SBOMs describe them again')
    .argument('<id>', 'mapping id (see identity list)')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const result = await inOrg(command, (service) => unmapIdentity(service, id));
      if (options.json === true) printJson(ctx, result);
      else ctx.io.stdout.write(`removed mapping ${id}; ${result.findings.findingsResolved} findings resolved\n`);
    });
}
