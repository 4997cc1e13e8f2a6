import { Cpe } from '../core/cpe.js';
import type { Component, Sbom } from '../core/sbom.js';
import { vendorProductOf, type AdvisoryIndex } from './advisory-index.js';
import type { IdentityMapping } from './component-target.js';
import type { Finding } from './finding.js';
import { matchComponent } from './match-component.js';
import type { PlatformCpe, PlatformCpes } from './match-cpe-configurations.js';

export interface MatchSbomOptions {
  readonly identity?: IdentityMapping;
}

/**
 * Matches every component of an SBOM (and its subject, which for a device is often the firmware
 * or product with its own CPE) against the index. Findings are sorted by component name, version,
 * vulnerability id, then ref, comparing code units so the order does not depend on the locale.
 */
export function matchSbom(sbom: Sbom, index: AdvisoryIndex, options: MatchSbomOptions = {}): Finding[] {
  const components = sbom.subject === undefined ? sbom.components : [sbom.subject, ...sbom.components];
  const platform = platformCpesOf(components, options.identity);
  const findings = components.flatMap((component) =>
    matchComponent(component, index, {
      platform,
      ...(options.identity === undefined ? {} : { identity: options.identity }),
    }),
  );
  return findings.sort(compareFindings);
}

/** Deterministic finding order: component name, version, vulnerability id, component ref. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.component.name, b.component.name) ||
    compareText(a.component.version ?? '', b.component.version ?? '') ||
    compareText(a.vulnerabilityId, b.vulnerabilityId) ||
    compareText(a.component.ref, b.component.ref)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every component CPE (after manual mapping) by `vendor:product`: the platform AND configurations need. */
export function platformCpesOf(components: readonly Component[], identity: IdentityMapping | undefined): PlatformCpes {
  const out = new Map<string, PlatformCpe[]>();
  for (const component of components) {
    const manual = identity?.get(component.ref);
    const text = manual === undefined ? component.cpe : manual.cpe;
    const cpe = text === undefined ? undefined : Cpe.tryParse(text);
    const vp = cpe === undefined ? undefined : vendorProductOf(cpe);
    if (text === undefined || cpe === undefined || vp === undefined) continue;
    const entry: PlatformCpe = {
      ref: component.ref,
      cpe: text,
      ...(cpe.version === '*' && component.version !== undefined ? { version: component.version } : {}),
    };
    const list = out.get(vp);
    if (list === undefined) out.set(vp, [entry]);
    else list.push(entry);
  }
  return out;
}
