import { describe, expect, it } from 'vitest';
import { assessQuality } from '../../src/core/sbom-quality.js';
import { newComponent } from '../../src/core/sbom.js';

const complete = newComponent({
  ref: 'a',
  name: 'openssl',
  version: '3.0.8',
  supplier: 'OpenSSL Project',
  purl: 'pkg:generic/openssl@3.0.8',
  levelOfSupport: 'actively maintained',
  endOfSupportDate: '2026-09-07',
});
const bare = newComponent({ ref: 'b', name: 'libfoo' });

describe('assessQuality', () => {
  it('counts per element and lists the components missing it', () => {
    const report = assessQuality({
      components: [complete, bare],
      dependencies: [{ from: 'a', to: 'a2' }],
      metadata: { authors: [], tools: ['cdxgen 10'], timestamp: '2026-01-01T00:00:00Z' },
    });
    const byElement = Object.fromEntries(report.components.map((e) => [e.element, e]));
    expect(byElement.name).toMatchObject({ present: 2, total: 2, share: 1, missing: [] });
    expect(byElement.supplier).toMatchObject({ present: 1, total: 2, share: 0.5 });
    expect(byElement.supplier?.missing).toEqual([{ ref: 'b', name: 'libfoo', version: null }]);
    expect(byElement.uniqueIdentifier?.present).toBe(1);
    expect(byElement.dependencyRelationship?.missing.map((m) => m.ref)).toEqual(['b']);
    expect(byElement.levelOfSupport).toMatchObject({ framework: 'fda', present: 1 });
    expect(byElement.endOfSupportDate).toMatchObject({ framework: 'fda', present: 1 });
    expect(report.document).toEqual([
      { element: 'author', framework: 'ntia', present: true },
      { element: 'timestamp', framework: 'ntia', present: true },
    ]);
    expect(report.ntiaComplete).toBe(false);
    expect(report.fdaComplete).toBe(false);
  });

  it('is NTIA and FDA complete only when every element is present', () => {
    const report = assessQuality({
      subject: newComponent({ ...complete, ref: 'root', name: 'pump' }),
      components: [complete],
      dependencies: [{ from: 'root', to: 'a' }],
      metadata: { authors: ['ACME Medical'], tools: [], timestamp: '2026-01-01T00:00:00Z' },
    });
    expect(report.componentCount).toBe(2);
    expect(report.ntiaComplete).toBe(true);
    expect(report.fdaComplete).toBe(true);
  });

  it('does not count NOASSERTION or blanks as present, and misses a timestamp', () => {
    const report = assessQuality({
      components: [newComponent({ ref: 'x', name: 'x', supplier: 'NOASSERTION', version: ' ' })],
      dependencies: [],
      metadata: { authors: [], tools: [] },
    });
    const byElement = Object.fromEntries(report.components.map((e) => [e.element, e]));
    expect(byElement.supplier?.present).toBe(0);
    expect(byElement.version?.present).toBe(0);
    expect(report.document.every((d) => !d.present)).toBe(true);
  });

  it('reports share 1 for an SBOM without components', () => {
    const report = assessQuality({
      components: [],
      dependencies: [],
      metadata: { authors: ['a'], tools: [], timestamp: 't' },
    });
    expect(report.components.every((e) => e.share === 1 && e.total === 0)).toBe(true);
  });
});
