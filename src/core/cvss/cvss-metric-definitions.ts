import type { CvssVersion } from '../vulnerability-cvss.js';

/** The metric groups of the CVSS specifications; v2 and v3 say temporal where v4 says threat. */
export type CvssMetricGroup = 'base' | 'temporal' | 'threat' | 'environmental' | 'supplemental';

/** One metric of a CVSS version: its group and the values a vector may give it. */
export interface CvssMetricDefinition {
  readonly group: CvssMetricGroup;
  readonly values: ReadonlySet<string>;
}

/** Every metric one CVSS version defines. */
export interface CvssMetricTable {
  /** Keyed by abbreviation, in the specification's vector order. */
  readonly metrics: ReadonlyMap<string, CvssMetricDefinition>;
  /** The base group: every vector of the version must carry all of it. */
  readonly mandatory: readonly string[];
}

function table(groups: Partial<Record<CvssMetricGroup, Record<string, readonly string[]>>>): CvssMetricTable {
  const metrics = new Map<string, CvssMetricDefinition>();
  for (const [group, entries] of Object.entries(groups) as [CvssMetricGroup, Record<string, readonly string[]>][]) {
    for (const [metric, values] of Object.entries(entries)) metrics.set(metric, { group, values: new Set(values) });
  }
  const mandatory = [...metrics].filter(([, definition]) => definition.group === 'base').map(([metric]) => metric);
  return { metrics, mandatory };
}

/**
 * CVSS v2.0 (FIRST, "A Complete Guide to the Common Vulnerability Scoring System Version 2.0",
 * §2.4, Table 13). Temporal and environmental metrics take `ND` (Not Defined) where later versions say `X`.
 */
const v2 = table({
  base: {
    AV: ['L', 'A', 'N'],
    AC: ['H', 'M', 'L'],
    Au: ['M', 'S', 'N'],
    C: ['N', 'P', 'C'],
    I: ['N', 'P', 'C'],
    A: ['N', 'P', 'C'],
  },
  temporal: { E: ['U', 'POC', 'F', 'H', 'ND'], RL: ['OF', 'TF', 'W', 'U', 'ND'], RC: ['UC', 'UR', 'C', 'ND'] },
  environmental: {
    CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'],
    TD: ['N', 'L', 'M', 'H', 'ND'],
    CR: ['L', 'M', 'H', 'ND'],
    IR: ['L', 'M', 'H', 'ND'],
    AR: ['L', 'M', 'H', 'ND'],
  },
});

/** CVSS v3.0 and v3.1 share their metrics and values (the specifications' "Vector String" sections); only formulas differ. */
const v3 = table({
  base: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'R'],
    S: ['U', 'C'],
    C: ['H', 'L', 'N'],
    I: ['H', 'L', 'N'],
    A: ['H', 'L', 'N'],
  },
  temporal: { E: ['X', 'H', 'F', 'P', 'U'], RL: ['X', 'U', 'W', 'T', 'O'], RC: ['X', 'C', 'R', 'U'] },
  environmental: {
    CR: ['X', 'H', 'M', 'L'],
    IR: ['X', 'H', 'M', 'L'],
    AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'],
    MAC: ['X', 'L', 'H'],
    MPR: ['X', 'N', 'L', 'H'],
    MUI: ['X', 'N', 'R'],
    MS: ['X', 'U', 'C'],
    MC: ['X', 'H', 'L', 'N'],
    MI: ['X', 'H', 'L', 'N'],
    MA: ['X', 'H', 'L', 'N'],
  },
});

/**
 * CVSS v4.0 (specification, "Vector String"; FIRST's JSON schema agrees). Safety (`S`) is a value of the modified subsequent
 * integrity and availability metrics only: base `SI`/`SA` and `MSC` do not take it.
 */
const v4 = table({
  base: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    AT: ['N', 'P'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'P', 'A'],
    VC: ['H', 'L', 'N'],
    VI: ['H', 'L', 'N'],
    VA: ['H', 'L', 'N'],
    SC: ['H', 'L', 'N'],
    SI: ['H', 'L', 'N'],
    SA: ['H', 'L', 'N'],
  },
  threat: { E: ['X', 'A', 'P', 'U'] },
  environmental: {
    CR: ['X', 'H', 'M', 'L'],
    IR: ['X', 'H', 'M', 'L'],
    AR: ['X', 'H', 'M', 'L'],
    MAV: ['X', 'N', 'A', 'L', 'P'],
    MAC: ['X', 'L', 'H'],
    MAT: ['X', 'N', 'P'],
    MPR: ['X', 'N', 'L', 'H'],
    MUI: ['X', 'N', 'P', 'A'],
    MVC: ['X', 'H', 'L', 'N'],
    MVI: ['X', 'H', 'L', 'N'],
    MVA: ['X', 'H', 'L', 'N'],
    MSC: ['X', 'H', 'L', 'N'],
    MSI: ['X', 'S', 'H', 'L', 'N'],
    MSA: ['X', 'S', 'H', 'L', 'N'],
  },
  supplemental: {
    S: ['X', 'N', 'P'],
    AU: ['X', 'N', 'Y'],
    R: ['X', 'A', 'U', 'I'],
    V: ['X', 'D', 'C'],
    RE: ['X', 'L', 'M', 'H'],
    U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
  },
});

/** The metrics of each CVSS version. */
export const cvssMetricTables: Readonly<Record<CvssVersion, CvssMetricTable>> = {
  '2.0': v2,
  '3.0': v3,
  '3.1': v3,
  '4.0': v4,
};
