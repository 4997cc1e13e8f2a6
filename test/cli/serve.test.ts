import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { tempDir } from './cli-harness.js';

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('jointsec serve --demo', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('seeds demo data, prints tokens and logs on stderr only, serves the API, and stops on abort', async () => {
    let stdout = '';
    let stderr = '';
    const stop = new AbortController();
    const exit = run(['serve', '--port', '0', '--demo', '--db', join(dir, 'demo.db')], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { LOG_LEVEL: 'warn' },
      cwd: dir,
      signal: stop.signal,
    });
    try {
      const base = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1]);
      const token = /manufacturer.*Bearer (jsk_\S+)/.exec(stderr)?.[1];
      expect(token).toBeDefined();

      const products = await fetch(`${base}/api/v1/products`, { headers: { authorization: `Bearer ${token}` } });
      expect(products.status).toBe(200);
      const body = (await products.json()) as { items: { name: string }[] };
      expect(body.items.length).toBeGreaterThan(0);
      expect((await fetch(`${base}/`)).status).toBe(200);
    } finally {
      stop.abort();
    }
    expect(await exit).toBe(0);
    expect(stdout).toBe('');
  });

  it('rejects a bad port with exit 2', async () => {
    let stderr = '';
    const code = await run(['serve', '--port', 'eighty'], {
      stdout: { write: () => undefined },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('--port');
  });
});
