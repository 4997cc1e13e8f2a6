import { purlWithoutVersion } from './purl.js';
import type { Component } from './sbom.js';

/**
 * The key under which the same component, listed by several SBOMs of one product version
 * (firmware + application, say), is stored once: its purl when it has one, else its CPE,
 * else supplier, group, name and version. Case is folded on the name parts because SBOM
 * generators disagree on it; purls and CPEs are already canonical.
 */
export function componentIdentityKey(c: Component): string {
  if (c.purl !== undefined) return `purl:${c.purl}`;
  if (c.cpe !== undefined) return `cpe:${c.cpe}`;
  return `name:${lineageParts(c)}|${c.version ?? ''}`;
}

/**
 * The key that follows a component across versions, for SBOM diffs: the purl without its
 * version, else supplier + group + name. Two SBOMs that list a component under the same
 * lineage key with different versions show it as changed rather than as removed + added.
 */
export function componentLineageKey(c: Component): string {
  if (c.purl !== undefined) {
    const bare = tryPurlWithoutVersion(c.purl);
    if (bare !== undefined) return `purl:${bare}`;
  }
  return `name:${lineageParts(c)}`;
}

function lineageParts(c: Component): string {
  return [c.supplier ?? '', c.group ?? '', c.name].map((part) => part.trim().toLowerCase()).join('|');
}

function tryPurlWithoutVersion(purl: string): string | undefined {
  try {
    return purlWithoutVersion(purl);
  } catch {
    return undefined;
  }
}
