import { describe, expect, it } from 'vitest';
import { mergeChanges, mergeComponent } from '../../src/core/component-merge.js';
import { newComponent } from '../../src/core/sbom.js';

describe('mergeComponent', () => {
  const first = newComponent({
    ref: 'fw-1',
    name: 'zlib',
    version: '1.2.13',
    purl: 'pkg:generic/zlib@1.2.13',
    hashes: [{ alg: 'SHA-256', value: 'AB' }],
  });
  const second = newComponent({
    ref: 'app-7',
    name: 'zlib',
    version: '1.2.13',
    supplier: 'zlib project',
    endOfSupportDate: '2030-01-01',
    hashes: [
      { alg: 'SHA-256', value: 'ab' },
      { alg: 'SHA-1', value: 'cd' },
    ],
  });

  it('keeps the first values, fills gaps from the second and unites hashes', () => {
    const merged = mergeComponent(first, second);
    expect(merged.ref).toBe('fw-1');
    expect(merged.supplier).toBe('zlib project');
    expect(merged.endOfSupportDate).toBe('2030-01-01');
    expect(merged.hashes).toEqual([
      { alg: 'SHA-256', value: 'AB' },
      { alg: 'SHA-1', value: 'cd' },
    ]);
  });

  it('says whether a merge changes the stored record', () => {
    expect(mergeChanges(first, second)).toBe(true);
    expect(mergeChanges(first, first)).toBe(false);
    expect(mergeChanges(mergeComponent(first, second), second)).toBe(false);
  });
});
