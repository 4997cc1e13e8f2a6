import { describe, expect, it } from 'vitest';
import { newTimeOrderedId } from '../../src/store/time-ordered-id.js';

const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp of a UUIDv7 (RFC 9562 §5.7), read back independently. */
function timestampOf(id: string): number {
  return Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
}

// The generator keeps state (ids only ever increase), so each test uses later times than the one before.
describe('newTimeOrderedId', () => {
  it('writes RFC 9562 version 7 UUIDs carrying the given Unix milliseconds', () => {
    const at = Date.now() + 10_000_000;
    const id = newTimeOrderedId(at);
    expect(id).toMatch(uuidV7);
    expect(timestampOf(id)).toBe(at);
  });

  it('is strictly increasing within one millisecond, in string order as well', () => {
    const now = Date.now() + 50_000_000;
    const ids = Array.from({ length: 3000 }, () => newTimeOrderedId(now));
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!, `${ids[i - 1]} < ${ids[i]}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(uuidV7));
  });

  it('keeps increasing when the clock goes back', () => {
    const now = Date.now() + 60_000_000;
    const before = newTimeOrderedId(now);
    const after = newTimeOrderedId(now - 5_000);
    expect(after > before).toBe(true);
  });

  it('differs in its random bits between calls', () => {
    const tails = new Set(Array.from({ length: 100 }, () => newTimeOrderedId().slice(19)));
    expect(tails.size).toBe(100);
  });

  it('encodes the timestamp big-endian in the first 48 bits', () => {
    // 2027-07-19T…: 1815867200000 ms since the epoch is 0x01a6ca1e9200.
    expect(newTimeOrderedId(1_815_867_200_000)).toMatch(/^01a6ca1e-9200-7/);
  });
});
