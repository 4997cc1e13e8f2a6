import { Command, CommanderError } from 'commander';
import { packageVersion } from '../services/package-root.js';
import type { CliIo } from './cli-io.js';
import type { CommandContext } from './command-context.js';
import { feedsCommands } from './commands/feeds.js';
import { findingsCommands } from './commands/findings.js';
import { identityCommands } from './commands/identity.js';
import { orgCommands } from './commands/org.js';
import { productCommands } from './commands/product.js';
import { sbomCommands } from './commands/sbom.js';
import { scanCommand } from './commands/scan.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommands } from './commands/token.js';
import { vulnCommands } from './commands/vuln.js';
import { errorLines } from './error-line.js';
import { exitCodeByErrorCode, exitCodes } from './exit-codes.js';
import { isAppError } from '../core/app-error.js';

/**
 * Runs the jointsec CLI on `argv` (the arguments after the program name) and returns the exit
 * code instead of exiting, so tests can call it in-process. Data goes to `io.stdout`, errors
 * and progress to `io.stderr`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx: CommandContext = { io, exitCode: exitCodes.success };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return exitCodeForCommander(error);
    for (const line of errorLines(error)) io.stderr.write(line + '\n');
    if (!isAppError(error) && io.env.JOINTSEC_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return isAppError(error) ? exitCodeByErrorCode[error.code] : exitCodes.internal;
  }
}

function buildProgram(ctx: CommandContext): Command {
  const program = new Command('jointsec')
    .description(
      'Open platform for the HSCC Joint Security Plan: product catalog, SBOM validation, quality, ' +
        'diff, conversion and storage, vulnerability feeds and matching, and the REST API server.',
    )
    .option(
      '--db <path|url>',
      'database: SQLite file path or postgres:// URL (else $JOINTSEC_DB, $DATABASE_URL, ./jointsec.db)',
    )
    .option(
      '--org <name>',
      'organization to act as, as its admin, for commands that use the database (else $JOINTSEC_ORG)',
    )
    // Only -V: `--version` belongs to `sbom import|export --version V` (a product version).
    .version(packageVersion(), '-V', 'print the jointsec version')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ showGlobalOptions: true })
    // Settings below are inherited by every subcommand created afterwards.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      outputError: (text, write) => write(`jointsec: ${text.replace(/^error: /, '')}`),
    });
  program.addHelpText(
    'after',
    commandOverview +
      '\nExit codes: 0 success, 1 negative result (e.g. invalid SBOM), 2 usage or input error,\n' +
      '69 database or source unavailable, 70 internal error.\n' +
      'The CLI opens the database directly and acts as the admin of the organization named by --org.\n',
  );
  sbomCommands(program, ctx);
  scanCommand(program, ctx);
  feedsCommands(program, ctx);
  vulnCommands(program, ctx);
  findingsCommands(program, ctx);
  identityCommands(program, ctx);
  productCommands(program, ctx);
  orgCommands(program, ctx);
  tokenCommands(program, ctx);
  serveCommand(program, ctx);
  return program;
}

const commandOverview = `
Commands in full (run "jointsec <command> --help" for options):
  sbom validate FILE [--json]               schema validation; exit 1 when invalid
  sbom quality FILE [--json]                NTIA minimum elements and FDA fields
  sbom diff A B [--json]                    components added, removed, changed
  sbom convert FILE --to FORMAT [-o OUT]    cyclonedx-json | cyclonedx-xml | spdx-json
  sbom import FILE --product P --version V  attach an SBOM to a product version
  sbom export --product P --version V --to FORMAT [-o OUT]
  scan SBOM [--feeds PATH…] [--format F]    findings: table | json | sarif | cyclonedx-vdr; exit 1 when any
  feeds import PATH… [--json]               OSV (JSON, zip), CVE 5, NVD, CSAF, KEV, EPSS files into the database
  feeds sync [--source KIND…]               download changes upstream and import them
  feeds status [--json]                     records per source and the last runs
  vuln show ID                              a vulnerability by any alias, from every source
  vuln where-used ID                        affected product versions and components (exit 1 when any)
  findings list --product P --version V     a product version's findings, first/last seen, resolved
  identity map|list|unmap                   map a component to a purl/CPE by hand
  product create|list|show                  the product catalog
  product version add|list                  product versions (releases)
  org create NAME --kind manufacturer|hdo   bootstrap an organization; prints an admin token
  token create|list                         API tokens
  serve [--port 8080] [--host H] [--demo]   the REST API, /docs and /openapi.json
`;

/** Help and version are successes; every other commander refusal is a usage error. */
function exitCodeForCommander(error: CommanderError): number {
  switch (error.code) {
    case 'commander.helpDisplayed':
    case 'commander.version':
      return exitCodes.success;
    default:
      return exitCodes.usage;
  }
}
