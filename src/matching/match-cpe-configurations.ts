import { Cpe } from '../core/cpe.js';
import { evaluateCpeConfiguration, type CpeCriterionHit } from '../core/range/cpe-configuration.js';
import { matchCpeCriterion, type CpeComponentInput } from '../core/range/cpe-range.js';
import type { CpeConfiguration, CpeMatch, CpeNode } from '../core/vulnerability-cpe-configuration.js';
import { configurationsFor, vendorProductOf, type AdvisoryIndex, type IndexedConfiguration } from './advisory-index.js';
import type { ComponentTarget } from './component-target.js';
import type { Finding, FindingComponent, FindingStatus } from './finding.js';

/** A CPE of another component of the same product, which can satisfy an AND configuration's platform. */
export interface PlatformCpe extends CpeComponentInput {
  readonly ref: string;
}

/** The product's other CPEs by `vendor:product`, so a configuration only sees the ones it names. */
export type PlatformCpes = ReadonlyMap<string, readonly PlatformCpe[]>;

/**
 * CPE fallback (NVD configurations) for a component without a usable purl. Guards against the
 * false positives CPE matching is known for: the component's vendor AND product must both be
 * concrete and equal to a vulnerable criterion's (after the configured alias table), a platform
 * criterion alone never makes it affected, and every finding is `low` confidence.
 */
export function matchCpeConfigurations(options: {
  readonly target: ComponentTarget & { readonly cpe: string };
  readonly index: AdvisoryIndex;
  readonly component: FindingComponent;
  readonly platform?: PlatformCpes;
}): Finding[] {
  const { target, index } = options;
  const parsed = Cpe.tryParse(target.cpe);
  const own = parsed === undefined ? undefined : vendorProductOf(parsed);
  if (parsed === undefined || own === undefined) return [];
  const aliased = index.cpeAliases.get(own);
  const lookup = aliased ?? own;
  const cpe = aliased === undefined ? target.cpe : withVendorProduct(parsed, aliased);
  // A concrete version in the CPE is in NVD's version vocabulary; the SBOM version only fills in `*`.
  const version = parsed.version === '*' ? target.version : undefined;
  const self: CpeComponentInput = { cpe, ...(version === undefined ? {} : { version }) };
  const decided = new Map<string, { status: FindingStatus; indexed: IndexedConfiguration; hit: CpeCriterionHit }>();
  for (const indexed of configurationsFor(index, lookup)) {
    const id = indexed.vulnerability.id;
    if (decided.get(id)?.status === 'affected') continue;
    const platform = platformFor(indexed.configuration, options.platform, options.component.ref);
    const verdict = evaluateCpeConfiguration(indexed.configuration, [self, ...platform]);
    const ownHit = (outcome: string): CpeCriterionHit | undefined =>
      verdict.hits.find((h) => h.component === 0 && h.vulnerable && h.outcome.outcome === outcome);
    const hit =
      verdict.status === 'affected' && verdict.components.includes(0)
        ? ownHit('match')
        : verdict.status === 'unknown-version'
          ? ownHit('unknown-version')
          : undefined;
    if (hit === undefined) continue;
    const status: FindingStatus = hit.outcome.outcome === 'match' ? 'affected' : 'unknown-version';
    if (!decided.has(id) || status === 'affected') decided.set(id, { status, indexed, hit });
  }
  return [...decided.values()].map(({ status, indexed, hit }) => ({
    vulnerabilityId: indexed.vulnerability.id,
    aliases: indexed.vulnerability.aliases,
    component: options.component,
    status,
    fixedVersions: fixedVersions(indexed.configuration, self),
    evidence: {
      source: indexed.vulnerability.source,
      ...(indexed.vulnerability.sourceUrl === undefined ? {} : { sourceUrl: indexed.vulnerability.sourceUrl }),
      method: 'cpe',
      confidence: 'low',
      identity: {
        origin: target.origin,
        cpe: target.cpe,
        ...(target.note === undefined ? {} : { note: target.note }),
      },
      matched: {
        kind: 'cpe-configuration',
        configurationIndex: indexed.configurationIndex,
        criteria: hit.criteria,
        ...(aliased === undefined ? {} : { alias: { from: own, to: aliased } }),
      },
      range: hit.criteria,
      ...(hit.outcome.event === undefined ? {} : { event: hit.outcome.event }),
      version: version ?? parsed.version.replace(/\\/g, ''),
      ...(hit.outcome.scheme === undefined ? {} : { scheme: hit.outcome.scheme }),
      reason: hit.outcome.reason,
      notes: [...target.notes],
    },
  }));
}

/** The product's other CPEs that some criterion of the configuration names. */
function platformFor(configuration: CpeConfiguration, platform: PlatformCpes | undefined, ref: string): PlatformCpe[] {
  if (platform === undefined) return [];
  const out = new Set<PlatformCpe>();
  for (const match of allMatches(configuration)) {
    const criterion = Cpe.tryParse(match.criteria);
    const vp = criterion === undefined ? undefined : vendorProductOf(criterion);
    for (const candidate of vp === undefined ? [] : (platform.get(vp) ?? [])) {
      if (candidate.ref !== ref) out.add(candidate);
    }
  }
  return [...out];
}

/** `versionEndExcluding` of the vulnerable criteria the component matches (or cannot be ordered against). */
function fixedVersions(configuration: CpeConfiguration, self: CpeComponentInput): string[] {
  const out: string[] = [];
  for (const match of allMatches(configuration)) {
    if (!match.vulnerable || match.versionEndExcluding === undefined || out.includes(match.versionEndExcluding))
      continue;
    const outcome = matchCpeCriterion(match, self).outcome;
    if (outcome === 'match' || outcome === 'unknown-version') out.push(match.versionEndExcluding);
  }
  return out;
}

function allMatches(configuration: CpeConfiguration): CpeMatch[] {
  const out: CpeMatch[] = [];
  const visit = (node: CpeNode): void => {
    out.push(...node.cpeMatch);
    node.children.forEach(visit);
  };
  configuration.nodes.forEach(visit);
  return out;
}

/** The component CPE with the alias table's vendor and product, quoted as a formatted string needs. */
function withVendorProduct(cpe: Cpe, vendorProduct: string): string {
  const [vendor = '', product = ''] = vendorProduct.split(':');
  const quote = (value: string): string => value.replace(/[^a-z0-9._-]/gi, (c) => `\\${c}`);
  return Cpe.format({ ...cpe, vendor: quote(vendor), product: quote(product) });
}
