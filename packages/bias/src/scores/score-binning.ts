import type { ScoreBinning, ScoreHistogram } from '../metrics/sufficient-statistics.js';

/** The most points a sweep or ROC curve keeps per group: enough for a chart, small enough for the JSON. */
export const MAX_CURVE_POINTS = 101;

/** Rejects a binning the histograms cannot have been built with (a bug upstream, not a user error). */
export function assertValidBinning(binning: ScoreBinning): void {
  const { min, max, bins } = binning;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new RangeError(`score binning needs finite min <= max, got [${min}, ${max}]`);
  }
  if (!Number.isInteger(bins) || bins < 1) {
    throw new RangeError(`score binning needs a positive whole number of bins, got ${bins}`);
  }
}

/** Rejects a histogram whose arrays do not have one entry per bin. */
export function assertHistogramShape(histogram: ScoreHistogram, binning: ScoreBinning): void {
  const arrays = [
    histogram.positives,
    histogram.negatives,
    histogram.positiveScoreSums,
    histogram.negativeScoreSums,
  ];
  if (arrays.some((values) => values.length !== binning.bins)) {
    throw new RangeError(
      `score histogram of ${histogram.attribute}=${histogram.group} does not have ${binning.bins} bins`,
    );
  }
}

/** Width of one bin; 0 when every score is the same. */
export function binWidth(binning: ScoreBinning): number {
  return (binning.max - binning.min) / binning.bins;
}

/** Edge i of the bins (0 ≤ i ≤ bins): the lower edge of bin i, and exactly `max` for i = bins. */
export function binEdge(binning: ScoreBinning, index: number): number {
  if (index >= binning.bins) return binning.max;
  return binning.min + index * binWidth(binning);
}

/** Entry i of an array of bin values, 0 past its end (keeps `noUncheckedIndexedAccess` honest). */
export function binValue(values: readonly number[], index: number): number {
  return values[index] ?? 0;
}

/** Totals of one histogram: label-1 and label-0 counts (or weights) and their score sums. */
export interface HistogramTotals {
  positives: number;
  negatives: number;
  total: number;
  positiveScoreSum: number;
  negativeScoreSum: number;
}

const sum = (values: readonly number[]): number => values.reduce((acc, value) => acc + value, 0);

/** Sums the bins of a histogram. */
export function histogramTotals(histogram: ScoreHistogram): HistogramTotals {
  const positives = sum(histogram.positives);
  const negatives = sum(histogram.negatives);
  return {
    positives,
    negatives,
    total: positives + negatives,
    positiveScoreSum: sum(histogram.positiveScoreSums),
    negativeScoreSum: sum(histogram.negativeScoreSums),
  };
}

/**
 * At most `limit` indices out of 0..count−1, evenly spread, always keeping the first and the last, in increasing
 * order; every index when there are no more than `limit`.
 */
export function thinIndices(count: number, limit: number = MAX_CURVE_POINTS): number[] {
  if (count <= limit) return Array.from({ length: count }, (_, i) => i);
  const steps = Math.max(1, limit - 1);
  const picked = new Set<number>();
  for (let k = 0; k <= steps; k += 1) picked.add(Math.round((k * (count - 1)) / steps));
  return [...picked].sort((a, b) => a - b);
}
