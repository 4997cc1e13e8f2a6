import { Cpe } from '../core/cpe.js';
import { Purl } from '../core/purl.js';
import type { Component } from '../core/sbom.js';
import type { Vulnerability } from '../core/vulnerability.js';
import { vendorProductOf, vulnerableVendorProducts } from './advisory-index.js';
import { componentTarget, type IdentityMapping } from './component-target.js';
import { packageKeyOfAffected, type PackageKey } from './package-key.js';

/**
 * Match keys are the coarse meeting points a database can index: an advisory is filed under
 * the match keys of everything it names, a component under the one key it is looked up by,
 * and two things can only ever match when their keys are equal. The keys are coarser than the
 * matcher (a distribution package's key leaves out the release), so the store finds every
 * candidate with one indexed equality and the exact rules in `matchComponent` decide. That is
 * what lets a feed update re-evaluate only the components its advisories touch.
 *
 * Forms: `p:<package key>` for language packages, `d:<type>:<vendor>:<name>` for distribution
 * packages of any release, `c:<vendor>:<product>` for the CPE fallback.
 */
export type MatchKey = string;

/** The key a package is filed under: releases of one distribution package share it. */
export function matchKeyOfPackage(key: PackageKey): MatchKey {
  return key.distro === undefined ? `p:${key.key}` : `d:${key.distro.baseKey}`;
}

/**
 * The key a component is looked up by, after manual identity mapping: its package key when it
 * has a purl that keys an ecosystem, else its CPE's `vendor:product` (the fallback the matcher
 * uses), else none: such a component cannot match anything.
 */
export function matchKeyOfComponent(component: Component, mapping?: IdentityMapping): MatchKey | undefined {
  const target = componentTarget(component, mapping);
  if (target.key !== undefined) return matchKeyOfPackage(target.key);
  if (target.cpe === undefined) return undefined;
  const cpe = Cpe.tryParse(target.cpe);
  const vendorProduct = cpe === undefined ? undefined : vendorProductOf(cpe);
  return vendorProduct === undefined ? undefined : `c:${vendorProduct}`;
}

/** Every key a vulnerability record is filed under (none for a withdrawn one is the caller's choice). */
export function matchKeysOfVulnerability(vulnerability: Vulnerability): MatchKey[] {
  const keys = new Set<MatchKey>();
  for (const affected of vulnerability.affected) {
    const key = packageKeyOfAffected(affected, (text) => Purl.tryParse(text));
    if (key !== undefined) keys.add(matchKeyOfPackage(key));
  }
  for (const configuration of vulnerability.cpeConfigurations) {
    for (const vendorProduct of vulnerableVendorProducts(configuration)) keys.add(`c:${vendorProduct}`);
  }
  return [...keys].sort();
}
