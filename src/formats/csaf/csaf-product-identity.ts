import { Cpe } from '../../core/cpe.js';
import { unquote } from '../../core/range/cpe-attribute-match.js';
import { Purl } from '../../core/purl.js';
import type { CsafWarn } from './csaf-json.js';
import type { CsafProduct, CsafProductTree } from './csaf-product-tree.js';
import {
  csafPackageOfPurl,
  isDistroPurl,
  releaseFromPlatformCpe,
  versionOfPurl,
  type CsafPackage,
} from './csaf-purl-package.js';
import { looksLikeRange, readCsafRange, type CsafVersionSpec } from './csaf-version-range.js';

/** A product identified by a purl: the package and the version(s) the product stands for. */
export interface CsafPackageTarget {
  readonly pkg: CsafPackage;
  readonly version: CsafVersionSpec;
}

/** A product identified only by a CPE. */
export interface CsafCpeTarget {
  /** The product's CPE as a 2.3 formatted string. */
  readonly criteria: string;
  /** The same CPE with version ANY, lower-case: the product line statements are grouped by. */
  readonly line: string;
  /** True when the CPE itself names one version. */
  readonly versioned: boolean;
  readonly version: CsafVersionSpec;
  /** CPEs (2.3) of the products this one is a component of or installed on. */
  readonly platforms: readonly string[];
}

/** A product id resolved to what can be matched. */
export interface ResolvedCsafProduct {
  /** The product the document refers to. */
  readonly product: CsafProduct;
  /** The product the statement is about: the product itself, or the component of a combination. */
  readonly component: CsafProduct;
  /** What the component is part of or installed on (relationships, product paths). */
  readonly platforms: readonly CsafProduct[];
  /** One per valid purl: such a product matches by package key. */
  readonly packages: readonly CsafPackageTarget[];
  /** Set when the product has no valid purl but a valid CPE. */
  readonly cpe?: CsafCpeTarget;
  /** The version from the branch path, for products with neither (`none` for the others). */
  readonly version: CsafVersionSpec;
}

/**
 * Resolves every product of the tree once: a combined product (relationship, product path)
 * stands for its component on its platforms, unless it carries identifiers of its own. Invalid
 * purls and CPEs, unknown references and cycles (CSAF mandatory tests 6.1.1, 6.1.3, 6.1.13) are
 * reported and leave the product without that identifier.
 */
export function resolveCsafProducts(tree: CsafProductTree, report: CsafWarn): Map<string, ResolvedCsafProduct> {
  // A component shared by many combinations is resolved once per combination; say each problem once.
  const said = new Set<string>();
  const warn: CsafWarn = (pointer, message) => {
    const key = `${pointer}\u0000${message}`;
    if (said.has(key)) return;
    said.add(key);
    report(pointer, message);
  };
  const out = new Map<string, ResolvedCsafProduct>();
  for (const product of tree.products.values()) {
    const { component, platforms } = followCombination(product, tree, warn);
    const packages = packageTargets(component, platforms, warn);
    const cpe = packages.length === 0 ? cpeTarget(component, platforms, warn) : undefined;
    const version: CsafVersionSpec =
      packages.length === 0 && cpe === undefined ? branchVersion(component, 'generic', warn) : { kind: 'none' };
    out.set(product.id, {
      product,
      component,
      platforms,
      packages,
      ...(cpe === undefined ? {} : { cpe }),
      version,
    });
  }
  return out;
}

function followCombination(
  product: CsafProduct,
  tree: CsafProductTree,
  warn: CsafWarn,
): { component: CsafProduct; platforms: CsafProduct[] } {
  const platforms: CsafProduct[] = [];
  const seen = new Set<string>([product.id]);
  let current = product;
  while (current.combination !== undefined && current.purls.length === 0 && current.cpe === undefined) {
    const { component, platforms: platformIds } = current.combination;
    for (const id of platformIds) {
      if (id === product.id)
        warn(current.pointer, `product '${product.id}' is defined as installed on or part of itself`);
      else addPlatform(id, current, tree, platforms, warn);
    }
    const next = tree.products.get(component);
    if (next === undefined) {
      warn(current.pointer, `refers to undefined product '${component}' as its component`);
      break;
    }
    if (seen.has(next.id)) {
      warn(current.pointer, `product '${product.id}' is defined by a cycle of relationships through '${next.id}'`);
      break;
    }
    seen.add(next.id);
    current = next;
  }
  return { component: current, platforms };
}

/**
 * Adds a platform and, when it is itself a combination (Red Hat: an rpm is a component of a module
 * that is a component of a product stream), its component and platforms, so the product with the
 * CPE at the end of the chain is among them.
 */
function addPlatform(
  id: string,
  from: CsafProduct,
  tree: CsafProductTree,
  platforms: CsafProduct[],
  warn: CsafWarn,
): void {
  const platform = tree.products.get(id);
  if (platform === undefined) {
    warn(from.pointer, `refers to undefined product '${id}' as its platform`);
    return;
  }
  if (platforms.includes(platform)) return;
  platforms.push(platform);
  const inner = platform.combination;
  if (inner === undefined) return;
  for (const next of [inner.component, ...inner.platforms]) addPlatform(next, platform, tree, platforms, warn);
}

/** The version a product's branches give, read with `scheme` when it is a range. */
function branchVersion(product: CsafProduct, scheme: string, warn: CsafWarn): CsafVersionSpec {
  if (product.versionRange !== undefined) return readCsafRange(product.versionRange, scheme);
  if (product.version === undefined) return { kind: 'none' };
  if (looksLikeRange(product.version)) {
    warn(product.pointer, `product_version '${product.version}' is a range; read as product_version_range`);
    return readCsafRange(product.version, scheme);
  }
  return { kind: 'exact', version: product.version };
}

function packageTargets(
  component: CsafProduct,
  platforms: readonly CsafProduct[],
  warn: CsafWarn,
): CsafPackageTarget[] {
  const out: CsafPackageTarget[] = [];
  for (const text of component.purls) {
    const purl = Purl.tryParse(text);
    if (purl === undefined) {
      warn(component.pointer, `invalid purl '${text}': ignored`);
      continue;
    }
    const release =
      isDistroPurl(purl) && purl.qualifiers['distro'] === undefined
        ? platforms
            .map((platform) => (platform.cpe === undefined ? undefined : releaseFromPlatformCpe(platform.cpe, purl)))
            .find((found) => found !== undefined)
        : undefined;
    const pkg = csafPackageOfPurl(purl, release);
    const exact = versionOfPurl(purl);
    const fromBranches = branchVersion(component, pkg.versScheme, warn);
    if (fromBranches.kind === 'range' && exact !== undefined) {
      warn(component.pointer, `purl version '${exact}' ignored: the product is the range '${fromBranches.text}'`);
    }
    const version: CsafVersionSpec =
      fromBranches.kind === 'range' || exact === undefined ? fromBranches : { kind: 'exact', version: exact };
    out.push({ pkg, version });
  }
  return out;
}

function cpeTarget(
  component: CsafProduct,
  platforms: readonly CsafProduct[],
  warn: CsafWarn,
): CsafCpeTarget | undefined {
  if (component.cpe === undefined) return undefined;
  const cpe = Cpe.tryParse(component.cpe);
  if (cpe === undefined) {
    warn(component.pointer, `invalid CPE '${component.cpe}': ignored`);
    return undefined;
  }
  const versioned = cpe.version !== '*' && cpe.version !== '-';
  const platformCpes = platforms.flatMap((platform) => {
    const parsed = platform.cpe === undefined ? undefined : Cpe.tryParse(platform.cpe);
    return parsed === undefined ? [] : [Cpe.format(parsed)];
  });
  return {
    criteria: Cpe.format(cpe),
    line: Cpe.format({ ...cpe, version: '*' }).toLowerCase(),
    versioned,
    version: versioned ? { kind: 'exact', version: unquote(cpe.version) } : branchVersion(component, 'generic', warn),
    platforms: [...new Set(platformCpes)],
  };
}
