import type { Component } from '../core/sbom.js';
import type { AdvisoryIndex } from './advisory-index.js';
import { componentTarget, type IdentityMapping } from './component-target.js';
import type { Finding, FindingComponent } from './finding.js';
import { matchAffectedEntries } from './match-affected-entries.js';
import { matchCpeConfigurations, type PlatformCpes } from './match-cpe-configurations.js';

export interface MatchComponentOptions {
  /** Analysts' identity decisions by component ref; they override the SBOM's purl and CPE. */
  readonly identity?: IdentityMapping;
  /** The other components' CPEs, for NVD configurations that need a platform (AND nodes). */
  readonly platform?: PlatformCpes;
}

/**
 * The vulnerabilities that affect (or may affect) one component. Purl first: the component's
 * package key looks up the OSV entries naming it. Only a component without a purl that keys an
 * ecosystem (none at all, an invalid one, or a `generic`/unknown type) falls back to its CPE
 * against NVD configurations, with `low` confidence. Not-affected results are not findings; an
 * unplaceable version is an `unknown-version` finding with the reason.
 */
export function matchComponent(
  component: Component,
  index: AdvisoryIndex,
  options: MatchComponentOptions = {},
): Finding[] {
  const target = componentTarget(component, options.identity);
  const described: FindingComponent = {
    ref: component.ref,
    name: component.name,
    ...(component.version === undefined ? {} : { version: component.version }),
    ...(component.purl === undefined ? {} : { purl: component.purl }),
    ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
  };
  const key = target.key;
  if (key !== undefined) return matchAffectedEntries({ target: { ...target, key }, index, component: described });
  const cpe = target.cpe;
  if (cpe === undefined) return [];
  return matchCpeConfigurations({
    target: { ...target, cpe },
    index,
    component: described,
    ...(options.platform === undefined ? {} : { platform: options.platform }),
  });
}
