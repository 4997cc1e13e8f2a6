import type { Command } from 'commander';
import type { SbomTarget } from '../../formats/sbom/sbom-formats.js';
import { exportSbom, importSbom } from '../../services/sboms.js';
import { actAsOrganization } from '../cli-actor.js';
import { readInputFile, writeOutput } from '../cli-files.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { sbomFileTools, targetOption } from './sbom-file-tools.js';

interface ImportOptions {
  readonly product: string;
  readonly version: string;
  readonly strict?: boolean;
  readonly json?: boolean;
}

/** `sbom …`: file tools (no database) and import/export (database, `--org`). */
export function sbomCommands(program: Command, ctx: CommandContext): void {
  const sbom = program.command('sbom').description('validate, assess, diff, convert, import and export SBOMs');
  sbomFileTools(sbom, ctx);

  sbom
    .command('import')
    .description('attach an SBOM file to a product version (needs --org)')
    .argument('<file>', 'SBOM file')
    .requiredOption('--product <name>', 'product name or id')
    .requiredOption('--version <version>', 'product version')
    .option('--strict', 'refuse documents with schema errors instead of importing them with warnings')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const bytes = await readInputFile(ctx.io, file);
      const result = await withStore(ctx.io, globals, async (store) =>
        importSbom(await actAsOrganization(store, ctx.io, globals), {
          product: options.product,
          version: options.version,
          bytes,
          fileName: file,
          strict: options.strict === true,
        }),
      );
      if (options.json) {
        printJson(ctx, result);
        return;
      }
      for (const w of result.warnings)
        ctx.io.stderr.write(`jointsec: warning: ${file}: ${w.path ? `${w.path}: ` : ''}${w.message}\n`);
      ctx.io.stdout.write(
        `imported ${file} into ${options.product} ${options.version}: ${result.format} ${result.specVersion}, ` +
          `${result.componentCount} components (${result.newComponentCount} new), ${result.warnings.length} warning(s), sbom ${result.sbomId}\n`,
      );
    });

  sbom
    .command('export')
    .description('write the merged SBOM of a product version in a standard format (needs --org)')
    .requiredOption('--product <name>', 'product name or id')
    .requiredOption('--version <version>', 'product version')
    .addOption(targetOption())
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(
      async (options: { product: string; version: string; to: SbomTarget; output?: string }, command: Command) => {
        const globals = command.optsWithGlobals<GlobalOptions>();
        const { text } = await withStore(ctx.io, globals, async (store) =>
          exportSbom(await actAsOrganization(store, ctx.io, globals), {
            product: options.product,
            version: options.version,
            to: options.to,
          }),
        );
        await writeOutput(ctx.io, text, options.output);
      },
    );
}
