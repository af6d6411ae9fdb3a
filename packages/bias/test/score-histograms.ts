import { assertValidBinning, binWidth } from '../src/scores/score-binning.js';
import {
  emptyScoreHistogram,
  type GroupKey,
  type ScoreBinning,
  type ScoreHistogram,
} from '../src/metrics/sufficient-statistics.js';

/** One scored row: its score, its 0/1 label and optionally its weight. */
export interface ScoredRow {
  score: number;
  label: 0 | 1;
  weight?: number;
}

/** The bin a score falls in: bin i covers [min + i·w, min + (i+1)·w), the last bin also holds max. */
export function scoreBinIndex(score: number, binning: ScoreBinning): number {
  const width = binWidth(binning);
  if (width === 0) return 0;
  const index = Math.floor((score - binning.min) / width);
  return Math.min(binning.bins - 1, Math.max(0, index));
}

/**
 * The score histogram of rows held in memory, bin for bin what the aggregation query returns: a way to build
 * histograms in tests.
 */
export function buildScoreHistogram(
  key: GroupKey,
  rows: readonly ScoredRow[],
  binning: ScoreBinning,
): ScoreHistogram {
  assertValidBinning(binning);
  const histogram: ScoreHistogram = emptyScoreHistogram(key, binning.bins);
  for (const row of rows) {
    const weight = row.weight ?? 1;
    const index = scoreBinIndex(row.score, binning);
    const counts = row.label === 1 ? histogram.positives : histogram.negatives;
    const sums = row.label === 1 ? histogram.positiveScoreSums : histogram.negativeScoreSums;
    counts[index] = (counts[index] ?? 0) + weight;
    sums[index] = (sums[index] ?? 0) + weight * row.score;
    histogram.sumSquaredScores += weight * row.score * row.score;
  }
  return histogram;
}
