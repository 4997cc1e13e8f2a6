import { isAppError } from '../core/app-error.js';

/**
 * Formats an error as the lines the CLI prints on stderr:
 * `jointsec: <file>: <location>: <message>`, leaving out the parts it does not know,
 * then one line per diagnostic the error carries (at most `maxDetails`).
 */
export function errorLines(error: unknown, maxDetails = 20): string[] {
  if (!isAppError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return [`jointsec: internal error: ${message}`];
  }
  const file = error.location?.file;
  const head = [file, error.location?.path, error.message].filter((part) => part !== undefined && part !== '');
  const lines = [`jointsec: ${head.join(': ')}`];
  // A diagnostic the headline already states (the usual single-field case) is not repeated.
  const details = error.details.filter((d) => !(lines[0] ?? '').includes(d.message));
  for (const detail of details.slice(0, maxDetails)) {
    lines.push(
      `jointsec: ${[file, detail.path, detail.message].filter((p) => p !== undefined && p !== '').join(': ')}`,
    );
  }
  if (details.length > maxDetails) lines.push(`jointsec: … and ${details.length - maxDetails} more`);
  return lines;
}
