import { assertHistogramShape, assertValidBinning, binEdge, binValue } from './score-binning.js';
import type { ScoreBinning, ScoreHistogram } from '../metrics/sufficient-statistics.js';

/**
 * A threshold that selects at least the top `k` rows (weight with a weight column): the lower edge of the highest
 * bin at which the rows scoring at or above it reach k; the lowest score when k exceeds every row. An approximation
 * within one bin width: it selects more than k when the bin at the cut holds more rows than needed. The engine
 * computes the exact cut in SQL when it needs one.
 */
export function thresholdForTopK(overall: ScoreHistogram, binning: ScoreBinning, k: number): number {
  assertValidBinning(binning);
  assertHistogramShape(overall, binning);
  if (!(k > 0) || !Number.isFinite(k)) throw new RangeError(`top-k needs a positive k, got ${k}`);
  let selected = 0;
  for (let i = binning.bins - 1; i >= 0; i -= 1) {
    selected += binValue(overall.positives, i) + binValue(overall.negatives, i);
    if (selected >= k) return binEdge(binning, i);
  }
  return binning.min;
}

/** As `thresholdForTopK`, with k given as a percentage (0 < percent ≤ 100) of all rows (or weight). */
export function thresholdForTopPercent(
  overall: ScoreHistogram,
  binning: ScoreBinning,
  percent: number,
): number {
  if (!(percent > 0 && percent <= 100)) {
    throw new RangeError(`top-percent needs 0 < percent <= 100, got ${percent}`);
  }
  const total = [...overall.positives, ...overall.negatives].reduce((acc, value) => acc + value, 0);
  if (total === 0) return binning.min;
  return thresholdForTopK(overall, binning, (percent / 100) * total);
}
