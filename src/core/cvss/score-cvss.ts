import ae from 'ae-cvss-calculator';
import type { CvssVersion } from '../vulnerability-cvss.js';
import { BoundedCache } from './bounded-cache.js';
import { cvssSeverity, type CvssSeverity } from './cvss-severity.js';
import { parseCvssVector, type ParsedCvssVector } from './parse-cvss-vector.js';

// The library's package root exports its classes but not its result types.
type MultiScoreResult = ReturnType<InstanceType<typeof ae.Cvss3P1>['calculateScores']>;
type V4ScoreResult = ReturnType<InstanceType<typeof ae.Cvss4P0>['calculateScores']>;
type Calculator = InstanceType<typeof ae.Cvss2 | typeof ae.Cvss3P0 | typeof ae.Cvss3P1 | typeof ae.Cvss4P0>;

/** CVSS v4.0 names a score after the metric groups that went into it (specification, "CVSS Nomenclature"). */
export type CvssNomenclature = 'CVSS-B' | 'CVSS-BT' | 'CVSS-BE' | 'CVSS-BTE';

/**
 * The scores of a valid vector. A group's score is present only when the vector defines at
 * least one metric of that group (a value other than `X`/`ND`), as NVD and the FIRST
 * calculators report them.
 */
export interface CvssScores {
  readonly ok: true;
  readonly version: CvssVersion;
  /** From the base metrics alone; for v4.0 the CVSS-B score. */
  readonly baseScore: number;
  readonly baseSeverity: CvssSeverity;
  /** v2 and v3.x: base and temporal metrics. */
  readonly temporalScore?: number;
  /** v4.0: CVSS-BT, base and threat metrics. */
  readonly threatScore?: number;
  /**
   * v2 and v3.x: the environmental equation, which includes the temporal metrics.
   * v4.0: CVSS-BE, base and environmental metrics without threat.
   */
  readonly environmentalScore?: number;
  /** The score from every metric the vector defines: the one to rank by. */
  readonly overallScore: number;
  readonly overallSeverity: CvssSeverity;
  /** v4.0 only: which groups `overallScore` comes from. */
  readonly nomenclature?: CvssNomenclature;
}

export interface CvssScoreError {
  readonly ok: false;
  readonly message: string;
}

export type CvssScoreResult = CvssScores | CvssScoreError;

/** Distinct vectors are few next to the records that carry them; this bounds the memory they take. */
const cache = new BoundedCache<string, CvssScores>(4096);

/**
 * Scores a CVSS vector after validating it with `parseCvssVector` (the calculator library itself
 * scores incomplete or misspelt vectors as 0 rather than refusing them).
 */
export function scoreCvss(vector: string): CvssScoreResult {
  const cached = cache.get(vector);
  if (cached !== undefined) return cached;
  const parsed = parseCvssVector(vector);
  if (!parsed.ok) return parsed;
  const scored = scoreParsedCvss(parsed);
  // Cached results are shared between callers: frozen, so none can change another's.
  if (scored.ok) cache.set(vector, Object.freeze(scored));
  return scored;
}

/** Scores a vector `parseCvssVector` accepted. */
export function scoreParsedCvss(parsed: ParsedCvssVector): CvssScoreResult {
  let raw: MultiScoreResult | V4ScoreResult;
  try {
    const calculator = calculatorFor(parsed.version);
    calculator.clearComponents();
    for (const [metric, value] of parsed.metrics) calculator.applyComponentString(metric, value, false);
    raw = calculator.calculateScores();
  } catch (error) {
    return { ok: false, message: `CVSS ${parsed.version} calculator failed: ${String(error)}` };
  }
  return parsed.version === '4.0' ? fromV4(raw as V4ScoreResult) : fromV2V3(parsed.version, raw as MultiScoreResult);
}

function fromV2V3(version: CvssVersion, raw: MultiScoreResult): CvssScoreResult {
  const base = score(raw.base);
  const overall = score(raw.overall);
  if (base === undefined || overall === undefined) return noScore(version, raw);
  const temporal = score(raw.temporal);
  const environmental = score(raw.environmental);
  return {
    ok: true,
    version,
    baseScore: base,
    baseSeverity: cvssSeverity(base, version),
    ...(temporal === undefined ? {} : { temporalScore: temporal }),
    ...(environmental === undefined ? {} : { environmentalScore: environmental }),
    overallScore: overall,
    overallSeverity: cvssSeverity(overall, version),
  };
}

function fromV4(raw: V4ScoreResult): CvssScoreResult {
  // The library's `base` is the score from all metrics; `baseMetricsOnly` is CVSS-B.
  const base = score(raw.baseMetricsOnly);
  const overall = score(raw.overall);
  if (base === undefined || overall === undefined) return noScore('4.0', raw);
  const threat = score(raw.threat);
  const environmental = score(raw.environmental);
  const nomenclature: CvssNomenclature = `CVSS-B${threat === undefined ? '' : 'T'}${environmental === undefined ? '' : 'E'}`;
  return {
    ok: true,
    version: '4.0',
    baseScore: base,
    baseSeverity: cvssSeverity(base, '4.0'),
    ...(threat === undefined ? {} : { threatScore: threat }),
    ...(environmental === undefined ? {} : { environmentalScore: environmental }),
    overallScore: overall,
    overallSeverity: cvssSeverity(overall, '4.0'),
    nomenclature,
  };
}

/** A score as the library returns it, or undefined when absent or out of range; -0 becomes 0. */
function score(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value) || value < 0 || value > 10) return undefined;
  return value === 0 ? 0 : value;
}

function noScore(version: CvssVersion, raw: MultiScoreResult | V4ScoreResult): CvssScoreError {
  return { ok: false, message: `CVSS ${version} calculator gave no score for ${raw.vector}` };
}

/**
 * One calculator per version, reset before each use: it spares building one per vector (about a
 * third of v2/v3 scoring time), and scoring is synchronous, so no two calls share an instance.
 */
const calculators: Partial<Record<CvssVersion, Calculator>> = {};

function calculatorFor(version: CvssVersion): Calculator {
  const existing = calculators[version];
  if (existing !== undefined) return existing;
  const created = createCalculator(version);
  calculators[version] = created;
  return created;
}

function createCalculator(version: CvssVersion): Calculator {
  switch (version) {
    case '2.0':
      return new ae.Cvss2();
    case '3.0':
      return new ae.Cvss3P0();
    case '3.1':
      return new ae.Cvss3P1();
    case '4.0':
      return new ae.Cvss4P0();
  }
}
