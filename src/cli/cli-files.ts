import { readFile, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../core/app-error.js';
import type { CliIo } from './cli-io.js';

/** Reads a file named on the command line; a missing or unreadable file is an input error naming it. */
export async function readInputFile(io: CliIo, path: string): Promise<Uint8Array> {
  const full = resolve(io.cwd, path);
  try {
    const info = await stat(full);
    if (info.isDirectory())
      throw new AppError('invalid-input', 'is a directory, not a file', { location: { file: path } });
    return new Uint8Array(await readFile(full));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid-input', `cannot read file: ${systemReason(error)}`, {
      location: { file: path },
      cause: error,
    });
  }
}

/** Writes command output to `-o FILE`, or to stdout without it. */
export async function writeOutput(io: CliIo, text: string, outPath: string | undefined): Promise<void> {
  if (outPath === undefined) {
    io.stdout.write(text.endsWith('\n') ? text : text + '\n');
    return;
  }
  try {
    await writeFile(resolve(io.cwd, outPath), text);
  } catch (error) {
    throw new AppError('invalid-input', `cannot write file: ${systemReason(error)}`, {
      location: { file: outPath },
      cause: error,
    });
  }
}

function systemReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case undefined:
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
