import type { BiasMetricId } from '@rai-audit/core';

/**
 * The rates a bootstrap draw recomputes from resampled confusion counts, as plain numbers with NaN for a zero
 * denominator: the same formulas as computeRates (metrics.ts; a test keeps the two in step), without the objects,
 * reasons and Wilson intervals that would cost a thousand times over. Score metrics (AUC, Brier, mean score) need
 * the score histograms, not the counts, and are not resampled.
 */
export const RESAMPLED_METRIC_IDS = [
  'selection_rate',
  'prevalence',
  'accuracy',
  'tpr',
  'fpr',
  'tnr',
  'fnr',
  'precision',
  'npv',
  'fdr',
  'for',
  'f1',
  'ppr',
] as const satisfies readonly BiasMetricId[];

export type ResampledMetricId = (typeof RESAMPLED_METRIC_IDS)[number];

export const RESAMPLED_METRIC_COUNT = RESAMPLED_METRIC_IDS.length;

/** Position of a metric in a block of rates written by fillRates. */
export const RATE_INDEX = Object.fromEntries(RESAMPLED_METRIC_IDS.map((id, index) => [id, index])) as Record<
  ResampledMetricId,
  number
>;

const ratio = (numerator: number, denominator: number): number =>
  denominator === 0 ? NaN : numerator / denominator;

/**
 * Writes the rates of counts (tp, fp, tn, fn) into `out` from `offset`, in RESAMPLED_METRIC_IDS order;
 * `overallPredictedPositives` is the denominator of ppr.
 */
export function fillRates(
  out: Float64Array,
  offset: number,
  counts: { tp: number; fp: number; tn: number; fn: number },
  overallPredictedPositives: number,
): void {
  const { tp, fp, tn, fn } = counts;
  const n = tp + fp + tn + fn;
  out[offset] = ratio(tp + fp, n);
  out[offset + 1] = ratio(tp + fn, n);
  out[offset + 2] = ratio(tp + tn, n);
  out[offset + 3] = ratio(tp, tp + fn);
  out[offset + 4] = ratio(fp, fp + tn);
  out[offset + 5] = ratio(tn, fp + tn);
  out[offset + 6] = ratio(fn, tp + fn);
  out[offset + 7] = ratio(tp, tp + fp);
  out[offset + 8] = ratio(tn, tn + fn);
  out[offset + 9] = ratio(fp, tp + fp);
  out[offset + 10] = ratio(fn, tn + fn);
  out[offset + 11] = ratio(2 * tp, 2 * tp + fp + fn);
  out[offset + 12] = ratio(tp + fp, overallPredictedPositives);
}
