/** A stream the CLI writes to: process.stdout/stderr, or a buffer in tests. */
export interface CliOutput {
  write(chunk: string): unknown;
}

/** Everything the CLI touches of its process, so tests can run it in-process. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative file paths and the default database file resolve against this directory. */
  readonly cwd: string;
  /** Stops long-running commands (`serve`); main.ts wires SIGINT/SIGTERM to it. */
  readonly signal?: AbortSignal;
}
