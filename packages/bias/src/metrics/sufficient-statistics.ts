import type { ConfusionCounts } from '@rai-audit/core';

/**
 * The sufficient statistics of a bias audit: everything the metrics, disparities, bootstrap intervals, threshold
 * sweeps, ROC/AUC and calibration are computed from. The one aggregation query (or a pre-aggregated counts table)
 * produces them; every module after it is pure.
 */

/** Which group a statistic belongs to. */
export interface GroupKey {
  /** An attribute, `a+b` for an intersection, or `(overall)`. */
  attribute: string;
  /** The group value, `x|y` for an intersection, `(missing)` for rows without a value, `(all)` overall. */
  group: string;
  /** For an intersection: each attribute's value. */
  values?: Record<string, string>;
}

/** Confusion counts of one group: row count, and weighted sums when a weight column is given. */
export interface GroupStatistics extends GroupKey {
  /** Rows in the group (unweighted). */
  n: number;
  /** Sum of weights; absent without a weight column. */
  weight?: number;
  /** Confusion cells: row counts, or weight sums with a weight column. */
  counts: ConfusionCounts;
}

/** Equal-width score bins: bin i covers [min + i·w, min + (i+1)·w), the last bin includes max; w = (max − min) / bins. */
export interface ScoreBinning {
  min: number;
  max: number;
  bins: number;
}

/** Per-group score histograms split by label (weighted with a weight column). */
export interface ScoreHistogram extends GroupKey {
  /** Count (or weight) of label-1 rows per bin. */
  positives: number[];
  /** Count (or weight) of label-0 rows per bin. */
  negatives: number[];
  /** Sum of scores of label-1 rows per bin (exact means per bin for calibration). */
  positiveScoreSums: number[];
  /** Sum of scores of label-0 rows per bin. */
  negativeScoreSums: number[];
  /** Sum of squared scores over all rows of the group (for the Brier score). */
  sumSquaredScores: number;
}

/** A score histogram of `bins` empty bins for the group `key`. */
export function emptyScoreHistogram(key: GroupKey, bins: number): ScoreHistogram {
  const zeros = (): number[] => new Array<number>(bins).fill(0);
  return {
    ...key,
    positives: zeros(),
    negatives: zeros(),
    positiveScoreSums: zeros(),
    negativeScoreSums: zeros(),
    sumSquaredScores: 0,
  };
}
