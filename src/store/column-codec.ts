import { newTimeOrderedId } from './time-ordered-id.js';

/**
 * The one place that converts between application values and the column conventions both
 * engines share: text UUID ids (version 7, time-ordered: see time-ordered-id.ts), ISO-8601
 * text timestamps, integer 0/1 booleans, JSON as text.
 */
export const columnCodec = {
  newId(): string {
    return newTimeOrderedId();
  },
  now(): string {
    return new Date().toISOString();
  },
  toBool(value: boolean): number {
    return value ? 1 : 0;
  },
  // PostgreSQL and SQLite both hand integers back as numbers for `integer` columns.
  fromBool(value: number): boolean {
    return value !== 0;
  },
  toJson(value: unknown): string {
    return JSON.stringify(value);
  },
  fromJson<T>(text: string): T {
    return JSON.parse(text) as T;
  },
  toJsonOrNull(value: unknown): string | null {
    return value === undefined || value === null ? null : JSON.stringify(value);
  },
  fromJsonOrNull<T>(text: string | null): T | null {
    return text === null ? null : (JSON.parse(text) as T);
  },
  /** `null` from a nullable column becomes an absent optional field. */
  optional<T>(value: T | null): T | undefined {
    return value === null ? undefined : value;
  },
  /** Both drivers return a Buffer; callers get a plain byte view of the same memory. */
  toBytes(value: Uint8Array): Uint8Array {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  },
} as const;
