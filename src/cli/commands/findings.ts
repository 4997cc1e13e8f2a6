import type { Command } from 'commander';
import { listFindings } from '../../services/findings.js';
import { actAsOrganization } from '../cli-actor.js';
import { cliPageSize } from '../cli-page-size.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { renderTable } from '../render-table.js';

interface ListOptions {
  readonly product: string;
  readonly version: string;
  readonly resolved?: boolean;
  readonly json?: boolean;
}

/** `findings list --product P --version V`. */
export function findingsCommands(program: Command, ctx: CommandContext): void {
  const findings = program.command('findings').description('vulnerability findings of product versions (needs --org)');
  findings
    .command('list')
    .description('the findings of one product version, kept up to date as SBOMs and feeds change')
    .requiredOption('--product <name>', 'product name or id')
    .requiredOption('--version <version>', 'product version')
    .option('--resolved', 'include resolved findings')
    .option('--json', 'print as JSON')
    .action(async (options: ListOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const list = await withStore(ctx.io, globals, async (store) =>
        listFindings(await actAsOrganization(store, ctx.io, globals), {
          product: options.product,
          version: options.version,
          includeResolved: options.resolved === true,
          limit: cliPageSize,
        }),
      );
      if (options.json === true) {
        printJson(ctx, list);
        return;
      }
      const rows = list.findings.map((f) => [
        f.component.name,
        f.component.version ?? '',
        f.vulnerability.id,
        f.evidence.status,
        f.vulnerability.kev ? 'KEV' : '',
        f.fixedVersions.join(', '),
        f.lifecycle.firstSeenAt.slice(0, 10),
        f.lifecycle.resolvedAt === null
          ? ''
          : `${f.lifecycle.resolution ?? 'resolved'} ${f.lifecycle.resolvedAt.slice(0, 10)}`,
      ]);
      ctx.io.stdout.write(
        rows.length === 0
          ? `No ${options.resolved === true ? '' : 'open '}findings for ${options.product} ${list.version}.\n`
          : renderTable(
              ['COMPONENT', 'VERSION', 'VULNERABILITY', 'STATUS', 'KEV', 'FIXED IN', 'FIRST SEEN', 'RESOLVED'],
              rows,
            ) +
              (list.total > list.findings.length
                ? `(${list.findings.length} of ${list.total}; use --json or the API for all)\n`
                : ''),
      );
    });
}
