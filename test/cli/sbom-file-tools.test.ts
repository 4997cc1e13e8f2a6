import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, runCli, tempDir } from './cli-harness.js';

describe('jointsec sbom validate', () => {
  it('exits 0 and prints the contract JSON for a valid document', async () => {
    const result = await runCli(['sbom', 'validate', fixture('pump-1.0.cdx.json'), '--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, format: 'cyclonedx', specVersion: '1.6', errors: [] });
  });

  it('exits 1 with errors that carry path and message for a schema-invalid document', async () => {
    const result = await runCli(['sbom', 'validate', fixture('invalid-schema.cdx.json'), '--json']);
    expect(result.code).toBe(1);
    const output = JSON.parse(result.stdout) as { valid: boolean; errors: { path: string; message: string }[] };
    expect(output.valid).toBe(false);
    expect(output.errors.length).toBeGreaterThan(0);
    for (const error of output.errors) expect(Object.keys(error).sort()).toEqual(['message', 'path']);
    expect(output.errors.some((e) => e.path.startsWith('/components/0'))).toBe(true);
  });

  it('prints a human verdict without --json', async () => {
    const result = await runCli(['sbom', 'validate', fixture('pump-1.0.cdx.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('valid CycloneDX 1.6');
  });

  it('exits 2 with one stderr line naming file and location for malformed JSON, nothing on stdout', async () => {
    const file = fixture('malformed.json');
    const result = await runCli(['sbom', 'validate', file, '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^jointsec: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: line \\d+`));
  });

  it('exits 2 for a file that is not an SBOM', async () => {
    const result = await runCli(['sbom', 'validate', fixture('not-an-sbom.txt')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^jointsec: .*not-an-sbom\.txt: /);
  });

  it('exits 2 for a missing file and names it', async () => {
    const result = await runCli(['sbom', 'validate', 'no/such/file.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('jointsec: no/such/file.json: cannot read file: no such file or directory\n');
  });
});

describe('jointsec sbom diff', () => {
  it('prints added, removed and changed components as JSON', async () => {
    const result = await runCli(['sbom', 'diff', fixture('pump-1.0.cdx.json'), fixture('pump-1.1.cdx.json'), '--json']);
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout) as {
      added: { name: string }[];
      removed: { name: string }[];
      changed: { name: string; purl: string; from: string; to: string }[];
    };
    expect(diff.added.map((c) => c.name)).toEqual(['sqlite']);
    expect(diff.removed.map((c) => c.name)).toEqual(['busybox']);
    const openssl = diff.changed.find((c) => c.name === 'openssl');
    expect(openssl).toEqual({ name: 'openssl', purl: 'pkg:generic/openssl@3.0.15', from: '3.0.13', to: '3.0.15' });
  });

  it('prints a human listing without --json', async () => {
    const result = await runCli(['sbom', 'diff', fixture('pump-1.0.cdx.json'), fixture('pump-1.1.cdx.json')]);
    expect(result.stdout).toContain('+ sqlite 3.45.1');
    expect(result.stdout).toContain('- busybox 1.36.0');
    expect(result.stdout).toContain('~ openssl 3.0.13 -> 3.0.15');
  });
});

describe('jointsec sbom quality', () => {
  it('reports NTIA and FDA coverage as JSON', async () => {
    const result = await runCli(['sbom', 'quality', fixture('pump-1.0.cdx.json'), '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      componentCount: number;
      components: { element: string; present: number; total: number }[];
    };
    // The subject (firmware) plus three components.
    expect(report.componentCount).toBe(4);
    const supplier = report.components.find((c) => c.element === 'supplier');
    expect(supplier).toMatchObject({ present: 3, total: 4 });
    const support = report.components.find((c) => c.element === 'levelOfSupport');
    expect(support).toMatchObject({ present: 1, total: 4 });
  });

  it('prints a table without --json', async () => {
    const result = await runCli(['sbom', 'quality', fixture('pump-1.0.cdx.json')]);
    expect(result.stdout).toMatch(/^ELEMENT\s+FRAMEWORK/);
    expect(result.stdout).toContain('busybox@1.36.0');
  });
});

describe('jointsec sbom convert', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('writes SPDX 2.3 JSON to stdout', async () => {
    const result = await runCli(['sbom', 'convert', fixture('pump-1.0.cdx.json'), '--to', 'spdx-json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { spdxVersion: string; packages: { name: string }[] };
    expect(doc.spdxVersion).toBe('SPDX-2.3');
    expect(doc.packages.map((p) => p.name)).toContain('openssl');
  });

  it('writes to -o relative to the working directory, and the output validates', async () => {
    const result = await runCli(
      ['sbom', 'convert', fixture('pump-1.0.cdx.json'), '--to', 'cyclonedx-xml', '-o', 'out.cdx.xml'],
      {
        cwd: dir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'out.cdx.xml'), 'utf8')).toContain('<bom');
    const check = await runCli(['sbom', 'validate', 'out.cdx.xml', '--json'], { cwd: dir });
    expect(JSON.parse(check.stdout)).toMatchObject({ valid: true, format: 'cyclonedx', specVersion: '1.6' });
  });

  it('rejects an unknown target format with exit 2', async () => {
    const result = await runCli(['sbom', 'convert', fixture('pump-1.0.cdx.json'), '--to', 'swid']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'swid' is invalid");
  });
});

describe('usage errors', () => {
  it('exits 2 on an unknown flag', async () => {
    const result = await runCli(['sbom', 'validate', fixture('pump-1.0.cdx.json'), '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("unknown option '--frobnicate'");
  });

  it('exits 2 on an unknown command', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
  });

  it('exits 2 when a required argument is missing', async () => {
    const result = await runCli(['sbom', 'diff', fixture('pump-1.0.cdx.json')]);
    expect(result.code).toBe(2);
  });

  it('prints help on stdout with exit 0, listing the command groups', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const commands = [
      'sbom validate',
      'sbom quality',
      'sbom diff',
      'sbom convert',
      'sbom import',
      'sbom export',
      'product create|list|show',
      'product version add|list',
      'org create',
      'token create',
      'serve',
    ];
    for (const command of commands) expect(result.stdout).toContain(command);
  });

  it('prints the package version with -V', async () => {
    const result = await runCli(['-V']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('prints subcommand help with descriptions', async () => {
    const result = await runCli(['sbom', 'validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--json');
    expect(result.stdout).toContain('Exit codes: 0 valid, 1 invalid');
  });
});
