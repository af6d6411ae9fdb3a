import type { ScoreAnalysis } from '@rai-audit/core';
import { MAX_CURVE_POINTS, binEdge, binValue, histogramTotals, thinIndices } from './score-binning.js';
import { aucUndefinedReason } from './score-metrics.js';
import type { ScoreBinning, ScoreHistogram } from '../metrics/sufficient-statistics.js';

export type SweepPoint = ScoreAnalysis['sweep'][number];
export type RocCurve = ScoreAnalysis['roc'][number];
export type RocPoint = RocCurve['points'][number];

/** What a threshold at one bin edge selects: rows (or weight) with a score at or above it, by label. */
interface EdgeSelection {
  threshold: number;
  positives: number;
  negatives: number;
}

/**
 * The selection at every bin edge, from the lowest (everything selected) to the highest. Bin i covers
 * [edge i, edge i+1), so the rows at or above edge i are exactly those in bins i and up. At the top edge (= max)
 * the histogram cannot tell the rows scoring exactly max from the rest of the last bin: it reports nothing
 * selected, the selection of any threshold just above max.
 */
function edgeSelections(histogram: ScoreHistogram, binning: ScoreBinning): EdgeSelection[] {
  const selections: EdgeSelection[] = [];
  let positives = 0;
  let negatives = 0;
  selections.push({ threshold: binEdge(binning, binning.bins), positives, negatives });
  for (let i = binning.bins - 1; i >= 0; i -= 1) {
    positives += binValue(histogram.positives, i);
    negatives += binValue(histogram.negatives, i);
    selections.push({ threshold: binEdge(binning, i), positives, negatives });
  }
  return selections.reverse();
}

const rateOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Selection rate, TPR and FPR of the rule `score ≥ threshold` at each bin edge, thresholds increasing, thinned to
 * at most `limit` points (the lowest and highest edge always kept). A rate without rows in its denominator is null.
 */
export function thresholdSweep(
  histogram: ScoreHistogram,
  binning: ScoreBinning,
  limit: number = MAX_CURVE_POINTS,
): SweepPoint[] {
  const totals = histogramTotals(histogram);
  const selections = edgeSelections(histogram, binning);
  return thinIndices(selections.length, limit).flatMap((index) => {
    const at = selections[index];
    if (!at) return [];
    return [
      {
        attribute: histogram.attribute,
        group: histogram.group,
        threshold: at.threshold,
        selection_rate: rateOf(at.positives + at.negatives, totals.total),
        tpr: rateOf(at.positives, totals.positives),
        fpr: rateOf(at.negatives, totals.negatives),
      },
    ];
  });
}

/** Drops points equal to the one before: thresholds between which no row changes side. */
function distinctPoints(points: readonly RocPoint[]): RocPoint[] {
  return points.filter((point, i) => {
    const previous = points[i - 1];
    return !previous || previous.fpr !== point.fpr || previous.tpr !== point.tpr;
  });
}

/**
 * The ROC curve of a group: (FPR, TPR) at each bin edge, from (0, 0) (threshold above every score) to (1, 1)
 * (threshold at the lowest score), repeated points dropped, thinned to at most `limit` points keeping both ends.
 * Without rows of both labels there is no curve: no points and the reason. `auc` is filled in by the caller.
 */
export function rocCurve(
  histogram: ScoreHistogram,
  binning: ScoreBinning,
  limit: number = MAX_CURVE_POINTS,
): RocCurve {
  const totals = histogramTotals(histogram);
  const key = { attribute: histogram.attribute, group: histogram.group };
  const reason = aucUndefinedReason(totals.positives, totals.negatives);
  if (reason !== undefined) return { ...key, auc: null, reason, points: [] };
  const ascending = edgeSelections(histogram, binning)
    .reverse()
    .map((at) => ({
      fpr: at.negatives / totals.negatives,
      tpr: at.positives / totals.positives,
      threshold: at.threshold,
    }));
  const points = distinctPoints(ascending);
  const kept = thinIndices(points.length, limit).flatMap((index) => points[index] ?? []);
  return { ...key, auc: null, points: kept };
}
