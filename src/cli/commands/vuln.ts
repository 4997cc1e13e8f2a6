import type { Command } from 'commander';
import { systemActor } from '../../services/context.js';
import { showVulnerability, whereUsed } from '../../services/vulnerabilities.js';
import { actAsOrganization } from '../cli-actor.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { renderTable } from '../render-table.js';

/** `vuln show ID` and `vuln where-used ID`. */
export function vulnCommands(program: Command, ctx: CommandContext): void {
  const vuln = program.command('vuln').description('look up vulnerabilities in the database');

  vuln
    .command('show')
    .description('everything the imported sources say about a vulnerability, by any of its ids (CVE, GHSA, …)')
    .argument('<id>', 'CVE-…, GHSA-…, PYSEC-…, GO-…, RUSTSEC-…, or a vendor id')
    .option('--json', 'print as JSON')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const view = await withStore(ctx.io, command.optsWithGlobals<GlobalOptions>(), (store) =>
        showVulnerability({ store, actor: systemActor() }, id),
      );
      if (options.json === true) {
        printJson(ctx, view);
        return;
      }
      const lines = [
        `${view.id}${view.aliases.length === 0 ? '' : ` (${view.aliases.join(', ')})`}`,
        view.summary ?? '',
        '',
        ...view.cvss.map((c) => `CVSS ${c.version} ${c.score ?? '?'} ${c.vector} (${c.source})`),
        `CWE: ${view.cwes.join(', ') || 'none'}`,
        `KEV: ${view.kevEntry === null ? (view.kev ? 'yes' : 'no') : `added ${view.kevEntry.dateAdded}, due ${view.kevEntry.dueDate}`}`,
        `EPSS: ${view.epssEntry === null ? 'none' : `${view.epssEntry.score} (percentile ${view.epssEntry.percentile}, ${view.epssEntry.date})`}`,
        '',
      ];
      const affected = view.records.flatMap((r) =>
        r.affected.map((a) => [`${r.source}:${r.id}`, a.ecosystem, a.package, a.ranges]),
      );
      ctx.io.stdout.write(
        lines.join('\n') +
          '\n' +
          (affected.length === 0 ? '' : renderTable(['RECORD', 'ECOSYSTEM', 'PACKAGE', 'RANGES'], affected)),
      );
    });

  vuln
    .command('where-used')
    .description('every product version and component of the organization affected by a vulnerability (needs --org)')
    .argument('<id>', 'any id or alias of the vulnerability')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExit code 1 when some product version is affected, 0 when none is.\n')
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const report = await withStore(ctx.io, globals, async (store) =>
        whereUsed(await actAsOrganization(store, ctx.io, globals), id),
      );
      if (options.json === true) printJson(ctx, report);
      else {
        const rows = report.productVersions.flatMap((v) =>
          v.components.map((c) => [
            v.product,
            v.version,
            c.name,
            c.version ?? '',
            c.status,
            c.fixedVersions.join(', '),
            c.firstSeenAt,
          ]),
        );
        ctx.io.stdout.write(
          rows.length === 0
            ? `No product version is affected by ${report.vulnerability.id}.\n`
            : renderTable(
                ['PRODUCT', 'VERSION', 'COMPONENT', 'COMPONENT VERSION', 'STATUS', 'FIXED IN', 'FIRST SEEN'],
                rows,
              ),
        );
      }
      if (report.productVersions.length > 0) ctx.exitCode = exitCodes.negativeResult;
    });
}
