import { ConfusionMetricIdSchema } from '@rai-audit/core';

/**
 * The rates a bootstrap draw recomputes from resampled confusion counts, as plain numbers with NaN for a zero
 * denominator: the same formulas as computeRates (metrics.ts; a test keeps the two in step), without the objects,
 * reasons and Wilson intervals that would cost a thousand times over. Score metrics (AUC, Brier, mean score) need
 * the score histograms, not the counts, and are not resampled; nor is a group's share of the rows.
 *
 * The order of the ids is the memory layout of a block of rates (fillRates, the bootstrap's buffers): core's
 * ConfusionMetricIdSchema without `share`, so selection_rate first and ppr last.
 */
export const RESAMPLED_METRIC_IDS = ConfusionMetricIdSchema.exclude(['share']).options;

export type ResampledMetricId = (typeof RESAMPLED_METRIC_IDS)[number];

export const RESAMPLED_METRIC_COUNT = RESAMPLED_METRIC_IDS.length;

/** Position of a metric in a block of rates written by fillRates. */
export const RATE_INDEX = Object.fromEntries(RESAMPLED_METRIC_IDS.map((id, index) => [id, index])) as Record<
  ResampledMetricId,
  number
>;

// Each rate's position, read once from the layout: fillRates runs for every group of every bootstrap draw.
const {
  selection_rate: SELECTION_RATE,
  prevalence: PREVALENCE,
  accuracy: ACCURACY,
  tpr: TPR,
  fpr: FPR,
  tnr: TNR,
  fnr: FNR,
  precision: PRECISION,
  npv: NPV,
  fdr: FDR,
  for: FOR,
  f1: F1,
  ppr: PPR,
} = RATE_INDEX;

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
  out[offset + SELECTION_RATE] = ratio(tp + fp, n);
  out[offset + PREVALENCE] = ratio(tp + fn, n);
  out[offset + ACCURACY] = ratio(tp + tn, n);
  out[offset + TPR] = ratio(tp, tp + fn);
  out[offset + FPR] = ratio(fp, fp + tn);
  out[offset + TNR] = ratio(tn, fp + tn);
  out[offset + FNR] = ratio(fn, tp + fn);
  out[offset + PRECISION] = ratio(tp, tp + fp);
  out[offset + NPV] = ratio(tn, tn + fn);
  out[offset + FDR] = ratio(fp, tp + fp);
  out[offset + FOR] = ratio(fn, tn + fn);
  out[offset + F1] = ratio(2 * tp, 2 * tp + fp + fn);
  out[offset + PPR] = ratio(tp + fp, overallPredictedPositives);
}
