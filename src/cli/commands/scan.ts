import { Option, type Command } from 'commander';
import { writeScanDocument } from '../../services/scan-output.js';
import type { ScanReport } from '../../services/scan-report.js';
import { scanSbom } from '../../services/scan-sbom.js';
import { readInputFile } from '../cli-files.js';
import { withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { renderTable } from '../render-table.js';

const scanFormats = ['table', 'json', 'sarif', 'cyclonedx-vdr'] as const;
type ScanFormat = (typeof scanFormats)[number];

/** At most this many feed problems are printed on stderr; the JSON summary lists them all. */
const maxProblemLines = 20;
/** A whole-file problem repeated across many files is printed this many times. */
const sameMessageLines = 3;

interface ScanOptions {
  readonly feeds?: readonly string[];
  readonly format: ScanFormat;
}

/** `scan SBOM [--feeds PATH…]`: against feed files (standalone) or the configured database. */
export function scanCommand(program: Command, ctx: CommandContext): void {
  program
    .command('scan')
    .description('match an SBOM against vulnerability feed files, or against the configured database')
    .argument('<sbom>', 'SBOM file (CycloneDX or SPDX)')
    .option(
      '--feeds <paths...>',
      'feed files or directories (OSV JSON or osv.dev zip, CVE JSON 5, NVD API 2.0 / 1.1 JSON, CSAF 2.0, ' +
        'CISA KEV JSON/CSV, EPSS CSV .gz): loaded into a temporary in-memory database',
    )
    .addOption(new Option('--format <format>', 'output format').choices(scanFormats).default('table'))
    .addHelpText(
      'after',
      '\nWithout --feeds the configured database (--db, JOINTSEC_DB, DATABASE_URL or ./jointsec.db) is read,\n' +
        'after `jointsec feeds import` or `feeds sync`; it is never written. OSV YAML files are skipped with a\n' +
        'warning; feed problems are warnings on stderr.\n' +
        'Exit codes: 0 no findings, 1 findings, 2 usage or input error.\n',
    )
    .action(async (sbomPath: string, options: ScanOptions, command: Command) => {
      const bytes = await readInputFile(ctx.io, sbomPath);
      const sbom = { bytes, fileName: sbomPath };
      const report =
        options.feeds !== undefined && options.feeds.length > 0
          ? await scanSbom({ sbom, feeds: options.feeds, baseDir: ctx.io.cwd })
          : await withStore(ctx.io, command.optsWithGlobals<GlobalOptions>(), (store) =>
              scanSbom({ sbom, store, baseDir: ctx.io.cwd }),
            );
      writeProblems(ctx, report);
      if (options.format === 'json') printJson(ctx, report);
      else if (options.format === 'table') ctx.io.stdout.write(renderScan(report));
      else ctx.io.stdout.write(writeScanDocument(report, options.format));
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
  const origin = summary.feeds.from === 'files' ? `${summary.feeds.files.length} feed files` : 'the database';
  const feeds =
    `${origin}: ${summary.feeds.vulnerabilityRecords} vulnerability records, ${summary.feeds.kevEntries} KEV entries, ` +
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
