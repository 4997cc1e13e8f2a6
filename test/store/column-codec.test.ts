import { describe, expect, it } from 'vitest';
import { columnCodec } from '../../src/store/column-codec.js';

describe('columnCodec', () => {
  it('makes text UUID ids (version 7) and ISO-8601 timestamps', () => {
    expect(columnCodec.newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(columnCodec.now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('stores booleans as 0/1 and reads any non-zero as true', () => {
    expect([columnCodec.toBool(true), columnCodec.toBool(false)]).toEqual([1, 0]);
    expect([columnCodec.fromBool(1), columnCodec.fromBool(0)]).toEqual([true, false]);
  });

  it('stores JSON as text and maps null to absent', () => {
    expect(columnCodec.toJson(['a', { b: 1 }])).toBe('["a",{"b":1}]');
    expect(columnCodec.fromJson('["a",{"b":1}]')).toEqual(['a', { b: 1 }]);
    expect(columnCodec.toJsonOrNull(undefined)).toBeNull();
    expect(columnCodec.fromJsonOrNull(null)).toBeNull();
    expect(columnCodec.optional(null)).toBeUndefined();
    expect(columnCodec.optional('x')).toBe('x');
  });
});
