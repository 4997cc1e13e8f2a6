import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir, type CliResult } from './cli-harness.js';

describe('CLI commands on a SQLite database file', () => {
  let dir: string;
  let cleanup: () => void;
  let env: Record<string, string>;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    env = { JOINTSEC_DB: join(dir, 'test.db') };
  });
  afterEach(() => cleanup());

  const cli = (argv: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> =>
    runCli(argv, { cwd: dir, env: { ...env, ...extraEnv } });

  async function bootstrap(): Promise<string> {
    const created = await cli(['org', 'create', 'Acme Medical', '--kind', 'manufacturer']);
    expect(created.code).toBe(0);
    return created.stdout.trim();
  }

  it('org create prints only the admin token on stdout', async () => {
    const token = await bootstrap();
    expect(token).toMatch(/^jsk_\S+$/);
    const again = await cli(['org', 'create', 'Acme Medical', '--kind', 'hdo']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^jointsec: .*already exists/);
  });

  it('org create rejects an unknown kind with exit 2', async () => {
    const result = await cli(['org', 'create', 'X', '--kind', 'pharmacy']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('manages products and versions, with JSON and table output', async () => {
    await bootstrap();
    const org = ['--org', 'Acme Medical'];
    const created = await cli([
      'product',
      'create',
      'Infusion Pump',
      '--model',
      'IP-1',
      '--model',
      'IP-2',
      '--cyber-device',
      '--json',
      ...org,
    ]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({
      name: 'Infusion Pump',
      manufacturer: 'Acme Medical',
      modelNumbers: ['IP-1', 'IP-2'],
      cyberDevice: true,
    });

    const added = await cli([
      'product',
      'version',
      'add',
      'Infusion Pump',
      '1.0.0',
      '--release-date',
      '2025-01-01',
      '--lifecycle',
      'released',
      ...org,
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^VERSION\s+LIFECYCLE/);
    expect(added.stdout).toMatch(/1\.0\.0\s+released\s+2025-01-01/);

    const listed = await cli(['product', 'list', ...org]);
    expect(listed.stdout).toMatch(/Infusion Pump\s+Acme Medical\s+IP-1, IP-2\s+yes/);

    const versions = await cli(['product', 'version', 'list', 'Infusion Pump', '--json'], {
      JOINTSEC_ORG: 'Acme Medical',
    });
    expect((JSON.parse(versions.stdout) as { version: string }[]).map((v) => v.version)).toEqual(['1.0.0']);

    const shown = await cli(['product', 'show', 'Infusion Pump', '--json', ...org]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ name: 'Infusion Pump', versions: [{ version: '1.0.0' }] });
  });

  it('needs an organization for store commands, and names the problem', async () => {
    await bootstrap();
    const none = await cli(['product', 'list']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('jointsec: this command needs an organization: pass --org NAME or set JOINTSEC_ORG\n');
    const unknown = await cli(['product', 'list', '--org', 'Nobody']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no organization named "Nobody"');
  });

  it('imports an SBOM, exports the merged version, and leaves nothing behind on a malformed import', async () => {
    await bootstrap();
    const org = ['--org', 'Acme Medical'];
    await cli(['product', 'create', 'Pump', ...org]);
    await cli(['product', 'version', 'add', 'Pump', '1.0.0', ...org]);

    const imported = await cli([
      'sbom',
      'import',
      fixture('pump-1.0.cdx.json'),
      '--product',
      'Pump',
      '--version',
      '1.0.0',
      '--json',
      ...org,
    ]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'cyclonedx', specVersion: '1.6', componentCount: 4 });

    const broken = await cli([
      'sbom',
      'import',
      fixture('malformed.json'),
      '--product',
      'Pump',
      '--version',
      '1.0.0',
      ...org,
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^jointsec: .*malformed\.json: line 1/);

    const missing = await cli([
      'sbom',
      'import',
      fixture('pump-1.0.cdx.json'),
      '--product',
      'Pump',
      '--version',
      '9.9',
      ...org,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('9.9');

    const exported = await cli([
      'sbom',
      'export',
      '--product',
      'Pump',
      '--version',
      '1.0.0',
      '--to',
      'cyclonedx-json',
      '-o',
      'pump.cdx.json',
      ...org,
    ]);
    expect(exported.code).toBe(0);
    const bom = JSON.parse(readFileSync(join(dir, 'pump.cdx.json'), 'utf8')) as {
      specVersion: string;
      components: { name: string }[];
    };
    expect(bom.specVersion).toBe('1.6');
    // Exactly the imported components: the malformed import added nothing.
    expect(bom.components.map((c) => c.name).sort()).toEqual(['busybox', 'openssl', 'zlib']);
  });

  it('creates tokens for the organization admin', async () => {
    await bootstrap();
    const created = await cli([
      'token',
      'create',
      '--name',
      'ci',
      '--expires-days',
      '7',
      '--json',
      '--org',
      'Acme Medical',
    ]);
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as { token: string; name: string; expiresAt: string };
    expect(token).toMatchObject({ name: 'ci', token: expect.stringMatching(/^jsk_/) });
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const listed = await cli(['token', 'list', '--org', 'Acme Medical']);
    expect(listed.stdout).toMatch(/ci\s+jsk_/);
    expect(listed.stdout).not.toContain(token.token);

    const bad = await cli(['token', 'create', '--expires-days', 'soon', '--org', 'Acme Medical']);
    expect(bad.code).toBe(2);
  });

  it('takes --db before or after the command, relative to the working directory', async () => {
    const created = await runCli(['--db', 'other.db', 'org', 'create', 'Hospital', '--kind', 'hdo'], {
      cwd: dir,
      env: {},
    });
    expect(created.code).toBe(0);
    const listed = await runCli(['product', 'list', '--db', 'other.db', '--org', 'Hospital', '--json'], {
      cwd: dir,
      env: {},
    });
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('exits 69 when the database cannot be opened', async () => {
    const result = await cli(['product', 'list', '--db', join(dir, 'no', 'such', 'dir', 'x.db'), '--org', 'A']);
    expect(result.code).toBe(69);
    expect(result.stderr).toMatch(/^jointsec: cannot open SQLite database/);
  });
});
