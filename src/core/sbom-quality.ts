import type { Component, DependencyEdge, Sbom } from './sbom.js';

/**
 * The per-component elements of the NTIA minimum elements (July 2021) plus the two fields
 * the FDA premarket guidance (V.A.4) adds; each is a test a component passes or not.
 */
export const componentElements = {
  supplier: (c) => present(c.supplier),
  name: (c) => present(c.name),
  version: (c) => present(c.version),
  // NTIA "other unique identifiers": purl, CPE, SWID or hashes all qualify.
  uniqueIdentifier: (c) => present(c.purl) || present(c.cpe) || c.hashes.length > 0,
  dependencyRelationship: (c, graph) => graph.has(c.ref),
  levelOfSupport: (c) => present(c.levelOfSupport),
  endOfSupportDate: (c) => present(c.endOfSupportDate),
} satisfies Record<string, (c: Component, graph: ReadonlySet<string>) => boolean>;

export type ComponentElement = keyof typeof componentElements;

/** Which elements belong to which framework, so the report can say "NTIA complete" and "FDA complete". */
export const ntiaComponentElements: readonly ComponentElement[] = [
  'supplier',
  'name',
  'version',
  'uniqueIdentifier',
  'dependencyRelationship',
];
export const fdaComponentElements: readonly ComponentElement[] = ['levelOfSupport', 'endOfSupportDate'];

/** A component named in a report, enough for a person to find it in the document. */
export interface ComponentRef {
  readonly ref: string;
  readonly name: string;
  readonly version: string | null;
}

export interface ComponentElementCoverage {
  readonly element: ComponentElement;
  readonly framework: 'ntia' | 'fda';
  readonly present: number;
  readonly total: number;
  /** present / total, 1 when there are no components. */
  readonly share: number;
  readonly missing: readonly ComponentRef[];
}

export interface DocumentElementCoverage {
  readonly element: 'author' | 'timestamp';
  readonly framework: 'ntia';
  readonly present: boolean;
}

/** The quality of one SBOM (or of the merged components of a product version). */
export interface SbomQualityReport {
  readonly componentCount: number;
  readonly components: readonly ComponentElementCoverage[];
  readonly document: readonly DocumentElementCoverage[];
  /** Every NTIA element present for every component and at document level. */
  readonly ntiaComplete: boolean;
  /** NTIA complete and every component carries the FDA support fields. */
  readonly fdaComplete: boolean;
}

/**
 * Measures an SBOM against the NTIA minimum elements and the FDA support fields. The
 * described product (subject) counts as a component: FDA reviewers ask for it too.
 */
export function assessQuality(
  sbom: Pick<Sbom, 'subject' | 'components' | 'dependencies' | 'metadata'>,
): SbomQualityReport {
  const all = sbom.subject ? [sbom.subject, ...sbom.components] : [...sbom.components];
  const graph = nodesInGraph(sbom.dependencies);
  const components = (Object.keys(componentElements) as ComponentElement[]).map((element) =>
    coverage(element, all, graph),
  );
  const document: DocumentElementCoverage[] = [
    // NTIA "author of SBOM data": a person or organization, or failing that the generating tool.
    { element: 'author', framework: 'ntia', present: sbom.metadata.authors.length + sbom.metadata.tools.length > 0 },
    { element: 'timestamp', framework: 'ntia', present: present(sbom.metadata.timestamp) },
  ];
  const complete = (framework: 'ntia' | 'fda'): boolean =>
    components.filter((c) => c.framework === framework).every((c) => c.present === c.total);
  const ntiaComplete = complete('ntia') && document.every((d) => d.present);
  return {
    componentCount: all.length,
    components,
    document,
    ntiaComplete,
    fdaComplete: ntiaComplete && complete('fda'),
  };
}

function coverage(
  element: ComponentElement,
  all: readonly Component[],
  graph: ReadonlySet<string>,
): ComponentElementCoverage {
  const test = componentElements[element];
  const missing = all
    .filter((c) => !test(c, graph))
    .map((c) => ({ ref: c.ref, name: c.name, version: c.version ?? null }));
  const presentCount = all.length - missing.length;
  return {
    element,
    framework: fdaComponentElements.includes(element) ? 'fda' : 'ntia',
    present: presentCount,
    total: all.length,
    share: all.length === 0 ? 1 : presentCount / all.length,
    missing,
  };
}

function nodesInGraph(edges: readonly DependencyEdge[]): Set<string> {
  const nodes = new Set<string>();
  for (const e of edges) {
    nodes.add(e.from);
    nodes.add(e.to);
  }
  return nodes;
}

function present(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '' && value !== 'NOASSERTION';
}
