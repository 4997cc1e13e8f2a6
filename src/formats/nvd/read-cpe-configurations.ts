import { Cpe } from '../../core/cpe.js';
import type { CpeConfiguration, CpeMatch, CpeNode } from '../../core/vulnerability-cpe-configuration.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';

type Json = Record<string, unknown>;

interface Context {
  readonly recordId: string;
  readonly warnings: FeedDiagnostic[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/**
 * Reads NVD CVE API 2.0 `configurations[]` (also the identical CVE 5.1 `cpeApplicability`):
 * each configuration's `nodes` combined by its `operator`, each node's `cpeMatch` combined by
 * the node's `operator`, either possibly negated. Matches whose `criteria` is not a CPE are
 * dropped with a warning.
 */
export function readCpeConfigurations(value: unknown, pointer: string, ctx: Context): CpeConfiguration[] {
  return list(value).flatMap((config, index) => {
    const at = `${pointer}/${index}`;
    if (!isObject(config)) return warnDrop(ctx, at, 'configuration is not an object: ignored');
    const nodes = list(config['nodes']).flatMap((node, n) => readNode(node, `${at}/nodes/${n}`, ctx));
    if (nodes.length === 0) return warnDrop(ctx, at, 'configuration has no readable nodes: ignored');
    return [
      { operator: operatorOf(config['operator'], `${at}/operator`, ctx), negate: config['negate'] === true, nodes },
    ];
  });
}

/**
 * Reads the legacy NVD JSON 1.1 feed's `configurations.nodes` (nodes with `cpe_match`,
 * `cpe23Uri` and nested `children`). Each top-level node is one applicability statement.
 */
export function readLegacyCpeNodes(value: unknown, pointer: string, ctx: Context): CpeConfiguration[] {
  return list(value).flatMap((node, index) =>
    readNode(node, `${pointer}/${index}`, ctx).map((read) => ({
      operator: 'OR' as const,
      negate: false,
      nodes: [read],
    })),
  );
}

function readNode(value: unknown, at: string, ctx: Context): CpeNode[] {
  if (!isObject(value)) return warnDrop(ctx, at, 'node is not an object: ignored');
  const matchKey = 'cpeMatch' in value ? 'cpeMatch' : 'cpe_match';
  const cpeMatch = list(value[matchKey]).flatMap((match, m) => readMatch(match, `${at}/${matchKey}/${m}`, ctx));
  const children = list(value['children']).flatMap((child, c) => readNode(child, `${at}/children/${c}`, ctx));
  if (cpeMatch.length === 0 && children.length === 0)
    return warnDrop(ctx, at, 'node has no readable CPE matches: ignored');
  return [
    {
      operator: operatorOf(value['operator'], `${at}/operator`, ctx),
      negate: value['negate'] === true,
      cpeMatch,
      children,
    },
  ];
}

const bounds = [
  'versionStartIncluding',
  'versionStartExcluding',
  'versionEndIncluding',
  'versionEndExcluding',
] as const;

function readMatch(value: unknown, at: string, ctx: Context): CpeMatch[] {
  if (!isObject(value)) return warnDrop(ctx, at, 'CPE match is not an object: ignored');
  const criteria = value['criteria'] ?? value['cpe23Uri'];
  if (typeof criteria !== 'string' || Cpe.tryParse(criteria) === undefined) {
    return warnDrop(ctx, at, `'${String(criteria)}' is not a CPE 2.3 name: match ignored`);
  }
  const given = bounds.flatMap((bound) => {
    const v = value[bound];
    return typeof v === 'string' && v !== '' ? [[bound, v] as const] : [];
  });
  const id = value['matchCriteriaId'];
  const match: CpeMatch = {
    vulnerable: value['vulnerable'] === true,
    criteria,
    ...(Object.fromEntries(given) as Partial<Record<(typeof bounds)[number], string>>),
    ...(typeof id === 'string' ? { matchCriteriaId: id } : {}),
  };
  return [match];
}

function operatorOf(value: unknown, at: string, ctx: Context): 'AND' | 'OR' {
  if (value === 'AND' || value === 'OR') return value;
  if (value !== undefined) warnDrop(ctx, at, `unknown operator ${JSON.stringify(value)}: OR assumed`);
  return 'OR';
}

function warnDrop(ctx: Context, path: string, message: string): [] {
  ctx.warnings.push({ severity: 'warning', path, message, recordId: ctx.recordId });
  return [];
}
