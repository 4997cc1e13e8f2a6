import type { SarifCvss, SarifFinding } from './sarif-input.js';
import type { SarifRule } from './sarif-log.js';
import { highestCvssScore, sarifLevelOf, securitySeverityOf } from './sarif-severity.js';

/** What the findings of one vulnerability say about it, merged. */
export interface SarifVulnerability {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly summary: string | null;
  readonly cvss: readonly SarifCvss[];
  readonly cwes: readonly string[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
  readonly kev: boolean;
  readonly epss: number | null;
  readonly highestScore: number | undefined;
}

/**
 * One vulnerability per id, sorted by id. Findings of the same vulnerability normally carry
 * the same data; should they differ, lists are unioned and the first summary (in the given
 * order) wins, so the result depends only on the findings, not on which came first.
 */
export function sarifVulnerabilitiesOf(findings: readonly SarifFinding[]): SarifVulnerability[] {
  const byId = new Map<string, SarifFinding[]>();
  for (const finding of findings) {
    const list = byId.get(finding.vulnerability.id);
    if (list === undefined) byId.set(finding.vulnerability.id, [finding]);
    else list.push(finding);
  }
  return [...byId.entries()].sort(([a], [b]) => compareText(a, b)).map(([id, list]) => merge(id, list));
}

function merge(id: string, findings: readonly SarifFinding[]): SarifVulnerability {
  const vulnerabilities = findings.map((f) => f.vulnerability);
  const cvss = new Map<string, SarifCvss>();
  for (const score of vulnerabilities.flatMap((v) => v.cvss)) {
    const key = `${score.source}\u0000${score.version}\u0000${score.vector}`;
    const known = cvss.get(key);
    if (known === undefined || (known.score === null && score.score !== null)) cvss.set(key, score);
  }
  const references = new Map<string, { type: string; url: string }>();
  for (const reference of vulnerabilities.flatMap((v) => v.references)) {
    if (!references.has(reference.url)) references.set(reference.url, { type: reference.type, url: reference.url });
  }
  const cvssList = [...cvss.values()].sort(
    (a, b) => compareText(a.source, b.source) || compareText(a.version, b.version) || compareText(a.vector, b.vector),
  );
  const epss = vulnerabilities.flatMap((v) => (v.epss === null ? [] : [v.epss]));
  return {
    id,
    aliases: sortedUnique(vulnerabilities.flatMap((v) => v.aliases).filter((alias) => alias !== id)),
    summary: vulnerabilities.find((v) => v.summary !== null && v.summary.trim() !== '')?.summary?.trim() ?? null,
    cvss: cvssList,
    cwes: sortedUnique(vulnerabilities.flatMap((v) => v.cwes)),
    references: [...references.values()],
    kev: vulnerabilities.some((v) => v.kev),
    epss: epss.length === 0 ? null : Math.max(...epss),
    highestScore: highestCvssScore(cvssList),
  };
}

/** The reporting descriptor of one vulnerability: what GitHub shows as the alert's rule. */
export function sarifRuleOf(vulnerability: SarifVulnerability): SarifRule {
  const { id, summary, highestScore } = vulnerability;
  const helpUri = helpUriOf(vulnerability.references);
  return {
    id,
    shortDescription: { text: summary ?? id },
    ...(helpUri === undefined ? {} : { helpUri }),
    help: { text: helpTextOf(vulnerability) },
    defaultConfiguration: { level: sarifLevelOf(highestScore) },
    properties: {
      tags: ['security', 'vulnerability'],
      aliases: vulnerability.aliases,
      cvss: vulnerability.cvss.map((c) => ({ version: c.version, vector: c.vector, score: c.score, source: c.source })),
      cwes: vulnerability.cwes,
      kev: vulnerability.kev,
      ...(vulnerability.epss === null ? {} : { epss: vulnerability.epss }),
      ...(highestScore === undefined ? {} : { 'security-severity': securitySeverityOf(highestScore) }),
    },
  };
}

/** The advisory itself when a source names one, else the first web page; only absolute http(s) URLs (the schema's `uri`). */
function helpUriOf(references: readonly { readonly type: string; readonly url: string }[]): string | undefined {
  const usable = references.filter((r) => isHttpUrl(r.url));
  const pick = (type: string) => usable.find((r) => r.type.toUpperCase() === type)?.url;
  return pick('ADVISORY') ?? pick('WEB');
}

function helpTextOf(v: SarifVulnerability): string {
  const lines = [`${v.id}: ${v.summary ?? 'no summary given by the sources'}`];
  if (v.aliases.length > 0) lines.push(`Aliases: ${v.aliases.join(', ')}`);
  for (const c of v.cvss)
    lines.push(`CVSS ${c.version}: ${c.score === null ? '' : `${c.score} `}${c.vector} (${c.source})`);
  if (v.cwes.length > 0) lines.push(`Weaknesses: ${v.cwes.join(', ')}`);
  if (v.kev) lines.push('Known exploited (CISA KEV).');
  if (v.epss !== null) lines.push(`EPSS probability: ${v.epss}`);
  if (v.references.length > 0) lines.push('References:', ...v.references.map((r) => `- ${r.url}`));
  return lines.join('\n');
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
