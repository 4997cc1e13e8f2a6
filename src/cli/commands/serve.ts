import { InvalidArgumentError, type Command } from 'commander';
import { pino } from 'pino';
// `serve` is where the two shells meet: the CLI starts the API. Nothing else in cli/ uses api/.
// eslint-disable-next-line no-restricted-imports
import { buildApp, defaultBodyLimit } from '../../api/build-app.js';
import { demoHospital, demoManufacturer, seedDemo } from '../../services/demo.js';
import { openStore } from '../../store/open-store.js';
import { storeLocation, type GlobalOptions } from '../cli-store.js';
import type { CommandContext } from '../command-context.js';

interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly demo?: boolean;
  readonly maxUploadMib: number;
}

/** `serve`: the REST API, docs and landing page on one port; logs (pino JSON) go to stderr. */
export function serveCommand(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('run the REST API server (with /docs and /openapi.json) on the database')
    .option('--port <port>', 'TCP port to listen on (0 picks a free one)', parseInteger, 8080)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--demo', 'seed a demo manufacturer and hospital with products and SBOMs, and print a login token')
    .option(
      '--max-upload-mib <n>',
      'largest accepted request body in MiB',
      parseInteger,
      defaultBodyLimit / (1024 * 1024),
    )
    .action(async (options: ServeOptions, command: Command) => {
      const io = ctx.io;
      const store = await openStore(storeLocation(io, command.optsWithGlobals<GlobalOptions>()));
      const logger = pino({ level: io.env.LOG_LEVEL ?? 'info' }, { write: (line: string) => io.stderr.write(line) });
      const app = buildApp({ store, logger, bodyLimit: options.maxUploadMib * 1024 * 1024 });
      try {
        if (options.demo) {
          const demo = await seedDemo(store);
          io.stderr.write(
            `\n  Demo data ${demo.seeded ? 'is ready' : 'was already there'}. API tokens (shown once, valid 30 days):\n\n` +
              `    manufacturer "${demoManufacturer}":  Authorization: Bearer ${demo.manufacturerToken}\n` +
              `    hospital "${demoHospital}":  Authorization: Bearer ${demo.hospitalToken}\n\n` +
              `  The CLI can work on the same data: jointsec product list --org "${demoManufacturer}"\n\n`,
          );
        }
        const address = await app.listen({ port: options.port, host: options.host });
        io.stderr.write(`jointsec listening on ${address} (docs at ${address}/docs)\n`);
        await untilAborted(io.signal);
      } finally {
        await app.close();
        await store.close();
      }
    });
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function parseInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a non-negative integer');
  return n;
}
