/**
 * Values per `IN (…)` list: far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters,
 * and small enough that one statement's rows stay modest.
 */
export const valuesPerStatement = 1_000;

/**
 * Runs `run` on `items` in slices of `valuesPerStatement` and collects the rows. A loop, not
 * `push(...rows)`: one key of a popular package can return more rows than the call stack holds.
 */
export async function inChunks<T, R>(items: readonly T[], run: (chunk: T[]) => Promise<readonly R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let start = 0; start < items.length; start += valuesPerStatement) {
    for (const row of await run(items.slice(start, start + valuesPerStatement))) out.push(row);
  }
  return out;
}

/** Runs `run` on `items` in slices of `valuesPerStatement`, for statements that return nothing. */
export async function forEachChunk<T>(items: readonly T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += valuesPerStatement) {
    await run(items.slice(start, start + valuesPerStatement));
  }
}
