import type { MetricValue, ScoreMetricId } from '@rai-audit/core';
import { binValue, histogramTotals } from './score-binning.js';
import type { ScoreHistogram } from '../metrics/sufficient-statistics.js';

/** The per-group metrics that need a score column (core's ScoreMetricIdSchema; docs/metrics.md). */
export type ScoreMetrics = Partial<Record<ScoreMetricId, MetricValue>>;

export const NO_SCORED_ROWS = 'no rows with a score';
export const NO_POSITIVE_LABELS = 'no actual positives (no rows with label 1)';
export const NO_NEGATIVE_LABELS = 'no actual negatives (no rows with label 0)';

/** Mean score of the group: Σs / n (weighted: Σws / Σw). */
export function meanScore(histogram: ScoreHistogram): MetricValue {
  const totals = histogramTotals(histogram);
  const numerator = totals.positiveScoreSum + totals.negativeScoreSum;
  if (totals.total === 0) return { value: null, numerator, denominator: 0, reason: NO_SCORED_ROWS };
  return { value: numerator / totals.total, numerator, denominator: totals.total };
}

/**
 * Brier score Σ(s − y)² / n from the sums alone: Σ(s − y)² = Σs² − 2·Σ_{y=1}s + n₁, because y² = y.
 * `skipped` (scores that are not probabilities) makes it undefined with that reason.
 */
export function brierScore(histogram: ScoreHistogram, skipped?: string): MetricValue {
  const totals = histogramTotals(histogram);
  if (skipped !== undefined) return { value: null, reason: skipped };
  if (totals.total === 0) return { value: null, denominator: 0, reason: NO_SCORED_ROWS };
  // The subtraction can leave a tiny negative residue when every score equals its label.
  const numerator = Math.max(0, histogram.sumSquaredScores - 2 * totals.positiveScoreSum + totals.positives);
  return { value: numerator / totals.total, numerator, denominator: totals.total };
}

/** Why the AUC of a group is undefined, or undefined when it has both labels. */
export function aucUndefinedReason(positives: number, negatives: number): string | undefined {
  if (positives === 0 && negatives === 0) return NO_SCORED_ROWS;
  if (positives === 0) return NO_POSITIVE_LABELS;
  if (negatives === 0) return NO_NEGATIVE_LABELS;
  return undefined;
}

/**
 * AUC as the Mann–Whitney statistic over the bins: a (positive, negative) pair in different bins counts 1 when the
 * positive is in the higher bin, a pair within one bin counts ½. Exact when no bin holds two different scores
 * (e.g. scores rounded to the bin width); otherwise within `aucBinningError` of the exact AUC.
 * numerator = U (pairs ranked correctly, ties ½), denominator = n₁·n₀.
 */
export function areaUnderCurve(histogram: ScoreHistogram): MetricValue {
  const { positives, negatives } = histogramTotals(histogram);
  const reason = aucUndefinedReason(positives, negatives);
  const denominator = positives * negatives;
  if (reason !== undefined) return { value: null, denominator, reason };
  let negativesBelow = 0;
  let numerator = 0;
  for (let i = 0; i < histogram.positives.length; i += 1) {
    const binNegatives = binValue(histogram.negatives, i);
    numerator += binValue(histogram.positives, i) * (negativesBelow + binNegatives / 2);
    negativesBelow += binNegatives;
  }
  return { value: numerator / denominator, numerator, denominator };
}

/**
 * The largest possible gap between the binned AUC and the exact one: half the share of (positive, negative) pairs
 * that fall in the same bin, whose order the histogram cannot see. null when the AUC is undefined.
 */
export function aucBinningError(histogram: ScoreHistogram): number | null {
  const { positives, negatives } = histogramTotals(histogram);
  if (aucUndefinedReason(positives, negatives) !== undefined) return null;
  let tiedPairs = 0;
  for (let i = 0; i < histogram.positives.length; i += 1) {
    tiedPairs += binValue(histogram.positives, i) * binValue(histogram.negatives, i);
  }
  return tiedPairs / (2 * positives * negatives);
}
