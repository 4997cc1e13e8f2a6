import { Cpe } from '../core/cpe.js';
import { Purl } from '../core/purl.js';
import { unquote } from '../core/range/cpe-attribute-match.js';
import type { CpeConfiguration, CpeNode } from '../core/vulnerability-cpe-configuration.js';
import type { AffectedPackage } from '../core/vulnerability-affected-package.js';
import { Vulnerability } from '../core/vulnerability.js';
import { everyRelease, packageKeyOfAffected, type PackageKey } from './package-key.js';

/** One OSV `affected[]` entry, filed under its package key. */
export interface IndexedAffected {
  readonly vulnerability: Vulnerability;
  /** Position of the entry in `vulnerability.affected`, for the evidence. */
  readonly affectedIndex: number;
  readonly affected: AffectedPackage;
  readonly key: PackageKey;
}

/** One NVD configuration, filed under every `vendor:product` its vulnerable criteria name. */
export interface IndexedConfiguration {
  readonly vulnerability: Vulnerability;
  readonly configurationIndex: number;
  readonly configuration: CpeConfiguration;
}

/** An affected entry that could not be keyed, so no purl can ever reach it (reported, not hidden). */
export interface UnkeyedEntry {
  readonly vulnerabilityId: string;
  readonly affectedIndex: number;
  readonly ecosystem: string;
  readonly name: string;
}

export interface AdvisoryIndexOptions {
  /**
   * CPE `vendor:product` aliases: a component CPE naming the key is looked up as the value
   * (`{ 'alpine:busybox': 'busybox:busybox' }`), for vendors a device maker spells differently
   * from NVD. Keys and values are compared case-insensitively and without CPE quoting.
   */
  readonly cpeAliases?: Readonly<Record<string, string>>;
}

/**
 * The in-memory lookup from package key to the advisory entries that name it, and from CPE
 * `vendor:product` to NVD configurations. Withdrawn vulnerabilities are left out: a withdrawn
 * advisory must not produce findings.
 */
export interface AdvisoryIndex {
  readonly byKey: ReadonlyMap<string, readonly IndexedAffected[]>;
  /** Distribution entries by release-less key (`deb:debian:openssl`), for components whose release is unknown. */
  readonly byDistroBase: ReadonlyMap<string, readonly IndexedAffected[]>;
  readonly byVendorProduct: ReadonlyMap<string, readonly IndexedConfiguration[]>;
  readonly cpeAliases: ReadonlyMap<string, string>;
  readonly unkeyed: readonly UnkeyedEntry[];
  readonly withdrawn: readonly string[];
}

/** Builds the index from parsed vulnerability records (any mix of OSV, NVD, …). */
export function buildAdvisoryIndex(
  vulnerabilities: Iterable<Vulnerability>,
  options: AdvisoryIndexOptions = {},
): AdvisoryIndex {
  const byKey = new Map<string, IndexedAffected[]>();
  const byDistroBase = new Map<string, IndexedAffected[]>();
  const byVendorProduct = new Map<string, IndexedConfiguration[]>();
  const unkeyed: UnkeyedEntry[] = [];
  const withdrawn: string[] = [];
  const purlCache = new Map<string, Purl | undefined>();
  const purlOf = (text: string): Purl | undefined => {
    if (!purlCache.has(text)) purlCache.set(text, Purl.tryParse(text));
    return purlCache.get(text);
  };
  for (const vulnerability of vulnerabilities) {
    if (Vulnerability.isWithdrawn(vulnerability)) {
      withdrawn.push(vulnerability.id);
      continue;
    }
    vulnerability.affected.forEach((affected, affectedIndex) => {
      const key = packageKeyOfAffected(affected, purlOf);
      if (key === undefined) {
        unkeyed.push({
          vulnerabilityId: vulnerability.id,
          affectedIndex,
          ecosystem: affected.ecosystemQualified,
          name: affected.name,
        });
        return;
      }
      const entry: IndexedAffected = { vulnerability, affectedIndex, affected, key };
      push(byKey, key.key, entry);
      if (key.distro !== undefined) push(byDistroBase, key.distro.baseKey, entry);
    });
    vulnerability.cpeConfigurations.forEach((configuration, configurationIndex) => {
      for (const vendorProduct of vulnerableVendorProducts(configuration)) {
        push(byVendorProduct, vendorProduct, { vulnerability, configurationIndex, configuration });
      }
    });
  }
  const cpeAliases = new Map(
    Object.entries(options.cpeAliases ?? {}).map(([from, to]) => [
      normalizeVendorProduct(from),
      normalizeVendorProduct(to),
    ]),
  );
  return { byKey, byDistroBase, byVendorProduct, cpeAliases, unkeyed, withdrawn };
}

/**
 * The entries for a component's key: those of its release plus the every-release (`*`) entries
 * of its distribution. A distribution key without a release gets the entries of every release.
 */
export function affectedEntriesFor(index: AdvisoryIndex, key: PackageKey): readonly IndexedAffected[] {
  const lists = affectedEntryLists(index, key);
  return lists.length === 1 ? (lists[0] ?? []) : lists.flatMap((list) => list ?? []);
}

/**
 * The index's own lists whose concatenation is `affectedEntriesFor(index, key)` (undefined where
 * the index has none), so a caller that prepared work for a key can tell whether its lists changed.
 */
export function affectedEntryLists(
  index: AdvisoryIndex,
  key: PackageKey,
): readonly (readonly IndexedAffected[] | undefined)[] {
  if (key.distro === undefined) return [index.byKey.get(key.key)];
  if (key.distro.release === undefined) return [index.byDistroBase.get(key.distro.baseKey)];
  const everyKey = `${key.type}:${key.distro.vendor}:${everyRelease}:${key.name}`;
  return everyKey === key.key ? [index.byKey.get(key.key)] : [index.byKey.get(key.key), index.byKey.get(everyKey)];
}

/** The configurations naming `vendor:product` (already normalized and aliased). */
export function configurationsFor(index: AdvisoryIndex, vendorProduct: string): readonly IndexedConfiguration[] {
  return index.byVendorProduct.get(vendorProduct) ?? [];
}

/** `vendor:product` of a CPE, lower-case and unquoted; undefined unless both are concrete values. */
export function vendorProductOf(cpe: Cpe): string | undefined {
  const concrete = (value: string): boolean => value !== '*' && value !== '-' && !/(^|[^\\])[*?]/.test(value);
  if (!concrete(cpe.vendor) || !concrete(cpe.product)) return undefined;
  return `${unquote(cpe.vendor).toLowerCase()}:${unquote(cpe.product).toLowerCase()}`;
}

function normalizeVendorProduct(text: string): string {
  return text.replace(/\\/g, '').toLowerCase();
}

/**
 * The `vendor:product` pairs of a configuration's vulnerable criteria: a component is only ever
 * looked up by what it is, and only a vulnerable criterion can make it affected.
 */
export function vulnerableVendorProducts(configuration: CpeConfiguration): Set<string> {
  const out = new Set<string>();
  const visit = (node: CpeNode): void => {
    for (const match of node.cpeMatch) {
      if (!match.vulnerable) continue;
      const cpe = Cpe.tryParse(match.criteria);
      const vp = cpe === undefined ? undefined : vendorProductOf(cpe);
      if (vp !== undefined) out.add(vp);
    }
    node.children.forEach(visit);
  };
  configuration.nodes.forEach(visit);
  return out;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
