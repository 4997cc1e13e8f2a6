import type { Command } from 'commander';
import { AppError } from '../../core/app-error.js';
import { systemActor } from '../../services/context.js';
import { importFeeds, type FeedImportProblem, type FeedImportSummary } from '../../services/feed-import.js';
import { feedStatus } from '../../services/feed-status.js';
import { syncFeedsIntoStore, type SourceSyncOutcome } from '../../services/feed-sync-run.js';
import type { FeedSource } from '../../services/feed-sync/index.js';
import { storeLocation, withStore, type GlobalOptions } from '../cli-store.js';
import { printJson, type CommandContext } from '../command-context.js';
import { exitCodes } from '../exit-codes.js';
import { renderTable } from '../render-table.js';
import { dirname, resolve } from 'node:path';
import { isPostgresLocation } from '../../store/open-store.js';

/** osv.dev ecosystems synced when none are named: the ones medical-device software is built from. */
const defaultOsvEcosystems = [
  'PyPI',
  'npm',
  'Maven',
  'Go',
  'crates.io',
  'NuGet',
  'RubyGems',
  'Packagist',
  'Debian',
  'Alpine',
];
const sourceKinds = ['osv', 'nvd', 'kev', 'epss', 'csaf'] as const;
type SourceKind = (typeof sourceKinds)[number];

interface SyncOptions {
  readonly source: string[];
  readonly osvEcosystem: string[];
  readonly csafProvider: string[];
  readonly nvdApiKey?: string;
  readonly baseUrl: string[];
  readonly cache?: string;
  readonly json?: boolean;
}

const collect = (value: string, all: string[]): string[] => [...all, value];

/** `feeds import|sync|status`: vulnerability intelligence into the database. */
export function feedsCommands(program: Command, ctx: CommandContext): void {
  const feeds = program
    .command('feeds')
    .description('import and sync vulnerability feeds (OSV, CVE 5, NVD, CSAF, KEV, EPSS) into the database');

  feeds
    .command('import')
    .description(
      'import feed files, directories or osv.dev zip exports (offline bundles); formats are recognized by content',
    )
    .argument('<paths...>', 'files or directories')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nIdempotent: importing the same data again changes nothing. One transaction: a failure leaves the\n' +
        'database as it was. Bad records are reported and skipped; the rest imports. Components whose\n' +
        'packages the changed advisories name are re-evaluated at once.\n',
    )
    .action(async (paths: string[], options: { json?: boolean }, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const summary = await withStore(ctx.io, globals, (store) =>
        importFeeds({ store, actor: systemActor() }, { paths, baseDir: ctx.io.cwd }),
      );
      writeProblems(ctx, summary.problems);
      if (options.json === true) printJson(ctx, summary);
      else ctx.io.stdout.write(renderImport(summary));
    });

  feeds
    .command('sync')
    .description('download what changed upstream (conditional requests, retries) and import it')
    .option(
      '--source <kind>',
      `source to sync: ${sourceKinds.join(', ')} (repeat; default osv, nvd, kev, epss)`,
      collect,
      [],
    )
    .option(
      '--osv-ecosystem <name>',
      `osv.dev ecosystem (repeat; default ${defaultOsvEcosystems.join(', ')})`,
      collect,
      [],
    )
    .option('--csaf-provider <url>', 'CSAF provider-metadata.json URL (repeat; needed for --source csaf)', collect, [])
    .option('--nvd-api-key <key>', 'NVD API key (else $NVD_API_KEY): raises the rate limit tenfold')
    .option(
      '--base-url <kind=url>',
      'fetch a source from a mirror, e.g. osv=https://mirror.example/osv (repeat)',
      collect,
      [],
    )
    .option(
      '--cache <dir>',
      'download cache (default: jointsec-feeds/ next to a SQLite database, else ./jointsec-feeds)',
    )
    .option('--json', 'print the outcome as JSON')
    .addHelpText(
      'after',
      '\nEach source is downloaded completely and verified, then imported together with its new sync state in\n' +
        'one transaction. Exit code 1 when any source failed (the others are still imported).\n',
    )
    .action(async (options: SyncOptions, command: Command) => {
      const globals = command.optsWithGlobals<GlobalOptions>();
      const sources = sourcesOf(options, ctx.io.env);
      const cacheDir = resolve(ctx.io.cwd, options.cache ?? defaultCache(storeLocation(ctx.io, globals)));
      const outcomes = await withStore(ctx.io, globals, (store) =>
        syncFeedsIntoStore({ store, actor: systemActor() }, { sources, options: { cacheDir } }),
      );
      for (const outcome of outcomes) {
        if (outcome.imported !== null) writeProblems(ctx, outcome.imported.problems);
        if (outcome.error !== null) ctx.io.stderr.write(`jointsec: ${outcome.source}: ${outcome.error.message}\n`);
      }
      if (options.json === true) printJson(ctx, outcomes);
      else ctx.io.stdout.write(renderSync(outcomes));
      if (outcomes.some((o) => o.status === 'failed')) ctx.exitCode = exitCodes.negativeResult;
    });

  feeds
    .command('status')
    .description('records per source, KEV and EPSS counts, and how the last imports and syncs went')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const status = await withStore(ctx.io, command.optsWithGlobals<GlobalOptions>(), (store) =>
        feedStatus({ store, actor: systemActor() }),
      );
      if (options.json === true) {
        printJson(ctx, status);
        return;
      }
      const records = renderTable(
        ['SOURCE', 'RECORDS', 'WITHDRAWN', 'LAST CHANGE'],
        status.sources.map((s) => [s.source, String(s.records), String(s.withdrawn), s.lastUpdatedAt ?? '']),
      );
      const runs = renderTable(
        ['FEED', 'LAST RUN', 'LAST SUCCESS', 'LAST ERROR'],
        status.runs.map((r) => [r.source, r.lastRunAt ?? '', r.lastSuccessAt ?? '', r.lastError ?? '']),
      );
      ctx.io.stdout.write(
        `${records}\nKEV entries: ${status.kevEntries}; EPSS scores: ${status.epssScores}` +
          `${status.epssDate === null ? '' : ` (scored ${status.epssDate})`}\n\n${runs}`,
      );
    });
}

function sourcesOf(options: SyncOptions, env: Readonly<Record<string, string | undefined>>): FeedSource[] {
  const kinds = options.source.length === 0 ? ['osv', 'nvd', 'kev', 'epss'] : options.source;
  const baseUrls = new Map<string, string>();
  for (const pair of options.baseUrl) {
    const match = /^([a-z]+)=(.+)$/.exec(pair);
    if (match?.[1] === undefined || match[2] === undefined || !sourceKinds.includes(match[1] as SourceKind)) {
      throw new AppError(
        'invalid-input',
        `--base-url wants KIND=URL with KIND one of ${sourceKinds.join(', ')}: ${pair}`,
      );
    }
    baseUrls.set(match[1], match[2]);
  }
  const base = (kind: string): { baseUrl?: string } => {
    const url = baseUrls.get(kind);
    return url === undefined ? {} : { baseUrl: url };
  };
  const apiKey = options.nvdApiKey ?? env.NVD_API_KEY;
  return kinds.flatMap((kind): FeedSource[] => {
    switch (kind) {
      case 'osv':
        return [
          {
            kind: 'osv',
            ecosystems: options.osvEcosystem.length === 0 ? defaultOsvEcosystems : options.osvEcosystem,
            ...base('osv'),
          },
        ];
      case 'nvd':
        return [{ kind: 'nvd', ...base('nvd'), ...(apiKey === undefined || apiKey === '' ? {} : { apiKey }) }];
      case 'kev':
        return [{ kind: 'kev', ...base('kev') }];
      case 'epss':
        return [{ kind: 'epss', ...base('epss') }];
      case 'csaf':
        if (options.csafProvider.length === 0) {
          throw new AppError('invalid-input', '--source csaf needs --csaf-provider URL (a provider-metadata.json)');
        }
        return options.csafProvider.map((url) => ({ kind: 'csaf' as const, providerMetadataUrl: url }));
      default:
        throw new AppError('invalid-input', `unknown --source ${kind}: one of ${sourceKinds.join(', ')}`);
    }
  });
}

function defaultCache(location: string): string {
  if (location === ':memory:' || isPostgresLocation(location)) return 'jointsec-feeds';
  return resolve(dirname(location), 'jointsec-feeds');
}

function writeProblems(ctx: CommandContext, problems: readonly FeedImportProblem[]): void {
  const shown = problems.slice(0, 20);
  for (const p of shown) {
    const where = [p.file, p.path, p.recordId === null ? undefined : `record ${p.recordId}`].filter(
      (part) => part !== undefined && part !== '',
    );
    ctx.io.stderr.write(`jointsec: ${p.severity}: ${[...where, p.message].join(': ')}\n`);
  }
  if (problems.length > shown.length) {
    ctx.io.stderr.write(`jointsec: … and ${problems.length - shown.length} more problems (all in --json)\n`);
  }
}

function renderImport(summary: FeedImportSummary): string {
  const rows = summary.sources.map((s) => [
    s.source,
    String(s.added),
    String(s.updated),
    String(s.unchanged),
    String(s.withdrawn),
    String(s.errors),
  ]);
  rows.push(['kev', String(summary.kev.added), String(summary.kev.updated), String(summary.kev.unchanged), '', '']);
  rows.push(['epss', String(summary.epss.added), String(summary.epss.updated), String(summary.epss.unchanged), '', '']);
  const f = summary.findings;
  return (
    renderTable(['SOURCE', 'ADDED', 'UPDATED', 'UNCHANGED', 'WITHDRAWN', 'ERRORS'], rows) +
    `\n${summary.files.length} files read. Findings: ${f.componentsEvaluated} components re-evaluated, ` +
    `${f.findingsOpened} opened, ${f.findingsUpdated} updated, ${f.findingsResolved} resolved.\n`
  );
}

function renderSync(outcomes: readonly SourceSyncOutcome[]): string {
  return renderTable(
    ['SOURCE', 'STATUS', 'FILES', 'ADDED', 'UPDATED', 'WITHDRAWN'],
    outcomes.map((o) => {
      const counts = o.imported?.sources ?? [];
      const sum = (key: 'added' | 'updated' | 'withdrawn'): string =>
        o.imported === null ? '' : String(counts.reduce((n, c) => n + c[key], 0));
      return [o.source, o.status, String(o.artifacts), sum('added'), sum('updated'), sum('withdrawn')];
    }),
  );
}
