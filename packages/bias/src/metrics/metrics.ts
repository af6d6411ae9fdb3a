import {
  ConfusionMetricIdSchema,
  type BiasMetricId,
  type ConfusionCounts,
  type ConfusionMetricId,
  type GroupMetrics,
  type LabelCounts,
  type MetricValue,
} from '@rai-audit/core';
import { wilsonInterval } from './wilson.js';

export type { ConfusionMetricId } from '@rai-audit/core';

/** Listed first: the group's share of the rows and the rates that do not ask whether a prediction is right. */
const LEADING_METRIC_IDS = [
  'share',
  'prevalence',
  'selection_rate',
  'ppr',
] as const satisfies readonly ConfusionMetricId[];

/**
 * The confusion metrics (core's ConfusionMetricIdSchema) in the order the report and the JSON list them
 * (docs/metrics.md): the leading ones, then the others in the schema's order.
 */
export const BIAS_METRIC_IDS: readonly ConfusionMetricId[] = [
  ...LEADING_METRIC_IDS,
  ...ConfusionMetricIdSchema.options.filter((id) => !(LEADING_METRIC_IDS as readonly string[]).includes(id)),
];

/** The attribute and group names of the row that covers every record. */
export const OVERALL_ATTRIBUTE = '(overall)';
export const OVERALL_GROUP = '(all)';

/** The group of rows without a value of the attribute (DESIGN.md: missing values form an explicit group). */
export const MISSING_GROUP = '(missing)';

/**
 * Data values that would read as the missing group: `(missing)` itself, and with any double quotes around it. Each is
 * shown with one more pair of quotes, so no data value's group is named `(missing)` and two values never share a name.
 */
const LOOKS_MISSING = /^"*\(missing\)"*$/;
/** The same test as a SQL regular expression (regexp_matches), for the queries that name groups themselves. */
export const LOOKS_MISSING_SQL = '^"*\\(missing\\)"*$';

/** The group name of a data value (text as read; null or blank text is the missing group). */
export function groupNameOf(value: string | null | undefined): string {
  if (value === null || value === undefined) return MISSING_GROUP;
  return LOOKS_MISSING.test(value) ? `"${value}"` : value;
}

/** The data value a group name stands for, the inverse of groupNameOf; null for the missing group. */
export function dataValueOf(group: string): string | null {
  if (group === MISSING_GROUP) return null;
  return group.startsWith('"') && group.endsWith('"') && LOOKS_MISSING.test(group)
    ? group.slice(1, -1)
    : group;
}

interface RateSpec {
  numerator: (counts: ConfusionCounts, overall: ConfusionCounts) => number;
  denominator: (counts: ConfusionCounts, overall: ConfusionCounts) => number;
  /** Why the rate is undefined when the denominator is zero. */
  undefinedReason: string;
  /** False when the rate is not a binomial proportion of its denominator, so a Wilson interval would be wrong. */
  binomial: boolean;
}

const total = (c: ConfusionCounts): number => c.tp + c.fp + c.tn + c.fn;
const actualPositives = (c: ConfusionCounts): number => c.tp + c.fn;
const actualNegatives = (c: ConfusionCounts): number => c.fp + c.tn;
const predictedPositives = (c: ConfusionCounts): number => c.tp + c.fp;
const predictedNegatives = (c: ConfusionCounts): number => c.tn + c.fn;

const NO_ROWS = 'no rows (n = 0)';
const NO_ACTUAL_POSITIVES = 'no actual positives (TP+FN = 0)';
const NO_ACTUAL_NEGATIVES = 'no actual negatives (FP+TN = 0)';
const NO_PREDICTED_POSITIVES = 'no predicted positives (TP+FP = 0)';
const NO_PREDICTED_NEGATIVES = 'no predicted negatives (TN+FN = 0)';

type Count = (counts: ConfusionCounts, overall: ConfusionCounts) => number;

/** A rate that is a binomial proportion: `numerator` successes out of `denominator` trials. */
function proportion(numerator: Count, denominator: Count, undefinedReason: string): RateSpec {
  return { numerator, denominator, undefinedReason, binomial: true };
}

// The formulas of DESIGN.md's metric conventions; docs/metrics.md documents each one.
const RATE_SPECS: Record<ConfusionMetricId, RateSpec> = {
  share: proportion(total, (_, all) => total(all), 'no rows overall (n = 0)'),
  prevalence: proportion(actualPositives, total, NO_ROWS),
  selection_rate: proportion(predictedPositives, total, NO_ROWS),
  ppr: proportion(
    predictedPositives,
    (_, all) => predictedPositives(all),
    'no predicted positives overall (TP+FP = 0 in all rows)',
  ),
  accuracy: proportion((c) => c.tp + c.tn, total, NO_ROWS),
  tpr: proportion((c) => c.tp, actualPositives, NO_ACTUAL_POSITIVES),
  fnr: proportion((c) => c.fn, actualPositives, NO_ACTUAL_POSITIVES),
  fpr: proportion((c) => c.fp, actualNegatives, NO_ACTUAL_NEGATIVES),
  tnr: proportion((c) => c.tn, actualNegatives, NO_ACTUAL_NEGATIVES),
  precision: proportion((c) => c.tp, predictedPositives, NO_PREDICTED_POSITIVES),
  fdr: proportion((c) => c.fp, predictedPositives, NO_PREDICTED_POSITIVES),
  npv: proportion((c) => c.tn, predictedNegatives, NO_PREDICTED_NEGATIVES),
  for: proportion((c) => c.fn, predictedNegatives, NO_PREDICTED_NEGATIVES),
  // F1 = 2TP / (2TP+FP+FN) is a harmonic mean, not a proportion of trials: no Wilson interval (issue 3 adds bootstrap).
  f1: {
    numerator: (c) => 2 * c.tp,
    denominator: (c) => 2 * c.tp + c.fp + c.fn,
    undefinedReason: 'no actual or predicted positives (2TP+FP+FN = 0)',
    binomial: false,
  },
};

function rate(
  spec: RateSpec,
  counts: ConfusionCounts,
  overall: ConfusionCounts,
  level: number | null,
): MetricValue {
  const numerator = spec.numerator(counts, overall);
  const denominator = spec.denominator(counts, overall);
  if (denominator === 0) return { value: null, numerator, denominator, reason: spec.undefinedReason };
  const interval =
    spec.binomial && level !== null ? wilsonInterval(numerator, denominator, level) : undefined;
  return interval
    ? { value: numerator / denominator, numerator, denominator, interval }
    : { value: numerator / denominator, numerator, denominator };
}

/**
 * Every per-group rate of DESIGN.md from confusion counts, each with numerator, denominator and a Wilson interval;
 * a zero denominator gives `value: null` and the reason. `overall` (default: the counts themselves) feeds share and ppr.
 * `level` null leaves the Wilson intervals out (weighted counts are not binomial trials).
 */
export function computeRates(
  counts: ConfusionCounts,
  overall: ConfusionCounts = counts,
  level: number | null = 0.95,
): Partial<Record<BiasMetricId, MetricValue>> {
  const metrics: Partial<Record<BiasMetricId, MetricValue>> = {};
  for (const id of BIAS_METRIC_IDS) metrics[id] = rate(RATE_SPECS[id], counts, overall, level);
  return metrics;
}

/** Options of a group row: its row count when the counts are weighted, and the Wilson interval level. */
export interface GroupMetricsOptions {
  /** Rows in the group; defaults to the sum of the counts (unweighted counts). */
  n?: number;
  /** Sum of weights, for a weighted audit (the counts are then weight sums and carry no Wilson interval). */
  weight?: number;
  /** For an intersection: each attribute's value. */
  values?: Record<string, string>;
  level?: number;
}

/** One row of the groups table: the attribute, the group, its counts and every rate. */
export function computeGroupMetrics(
  attribute: string,
  group: string,
  counts: ConfusionCounts,
  overall: ConfusionCounts,
  options: GroupMetricsOptions = {},
): GroupMetrics {
  const weighted = options.weight !== undefined;
  return {
    attribute,
    group,
    ...(options.values ? { values: { ...options.values } } : {}),
    n: options.n ?? total(counts),
    ...(weighted ? { weight: options.weight } : {}),
    counts: { ...counts },
    metrics: computeRates(counts, overall, weighted ? null : (options.level ?? 0.95)),
  };
}

/**
 * A group row of a dataset audit (no predictions): label counts, and only the rates they define — share of rows
 * and prevalence (label base rate) — with Wilson intervals unless the counts are weighted.
 */
export function computeDatasetGroupMetrics(
  attribute: string,
  group: string,
  labels: LabelCounts,
  overall: LabelCounts,
  options: GroupMetricsOptions = {},
): GroupMetrics {
  // Label counts are confusion counts with every row "predicted" as its label: TP = positives, TN = negatives.
  const asCounts = (c: LabelCounts): ConfusionCounts => ({ tp: c.positive, fp: 0, tn: c.negative, fn: 0 });
  const weighted = options.weight !== undefined;
  const level = weighted ? null : (options.level ?? 0.95);
  const counts = asCounts(labels);
  const all = asCounts(overall);
  return {
    attribute,
    group,
    ...(options.values ? { values: { ...options.values } } : {}),
    n: options.n ?? labels.positive + labels.negative,
    ...(weighted ? { weight: options.weight } : {}),
    labelCounts: { ...labels },
    metrics: {
      share: rate(RATE_SPECS.share, counts, all, level),
      prevalence: rate(RATE_SPECS.prevalence, counts, all, level),
    },
  };
}
