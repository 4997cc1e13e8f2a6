/** Where the embedded database lives when nothing else is configured. */
export const defaultStoreLocation = './jointsec.db';

/**
 * Picks the database location from a `--db` flag, then `JOINTSEC_DB`, then `DATABASE_URL`,
 * then the default file. Empty strings count as unset.
 */
export function resolveStoreLocation(options: {
  readonly flag?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}): string {
  const env = options.env ?? {};
  const candidates = [options.flag, env.JOINTSEC_DB, env.DATABASE_URL];
  for (const candidate of candidates) {
    if (candidate !== undefined && candidate.trim() !== '') return candidate.trim();
  }
  return defaultStoreLocation;
}

/** True for `postgres://` and `postgresql://` URLs; everything else is a SQLite path. */
export function isPostgresLocation(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
