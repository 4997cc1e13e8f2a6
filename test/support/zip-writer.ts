import { crc32, deflateRawSync } from 'node:zlib';

/** One file to put into a test zip; the overrides write deliberately wrong headers. */
export interface TestZipEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 = stored, 8 = deflated (default 8). */
  readonly method?: 0 | 8;
  /** Written instead of the real CRC-32, in both headers. */
  readonly crc32?: number;
  /** Written instead of the real uncompressed size, in both headers. */
  readonly uncompressedSize?: number;
  /** Written as the entry's file data instead of the (compressed) data, e.g. a cut deflate stream. */
  readonly rawData?: Uint8Array;
}

/**
 * A minimal zip (APPNOTE 6.3.x: local headers, central directory, end record; no zip64, no data
 * descriptors, UTF-8 names), enough to build fixtures for the zip reader. Test code only.
 */
export function writeTestZip(entries: readonly TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const stored =
      entry.rawData === undefined ? (method === 8 ? deflateRawSync(data) : data) : Buffer.from(entry.rawData);
    const crc = entry.crc32 ?? crc32(data);
    const size = entry.uncompressedSize ?? data.length;
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x0800; // names are UTF-8

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
