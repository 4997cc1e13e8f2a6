import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { requestArgs, type Measurement, type MeasurementRequest } from './measurement.js';

/** A measurement, or why there is none (timed out, or the child failed). */
export type MeasurementOutcome =
  { readonly ok: true; readonly measurement: Measurement } | { readonly ok: false; readonly reason: string };

const childScript = fileURLToPath(new URL('./import-once.ts', import.meta.url));
/** `--import tsx` resolves tsx from the working directory: the repository root. */
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs one measurement in a fresh `node --import tsx` process and kills it after `timeoutMs`:
 * a quadratic hot spot must show up as "timed out", not hang the bench for an hour.
 */
export function spawnMeasurement(request: MeasurementRequest, timeoutMs: number): Promise<MeasurementOutcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...requestArgs(request)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ok: false, reason: `timed out after ${Math.round(timeoutMs / 1000)} s` });
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || line === '') {
        return resolve({ ok: false, reason: `failed (exit ${code}): ${errorSummary(stderr) || 'no output'}` });
      }
      resolve({ ok: true, measurement: JSON.parse(line) as Measurement });
    });
  });
}

/** The child's error message rather than the stack trace that follows it. */
function errorSummary(text: string): string {
  const lines = text.trim().split('\n');
  const message = lines.find((line) => /^\w*Error\b|is not valid:/.test(line.trim()));
  return (message ?? lines.slice(-3).join(' | ')).trim().slice(0, 400);
}
