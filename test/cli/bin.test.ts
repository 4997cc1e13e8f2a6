import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const built = existsSync(bin);
if (!built && process.env.CI === 'true') {
  throw new Error(`CI=true but ${bin} is missing: npm ci should have built it (prepare)`);
}

/** The built `jointsec` bin as `npx jointsec` runs it: the file itself, through its shebang. */
describe.skipIf(!built)('the built jointsec bin', () => {
  it('is executable and lists the commands', () => {
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    const result = spawnSync(bin, ['--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const command of [
      'sbom validate',
      'sbom import',
      'product create',
      'org create',
      'token create',
      'serve',
      'scan',
    ]) {
      expect(result.stdout).toContain(command);
    }
  });
});
