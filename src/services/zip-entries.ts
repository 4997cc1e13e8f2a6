import { crc32 } from 'node:zlib';
import { openPromise, type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../core/app-error.js';

/** One file inside a zip, read whole. */
export interface ZipEntry {
  /** The entry's path inside the zip (forward slashes; yauzl has refused absolute and `..` names). */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Bounds that keep a hostile or broken zip from exhausting memory or disk-time. */
export interface ZipLimits {
  /** Largest uncompressed entry accepted (default 256 MiB); each entry is held in memory. */
  readonly maxEntryBytes?: number;
  /** Largest sum of uncompressed entry sizes accepted (default 8 GiB). */
  readonly maxTotalBytes?: number;
  /** Most entries accepted (default 2,000,000; osv.dev's whole-database export holds about 500,000). */
  readonly maxEntries?: number;
}

export const defaultZipLimits: Required<ZipLimits> = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024 * 1024,
  maxEntries: 2_000_000,
};

/**
 * The files of a zip, one at a time in central-directory order, directories skipped. Built for
 * osv.dev exports (`<Ecosystem>/all.zip`, one `<ID>.json` per advisory), so only one entry is in
 * memory at once. Sizes are checked against the limits from the central directory before an entry
 * is read, and again while it streams (yauzl refuses a stream longer or shorter than declared);
 * the CRC-32 of every entry is checked since yauzl does not. A corrupt or truncated zip is refused
 * as invalid-input, a zip over the limits as too-large, both naming the zip and the entry.
 */
export async function* readZipEntries(path: string, options: ZipLimits = {}): AsyncGenerator<ZipEntry> {
  const limits = { ...defaultZipLimits, ...options };
  let zip: ZipFile;
  try {
    zip = await openPromise(path, { autoClose: true, validateEntrySizes: true, strictFileNames: false });
  } catch (cause) {
    throw corrupt(path, undefined, cause);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new AppError(
        'too-large',
        `zip ${path} holds ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`,
        { location: { file: path } },
      );
    }
    let total = 0;
    const entries = zip.eachEntry();
    for (;;) {
      let next: IteratorResult<Entry>;
      try {
        next = await entries.next();
      } catch (cause) {
        throw corrupt(path, undefined, cause);
      }
      if (next.done === true) return;
      const entry = next.value;
      if (entry.fileName.endsWith('/')) continue;
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw tooLarge(path, entry.fileName, `${entry.uncompressedSize} bytes, more than ${limits.maxEntryBytes}`);
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw tooLarge(path, entry.fileName, `the entries so far add up to more than ${limits.maxTotalBytes} bytes`);
      }
      if (!entry.canDecodeFileData()) {
        throw new AppError(
          'unsupported-format',
          `zip ${path}, entry ${entry.fileName}: compression method ${entry.compressionMethod}` +
            `${entry.isEncrypted() ? ' with encryption' : ''} is not supported (only stored and deflated entries)`,
          { location: { file: path, path: entry.fileName } },
        );
      }
      yield { name: entry.fileName, bytes: await readEntry(zip, entry, path, limits.maxEntryBytes) };
    }
  } finally {
    // Safe to repeat; releases the file when the consumer stops early or an error ends the walk.
    zip.close();
  }
}

async function readEntry(zip: ZipFile, entry: Entry, path: string, maxEntryBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Redundant with yauzl's size validation, but keeps the memory bound independent of it.
      if (size > maxEntryBytes) {
        stream.destroy();
        throw tooLarge(path, entry.fileName, `more than ${maxEntryBytes} bytes once inflated`);
      }
      crc = crc32(chunk, crc);
      chunks.push(chunk);
    }
  } catch (cause) {
    if (cause instanceof AppError) throw cause;
    throw corrupt(path, entry.fileName, cause);
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new AppError(
      'invalid-input',
      `zip ${path}, entry ${entry.fileName}: CRC-32 mismatch (declared ${hex32(entry.crc32)}, ` +
        `content has ${hex32(crc)}): the zip is corrupt`,
      { location: { file: path, path: entry.fileName } },
    );
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

function corrupt(path: string, entryName: string | undefined, cause: unknown): AppError {
  if (cause instanceof AppError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  const missing = (cause as { code?: unknown } | undefined)?.code === 'ENOENT';
  const where = entryName === undefined ? `zip ${path}` : `zip ${path}, entry ${entryName}`;
  const message = missing ? `cannot read zip ${path}: no such file` : `${where} is corrupt or truncated: ${reason}`;
  return new AppError('invalid-input', message, {
    location: { file: path, ...(entryName === undefined ? {} : { path: entryName }) },
    cause,
  });
}

function tooLarge(path: string, entryName: string, what: string): AppError {
  return new AppError('too-large', `zip ${path}, entry ${entryName}: ${what} (zip bomb guard)`, {
    location: { file: path, path: entryName },
  });
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
