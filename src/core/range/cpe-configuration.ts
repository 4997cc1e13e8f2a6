import {
  matchCpeCriterion,
  type CpeComponentInput,
  type CpeMatchInput,
  type CpeMatchOptions,
  type CpeCriterionOutcome,
} from './cpe-range.js';
import type { RangeVerdict } from './range-verdict.js';

/** One node of an NVD configuration, structurally compatible with the neutral `CpeNode`. */
export interface CpeNodeInput {
  readonly operator: 'AND' | 'OR';
  readonly negate?: boolean;
  readonly cpeMatch: readonly CpeMatchInput[];
  /** NVD 1.1 feeds nest nodes; API 2.0 has none. */
  readonly children?: readonly CpeNodeInput[];
}

/** One NVD configuration, structurally compatible with the neutral `CpeConfiguration`. */
export interface CpeConfigurationInput {
  /** How the nodes combine; OR when absent (NVD CVE API 2.0). */
  readonly operator?: 'AND' | 'OR';
  readonly negate?: boolean;
  readonly nodes: readonly CpeNodeInput[];
}

/** A criterion that a component satisfied (or could not be ordered against), for the evidence. */
export interface CpeCriterionHit {
  /** Index of the component in the input list. */
  readonly component: number;
  readonly criteria: string;
  readonly vulnerable: boolean;
  readonly outcome: CpeCriterionOutcome;
}

/** The configuration verdict plus which components it names as vulnerable and every criterion hit. */
export interface CpeConfigurationVerdict extends RangeVerdict {
  /** Indexes of the components matching a `vulnerable` criterion of a holding configuration. */
  readonly components: readonly number[];
  readonly hits: readonly CpeCriterionHit[];
}

/** Kleene three-valued truth: undefined is "cannot tell" (a version could not be ordered). */
type Truth = boolean | undefined;

const all = (values: readonly Truth[]): Truth =>
  values.includes(false) ? false : values.includes(undefined) ? undefined : true;
const any = (values: readonly Truth[]): Truth =>
  values.includes(true) ? true : values.includes(undefined) ? undefined : false;
const not = (value: Truth): Truth => (value === undefined ? undefined : !value);

interface Walk {
  readonly components: readonly CpeComponentInput[];
  readonly options: CpeMatchOptions;
  readonly hits: CpeCriterionHit[];
}

/** A sub-expression's truth and the components it names as vulnerable when it holds. */
interface Held {
  readonly truth: Truth;
  readonly named: readonly number[];
}

/** Combines parts: only the parts that hold (and are not negated) contribute their components. */
function combine(operator: 'AND' | 'OR' | undefined, parts: readonly Held[], negate: boolean | undefined): Held {
  const truth = (operator === 'AND' ? all : any)(parts.map((p) => p.truth));
  if (negate === true) return { truth: not(truth), named: [] };
  return { truth, named: truth === true ? parts.filter((p) => p.truth === true).flatMap((p) => p.named) : [] };
}

/**
 * Evaluates an NVD configuration over the CPEs of a product's components (NVD CVE API 2.0
 * `configurations`): a criterion holds when some component matches it, a node combines its
 * criteria and children by AND/OR and `negate`, the configuration its nodes. Unknown versions
 * propagate as "cannot tell" (Kleene logic), so the verdict is `unknown-version` rather than a
 * silent `not-affected`. `affected` needs the configuration to hold and a component to match a
 * `vulnerable` criterion; a platform match alone affects nothing.
 */
export function evaluateCpeConfiguration(
  configuration: CpeConfigurationInput,
  components: readonly CpeComponentInput[],
  options: CpeMatchOptions = {},
): CpeConfigurationVerdict {
  const walk: Walk = { components, options, hits: [] };
  const held = combine(
    configuration.operator,
    configuration.nodes.map((node) => evaluateNode(node, walk)),
    configuration.negate,
  );
  const truth = held.truth;
  const hits = walk.hits;
  const named = [...new Set(held.named)].sort((a, b) => a - b);
  const evidence = (keep: (hit: CpeCriterionHit) => boolean): string =>
    hits
      .filter(keep)
      .map(
        (h) =>
          `component ${h.component} ${h.outcome.outcome === 'match' ? 'matches' : 'cannot be ordered against'} ${h.criteria}: ${h.outcome.reason}`,
      )
      .join('; ');
  if (truth === true && named.length > 0) {
    const decisive = hits.find((h) => h.vulnerable && h.outcome.outcome === 'match' && named.includes(h.component));
    return {
      status: 'affected',
      ...(decisive === undefined ? {} : { range: decisive.criteria }),
      ...(decisive?.outcome.event === undefined ? {} : { event: decisive.outcome.event }),
      reason: evidence((h) => h.outcome.outcome === 'match'),
      components: named,
      hits,
    };
  }
  if (truth === undefined) {
    return {
      status: 'unknown-version',
      reason: evidence((h) => h.outcome.outcome === 'unknown-version'),
      components: [],
      hits,
    };
  }
  const reason =
    truth === true
      ? 'the configuration holds, but no component matches a vulnerable criterion'
      : hits.length === 0
        ? 'no component matches any criterion of the configuration'
        : `the configuration does not hold: ${evidence(() => true)}`;
  return { status: 'not-affected', reason, components: [], hits };
}

function evaluateNode(node: CpeNodeInput, walk: Walk): Held {
  const parts: Held[] = node.cpeMatch.map((match) => evaluateCriterion(match, walk));
  for (const child of node.children ?? []) parts.push(evaluateNode(child, walk));
  return combine(node.operator, parts, node.negate);
}

/** A criterion holds when any component matches it; records the matches and unknowns as hits. */
function evaluateCriterion(match: CpeMatchInput, walk: Walk): Held {
  const truths: Truth[] = [];
  const named: number[] = [];
  for (const [index, component] of walk.components.entries()) {
    const outcome = matchCpeCriterion(match, component, walk.options);
    if (outcome.outcome === 'match' || outcome.outcome === 'unknown-version') {
      walk.hits.push({ component: index, criteria: match.criteria, vulnerable: match.vulnerable, outcome });
    }
    if (outcome.outcome === 'match' && match.vulnerable) named.push(index);
    truths.push(outcome.outcome === 'match' ? true : outcome.outcome === 'unknown-version' ? undefined : false);
  }
  return { truth: any(truths), named };
}
