import type { AffectedProduct } from '../../core/vulnerability-affected-product.js';
import type { SsvcDecision } from '../../core/vulnerability-cisa-adp.js';
import { CvssScore, type SeverityRating } from '../../core/vulnerability-cvss.js';
import type { KnownExploitedFlag, VulnerabilityReference } from '../../core/vulnerability.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import { referenceTypeFromTags } from '../nvd/reference-type.js';
import { collectionPurl } from './cve5-collection-purl.js';
import {
  cve5MetricSchema,
  cve5ProblemTypeSchema,
  cve5ProductSchema,
  cve5ReferenceSchema,
  type Cve5ContainerJson,
} from './cve5-schema.js';

/** What one CVE 5 container (the CNA's or an ADP's) says. */
export interface Cve5ContainerView {
  readonly provider: string;
  readonly cvss: CvssScore[];
  readonly ratings: SeverityRating[];
  readonly ssvc?: SsvcDecision;
  readonly knownExploited?: KnownExploitedFlag;
  readonly cwes: string[];
  readonly products: AffectedProduct[];
  readonly references: VulnerabilityReference[];
}

type Writable = { -readonly [K in keyof Cve5ContainerView]: Cve5ContainerView[K] };

interface Context {
  readonly pointer: string;
  readonly recordId: string;
  readonly warnings: FeedDiagnostic[];
}

const cvssKeys = ['cvssV2_0', 'cvssV3_0', 'cvssV3_1', 'cvssV4_0'] as const;

/** Reads a container's metrics, problem types, affected products and references, item by item. */
export function readCve5Container(json: Cve5ContainerJson, ctx: Context): Cve5ContainerView {
  const provider = json.providerMetadata?.shortName ?? 'unknown';
  const view: Writable = {
    provider,
    cvss: [],
    ratings: [],
    cwes: [],
    products: [],
    references: [],
  };
  const each = <T>(
    list: readonly unknown[] | undefined,
    name: string,
    schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
    use: (item: T, path: string) => void,
  ): void => {
    (list ?? []).forEach((raw, index) => {
      const path = `${ctx.pointer}/${name}/${index}`;
      const parsed = schema.safeParse(raw);
      if (parsed.success) use(parsed.data, path);
      else
        ctx.warnings.push({
          severity: 'warning',
          path,
          recordId: ctx.recordId,
          message: `malformed ${name} entry: ignored`,
        });
    });
  };

  each(json.metrics, 'metrics', cve5MetricSchema, (metric, path) => {
    for (const key of cvssKeys) {
      const entry = metric[key];
      if (entry === undefined) continue;
      const score = CvssScore.fromVector({
        vector: entry.vectorString,
        source: provider,
        baseScore: entry.baseScore,
        baseSeverity: entry.baseSeverity,
      });
      if (score === undefined) {
        ctx.warnings.push({
          severity: 'warning',
          path: `${path}/${key}`,
          recordId: ctx.recordId,
          message: `'${entry.vectorString}' is not a CVSS vector: ignored`,
        });
      } else view.cvss.push(score);
    }
    if (metric.other !== undefined) readOther(metric.other, provider, view);
  });
  each(json.problemTypes, 'problemTypes', cve5ProblemTypeSchema, (problem) => {
    for (const d of problem.descriptions) {
      const cwe = d.cweId ?? (d.type === 'CWE' ? /^CWE-\d+/.exec(d.description ?? '')?.[0] : undefined);
      if (cwe !== undefined && /^CWE-\d+$/.test(cwe) && !view.cwes.includes(cwe)) view.cwes.push(cwe);
    }
  });
  each(json.affected, 'affected', cve5ProductSchema, (product) => {
    const purl = collectionPurl(product.collectionURL, product.packageName);
    view.products.push({
      provider,
      ...optional('vendor', product.vendor),
      ...optional('product', product.product),
      ...optional('packageName', product.packageName),
      ...optional('collectionUrl', product.collectionURL),
      ...optional('purl', purl),
      ...optional('repo', product.repo),
      cpes: product.cpes ?? [],
      platforms: product.platforms ?? [],
      ...(product.defaultStatus === undefined ? {} : { defaultStatus: product.defaultStatus }),
      versions: (product.versions ?? []).map((v) => ({
        version: v.version,
        status: v.status,
        ...optional('versionType', v.versionType),
        ...optional('lessThan', v.lessThan),
        ...optional('lessThanOrEqual', v.lessThanOrEqual),
        changes: v.changes ?? [],
      })),
    });
  });
  each(json.references, 'references', cve5ReferenceSchema, (ref) => {
    view.references.push({ type: referenceTypeFromTags(ref.tags ?? []), url: ref.url });
  });
  return view;
}

/** `other` metrics: CISA's SSVC decision points, its KEV marker, and text severities. */
function readOther(other: { type: string; content: unknown }, provider: string, view: Writable): void {
  const content =
    typeof other.content === 'object' && other.content !== null ? (other.content as Record<string, unknown>) : {};
  if (other.type === 'ssvc') {
    view.ssvc = readSsvc(content);
  } else if (other.type === 'kev' && typeof content['dateAdded'] === 'string') {
    view.knownExploited = {
      dateAdded: content['dateAdded'],
      ...(typeof content['reference'] === 'string' ? { reference: content['reference'] } : {}),
    };
  } else if (typeof content['value'] === 'string' || typeof content['text'] === 'string') {
    view.ratings.push({ source: provider, rating: String(content['value'] ?? content['text']) });
  }
}

/** SSVC 2.0.3 decision points from `options: [{Exploitation: …}, {Automatable: …}, {"Technical Impact": …}]`. */
function readSsvc(content: Record<string, unknown>): SsvcDecision {
  const options = Array.isArray(content['options']) ? (content['options'] as unknown[]) : [];
  const values = new Map<string, string>();
  for (const option of options) {
    if (typeof option !== 'object' || option === null) continue;
    for (const [key, value] of Object.entries(option)) {
      if (typeof value === 'string') values.set(key.toLowerCase().replace(/\s+/g, ''), value.toLowerCase());
    }
  }
  const text = (key: string): string | undefined => {
    const value = content[key];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    ...optional('exploitation', values.get('exploitation')),
    ...optional('automatable', values.get('automatable')),
    ...optional('technicalImpact', values.get('technicalimpact')),
    ...optional('version', text('version')),
    ...optional('role', text('role')),
    ...optional('timestamp', text('timestamp')),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
