import { Option, type Command } from 'commander';
import { sbomTargets, type SbomTarget } from '../../formats/sbom/sbom-formats.js';
import { assessSbomQuality, convertSbom, diffSbomFiles, validateSbomFile } from '../../services/sbom-files.js';
import { readInputFile, writeOutput } from '../cli-files.js';
import { printJson, type CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { renderDiff, renderQuality, renderValidation } from './sbom-file-rendering.js';

/** `--to` with the closed list of target formats, so commander rejects anything else (exit 2). */
export function targetOption(): Option {
  return new Option('--to <format>', 'target format').choices(sbomTargets).makeOptionMandatory();
}

/** `sbom validate|quality|diff|convert`: work on files only, no database. */
export function sbomFileTools(sbom: Command, ctx: CommandContext): void {
  sbom
    .command('validate')
    .description(
      'validate an SBOM (CycloneDX 1.2–1.7 JSON, 1.0–1.7 XML, SPDX 2.2/2.3 JSON/tag-value) against its schema',
    )
    .argument('<file>', 'SBOM file')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 valid, 1 invalid, 2 unreadable or unrecognizable file.\n')
    .action(async (file: string, options: { json?: boolean }) => {
      const result = await validateSbomFile({ bytes: await readInputFile(ctx.io, file), fileName: file });
      if (options.json)
        printJson(ctx, {
          valid: result.valid,
          format: result.format,
          specVersion: result.specVersion,
          errors: result.errors,
        });
      else ctx.io.stdout.write(renderValidation(file, result));
      if (!result.valid) ctx.exitCode = exitCodes.negativeResult;
    });

  sbom
    .command('quality')
    .description('report NTIA minimum elements and FDA support fields per component of an SBOM')
    .argument('<file>', 'SBOM file')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const report = assessSbomQuality({ bytes: await readInputFile(ctx.io, file), fileName: file });
      if (options.json) printJson(ctx, report);
      else ctx.io.stdout.write(renderQuality(report));
    });

  sbom
    .command('diff')
    .description('list components added, removed and changed in version from SBOM A to SBOM B')
    .argument('<a>', 'the "before" SBOM file')
    .argument('<b>', 'the "after" SBOM file')
    .option('--json', 'print the diff as JSON')
    .action(async (a: string, b: string, options: { json?: boolean }) => {
      const before = { bytes: await readInputFile(ctx.io, a), fileName: a };
      const after = { bytes: await readInputFile(ctx.io, b), fileName: b };
      const diff = diffSbomFiles(before, after);
      if (options.json) printJson(ctx, diff);
      else ctx.io.stdout.write(renderDiff(diff));
    });

  sbom
    .command('convert')
    .description('convert an SBOM to CycloneDX 1.6 JSON/XML or SPDX 2.3 JSON')
    .argument('<file>', 'SBOM file')
    .addOption(targetOption())
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (file: string, options: { to: SbomTarget; output?: string }) => {
      const { text } = convertSbom({ bytes: await readInputFile(ctx.io, file), fileName: file }, options.to);
      await writeOutput(ctx.io, text, options.output);
    });
}
