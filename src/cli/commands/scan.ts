import { Option, type Command } from 'commander';
import { AppError } from '../../core/app-error.js';
import type { ScanReport } from '../../services/scan-report.js';
import { scanSbom } from '../../services/scan-sbom.js';
import { readInputFile } from '../cli-files.js';
import { printJson, type CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { renderTable } from '../render-table.js';

const scanFormats = ['table', 'json', 'sarif', 'cyclonedx-vdr'] as const;
type ScanFormat = (typeof scanFormats)[number];

/** Formats the issue names that are accepted but not written yet: refused, never faked. */
const notImplemented: readonly ScanFormat[] = ['sarif', 'cyclonedx-vdr'];

/** At most this many feed problems are printed on stderr; the JSON summary lists them all. */
const maxProblemLines = 20;
/** A whole-file problem repeated across many files is printed this many times. */
const sameMessageLines = 3;

interface ScanOptions {
  readonly feeds?: readonly string[];
  readonly format: ScanFormat;
}

/** `scan SBOM --feeds PATH…`: the standalone scanner (no database yet). */
export function scanCommand(program: Command, ctx: CommandContext): void {
  program
    .command('scan')
    .description('match an SBOM against vulnerability feed files (standalone, no database)')
    .argument('<sbom>', 'SBOM file (CycloneDX or SPDX)')
    .option(
      '--feeds <paths...>',
      'feed files or directories: OSV JSON, CVE JSON 5, NVD API 2.0 / 1.1 JSON, CISA KEV JSON/CSV, EPSS CSV (.gz)',
    )
    .addOption(new Option('--format <format>', 'output format').choices(scanFormats).default('table'))
    .addHelpText(
      'after',
      '\nThis is the standalone slice: --feeds is required for now; scanning against the configured\n' +
        'database comes with `feeds import`. --format sarif and cyclonedx-vdr are not implemented yet\n' +
        '(exit 2). OSV YAML files are skipped with a warning. Feed problems are warnings on stderr.\n' +
        'Exit codes: 0 no findings, 1 findings, 2 usage or input error.\n',
    )
    .action(async (sbomPath: string, options: ScanOptions) => {
      if (notImplemented.includes(options.format)) {
        throw new AppError('invalid-input', `--format ${options.format} is not implemented yet: use table or json`);
      }
      if (options.feeds === undefined || options.feeds.length === 0) {
        throw new AppError(
          'invalid-input',
          'scanning against the configured database is not available yet: pass --feeds PATH… (feed files or directories)',
        );
      }
      const bytes = await readInputFile(ctx.io, sbomPath);
      const report = await scanSbom({
        sbom: { bytes, fileName: sbomPath },
        feeds: options.feeds,
        baseDir: ctx.io.cwd,
      });
      writeProblems(ctx, report);
      if (options.format === 'json') printJson(ctx, report);
      else ctx.io.stdout.write(renderScan(report));
      ctx.exitCode = report.findings.length > 0 ? exitCodes.negativeResult : exitCodes.success;
    });
}

function writeProblems(ctx: CommandContext, report: ScanReport): void {
  const { problems, warnings } = report.summary.feeds;
  // The same whole-file message (say, 130 skipped OSV YAML files) is shown a few times, then counted.
  const shownPerMessage = new Map<string, number>();
  let printed = 0;
  let omitted = 0;
  for (const p of problems) {
    const shown = shownPerMessage.get(p.message) ?? 0;
    shownPerMessage.set(p.message, shown + 1);
    if (printed >= maxProblemLines || (p.path === '' && shown >= sameMessageLines)) {
      omitted += 1;
      continue;
    }
    const where = [p.file, p.path, p.recordId === null ? undefined : `record ${p.recordId}`].filter(
      (part) => part !== undefined && part !== '',
    );
    ctx.io.stderr.write(`jointsec: warning: ${[...where, p.message].join(': ')}\n`);
    printed += 1;
  }
  if (omitted > 0) {
    ctx.io.stderr.write(`jointsec: warning: … and ${omitted} more feed problems (all in --format json's summary)\n`);
  }
  const recordWarnings = warnings - problems.filter((p) => p.severity === 'warning').length;
  if (recordWarnings > 0) {
    ctx.io.stderr.write(`jointsec: warning: ${recordWarnings} record warnings in the feeds (records kept)\n`);
  }
}

function renderScan(report: ScanReport): string {
  const { summary } = report;
  const rows = report.findings.map((f) => [
    f.component.name,
    f.component.version ?? '',
    f.vulnerability.id,
    f.evidence.status,
    f.fixedVersions.join(', '),
    f.evidence.confidence,
  ]);
  const feeds =
    `${summary.feeds.files.length} feed files, ${summary.feeds.vulnerabilities} vulnerabilities ` +
    `(${summary.feeds.vulnerabilityRecords} records), ${summary.feeds.kevEntries} KEV entries, ` +
    `${summary.feeds.epssScores} EPSS scores`;
  const tail =
    rows.length === 0
      ? `No findings in ${summary.sbom.components} components against ${feeds}.\n`
      : `\n${summary.findings.total} findings (${summary.findings.affected} affected, ` +
        `${summary.findings.unknownVersion} unknown-version) in ${summary.sbom.components} components against ${feeds}.\n`;
  const table =
    rows.length === 0
      ? ''
      : renderTable(['COMPONENT', 'VERSION', 'VULNERABILITY', 'STATUS', 'FIXED IN', 'CONFIDENCE'], rows);
  return table + tail;
}
