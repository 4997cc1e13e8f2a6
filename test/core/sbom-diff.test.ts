import { describe, expect, it } from 'vitest';
import { diffComponents } from '../../src/core/sbom-diff.js';
import { newComponent } from '../../src/core/sbom.js';

const c = (name: string, version: string | undefined, purl?: string, supplier?: string) =>
  newComponent({ ref: `${name}@${version ?? ''}`, name, version, purl, supplier });

describe('diffComponents', () => {
  it('reports added, removed and changed components by purl lineage', () => {
    const before = [
      c('lodash', '4.17.20', 'pkg:npm/lodash@4.17.20'),
      c('openssl', '1.1.1k', 'pkg:generic/openssl@1.1.1k'),
      c('zlib', '1.2.11', 'pkg:deb/debian/zlib1g@1.2.11'),
    ];
    const after = [
      c('lodash', '4.17.21', 'pkg:npm/lodash@4.17.21'),
      c('zlib', '1.2.11', 'pkg:deb/debian/zlib1g@1.2.11'),
      c('busybox', '1.36.1', 'pkg:generic/busybox@1.36.1'),
    ];
    expect(diffComponents(before, after)).toEqual({
      added: [{ name: 'busybox', version: '1.36.1', purl: 'pkg:generic/busybox@1.36.1' }],
      removed: [{ name: 'openssl', version: '1.1.1k', purl: 'pkg:generic/openssl@1.1.1k' }],
      changed: [{ name: 'lodash', purl: 'pkg:npm/lodash@4.17.21', from: '4.17.20', to: '4.17.21' }],
    });
  });

  it('keys components without purl on supplier and name, ignoring case', () => {
    const before = [c('VxWorks', '6.9', undefined, 'Wind River')];
    const after = [c('vxworks', '7.0', undefined, 'wind river')];
    const diff = diffComponents(before, after);
    expect(diff.changed).toEqual([{ name: 'vxworks', purl: null, from: '6.9', to: '7.0' }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('treats the same name from another supplier as a different component', () => {
    const diff = diffComponents([c('kernel', '1', undefined, 'A')], [c('kernel', '1', undefined, 'B')]);
    expect(diff.added).toHaveLength(1);
    expect(diff.removed).toHaveLength(1);
    expect(diff.changed).toHaveLength(0);
  });

  it('cancels versions present on both sides when a package appears twice', () => {
    const before = [c('a', '1.0', 'pkg:npm/a@1.0'), c('a', '2.0', 'pkg:npm/a@2.0')];
    const after = [c('a', '2.0', 'pkg:npm/a@2.0'), c('a', '3.0', 'pkg:npm/a@3.0')];
    expect(diffComponents(before, after)).toEqual({
      added: [],
      removed: [],
      changed: [{ name: 'a', purl: 'pkg:npm/a@3.0', from: '1.0', to: '3.0' }],
    });
  });

  it('finds nothing between identical lists', () => {
    const list = [c('a', '1', 'pkg:npm/a@1'), c('b', '2')];
    expect(diffComponents(list, [...list].reverse())).toEqual({ added: [], removed: [], changed: [] });
  });
});
