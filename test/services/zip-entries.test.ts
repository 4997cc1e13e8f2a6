import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/app-error.js';
import { readZipEntries, type ZipEntry, type ZipLimits } from '../../src/services/zip-entries.js';
import { corpusFiles, describeCorpus } from '../support/corpus.js';
import { writeTestZip, type TestZipEntry } from '../support/zip-writer.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jointsec-zip-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function zipFile(entries: readonly TestZipEntry[], name = 'all.zip'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, writeTestZip(entries));
  return path;
}

async function collect(path: string, limits?: ZipLimits): Promise<ZipEntry[]> {
  const out: ZipEntry[] = [];
  for await (const entry of readZipEntries(path, limits)) out.push(entry);
  return out;
}

async function failure(run: Promise<unknown>): Promise<AppError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');

describe('readZipEntries', () => {
  it('reads stored and deflated entries in order and skips directory entries', async () => {
    const alpine = await readFile('test/fixtures/feeds/alpine/HAND-ALPINE-ZLIB.json');
    const path = await zipFile([
      { name: 'Alpine/', data: '', method: 0 },
      { name: 'HAND-ALPINE-ZLIB.json', data: alpine, method: 8 },
      { name: 'stored.json', data: '{"id":"X-1"}', method: 0 },
      { name: 'empty.json', data: '', method: 8 },
    ]);
    const entries = await collect(path);
    expect(entries.map((e) => e.name)).toEqual(['HAND-ALPINE-ZLIB.json', 'stored.json', 'empty.json']);
    expect(Buffer.from(entries[0]!.bytes).equals(alpine)).toBe(true);
    expect(text(entries[1]!.bytes)).toBe('{"id":"X-1"}');
    expect(entries[2]!.bytes.length).toBe(0);
  });

  it('lets the consumer stop early without error', async () => {
    const path = await zipFile([
      { name: 'A.json', data: 'a' },
      { name: 'B.json', data: 'b' },
    ]);
    const seen: string[] = [];
    for await (const entry of readZipEntries(path)) {
      seen.push(entry.name);
      break;
    }
    expect(seen).toEqual(['A.json']);
  });

  it('refuses a zip cut short (no end of central directory) naming the zip', async () => {
    const whole = writeTestZip([{ name: 'A.json', data: '{"id":"A"}'.repeat(50) }]);
    const path = join(dir, 'cut.zip');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await failure(collect(path));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/corrupt or truncated/);
  });

  it('refuses an entry whose deflate stream is cut short, naming the entry', async () => {
    const data = Buffer.from(JSON.stringify({ id: 'OSV-1', details: 'x'.repeat(2000) }));
    const deflated = deflateRawSync(data);
    const path = await zipFile([
      { name: 'GOOD.json', data: '{}' },
      { name: 'OSV-1.json', data, rawData: deflated.subarray(0, deflated.length - 4) },
    ]);
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const entry of readZipEntries(path)) seen.push(entry.name);
      })(),
    );
    expect(seen).toEqual(['GOOD.json']);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(`zip ${path}, entry OSV-1.json`);
    expect(error.location).toEqual({ file: path, path: 'OSV-1.json' });
  });

  it('refuses an entry whose CRC-32 does not match its content', async () => {
    const path = await zipFile([{ name: 'OSV-2.json', data: '{"id":"OSV-2"}', crc32: 0x12345678 }]);
    const error = await failure(collect(path));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('entry OSV-2.json: CRC-32 mismatch (declared 12345678');
  });

  it('refuses a stored entry with a bad CRC-32 too', async () => {
    const path = await zipFile([{ name: 'S.json', data: 'stored', method: 0, crc32: 1 }]);
    const error = await failure(collect(path));
    expect(error.message).toContain('CRC-32 mismatch');
  });

  it('refuses an entry declared larger than the per-entry limit before inflating it', async () => {
    const path = await zipFile([{ name: 'big.json', data: 'y'.repeat(5000) }]);
    const error = await failure(collect(path, { maxEntryBytes: 4096 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('entry big.json: 5000 bytes, more than 4096');
  });

  it('refuses an entry that inflates to more than it declares (a disguised bomb)', async () => {
    const path = await zipFile([{ name: 'bomb.json', data: Buffer.alloc(1024 * 1024), uncompressedSize: 10 }]);
    const error = await failure(collect(path, { maxEntryBytes: 64 * 1024 }));
    expect(['invalid-input', 'too-large']).toContain(error.code);
    expect(error.message).toContain('entry bomb.json');
  });

  it('stops once the entries add up to more than the total limit', async () => {
    const path = await zipFile([
      { name: '1.json', data: 'a'.repeat(100) },
      { name: '2.json', data: 'b'.repeat(100) },
      { name: '3.json', data: 'c'.repeat(100) },
    ]);
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const entry of readZipEntries(path, { maxTotalBytes: 250 })) seen.push(entry.name);
      })(),
    );
    expect(seen).toEqual(['1.json', '2.json']);
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('entry 3.json');
  });

  it('refuses more entries than the entry-count limit', async () => {
    const path = await zipFile([
      { name: '1.json', data: '1' },
      { name: '2.json', data: '2' },
    ]);
    const error = await failure(collect(path, { maxEntries: 1 }));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('2 entries');
  });

  it('refuses an entry whose name escapes the archive', async () => {
    const path = await zipFile([{ name: '../evil.json', data: '{}' }]);
    const error = await failure(collect(path));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(`zip ${path} is corrupt or truncated`);
    expect(error.message).toContain('../evil.json');
  });

  it('refuses a missing file and a file that is not a zip', async () => {
    const missing = await failure(collect(join(dir, 'nope.zip')));
    expect(missing.code).toBe('invalid-input');
    expect(missing.message).toContain('no such file');
    const notZip = join(dir, 'not.zip');
    await writeFile(notZip, '{"id":"not a zip"}');
    const error = await failure(collect(notZip));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(notZip);
  });
});

describeCorpus('readZipEntries on real OSV records', () => {
  it('returns every Go vulndb record of an osv.dev-style all.zip byte for byte', async () => {
    const files = corpusFiles('osv-advisories/golang-vulndb', (name) => name.endsWith('.json')).slice(0, 40);
    expect(files.length).toBeGreaterThan(10);
    const originals = await Promise.all(files.map(async (f) => ({ name: basename(f), data: await readFile(f) })));
    const path = await zipFile(originals.map((o, i) => ({ ...o, method: i % 2 === 0 ? 8 : 0 })));
    const entries = await collect(path);
    expect(entries.map((e) => e.name)).toEqual(originals.map((o) => o.name));
    for (const [i, entry] of entries.entries()) {
      expect(Buffer.from(entry.bytes).equals(originals[i]!.data)).toBe(true);
      expect((JSON.parse(text(entry.bytes)) as { id: string }).id).toBe(originals[i]!.name.replace(/\.json$/, ''));
    }
  });
});
