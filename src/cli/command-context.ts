import type { CliIo } from './cli-io.js';

/** What every command action receives: the process surface, and a slot for its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** 0 unless the command found a negative result (see exit-codes.ts); errors are thrown instead. */
  exitCode: number;
}

/** Writes a value as pretty JSON with a trailing newline to stdout. */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout.write(JSON.stringify(value, null, 2) + '\n');
}
