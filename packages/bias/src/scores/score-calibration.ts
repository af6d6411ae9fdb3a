import type { MetricValue, ScoreAnalysis } from '@rai-audit/core';
import { binValue, binWidth } from './score-binning.js';
import { NO_SCORED_ROWS } from './score-metrics.js';
import type { ScoreBinning, ScoreHistogram } from '../metrics/sufficient-statistics.js';

/** Equal-width calibration bins over [0, 1]: the usual reliability-diagram resolution. */
export const CALIBRATION_BINS = 10;

export type CalibrationBin = ScoreAnalysis['calibration']['bins'][number];

/** Why calibration (and the Brier score) cannot be judged, or undefined when every score lies in [0, 1]. */
export function calibrationSkipReason(binning: ScoreBinning): string | undefined {
  if (binning.min >= 0 && binning.max <= 1) return undefined;
  return (
    `scores range from ${binning.min} to ${binning.max}, outside [0, 1]: they are not probabilities, so ` +
    'calibration and the Brier score are not computed'
  );
}

/**
 * Which of the CALIBRATION_BINS bins fine bin i falls in, by its centre. Exact when the fine bins nest inside the
 * tenths (e.g. [0, 1] split into a multiple of 10 bins); otherwise a fine bin straddling a tenth goes whole to the
 * bin holding its centre.
 */
function coarseIndex(binning: ScoreBinning, fineIndex: number): number {
  const centre = binning.min + (fineIndex + 0.5) * binWidth(binning);
  return Math.min(CALIBRATION_BINS - 1, Math.max(0, Math.floor(centre * CALIBRATION_BINS)));
}

interface CoarseSums {
  n: number;
  positives: number;
  scoreSum: number;
}

/**
 * The calibration curve of a group: per tenth of [0, 1], the rows (or weight), their mean score and the observed
 * rate of label 1. Tenths without rows are left out. Call only when `calibrationSkipReason` is undefined.
 */
export function calibrationBins(histogram: ScoreHistogram, binning: ScoreBinning): CalibrationBin[] {
  const sums: CoarseSums[] = Array.from({ length: CALIBRATION_BINS }, () => ({
    n: 0,
    positives: 0,
    scoreSum: 0,
  }));
  for (let i = 0; i < binning.bins; i += 1) {
    const target = sums[coarseIndex(binning, i)];
    if (!target) continue;
    const positives = binValue(histogram.positives, i);
    target.n += positives + binValue(histogram.negatives, i);
    target.positives += positives;
    target.scoreSum += binValue(histogram.positiveScoreSums, i) + binValue(histogram.negativeScoreSums, i);
  }
  return sums.flatMap((bin, k) =>
    bin.n > 0
      ? [
          {
            attribute: histogram.attribute,
            group: histogram.group,
            lower: k / CALIBRATION_BINS,
            upper: (k + 1) / CALIBRATION_BINS,
            n: bin.n,
            meanScore: bin.scoreSum / bin.n,
            observedRate: bin.positives / bin.n,
          },
        ]
      : [],
  );
}

/**
 * Expected calibration error: Σ_b (n_b / n)·|mean score_b − observed rate_b| over the calibration bins of one group.
 * `skipped` (scores that are not probabilities) makes it undefined with that reason.
 */
export function expectedCalibrationError(bins: readonly CalibrationBin[], skipped?: string): MetricValue {
  if (skipped !== undefined) return { value: null, reason: skipped };
  const total = bins.reduce((acc, bin) => acc + bin.n, 0);
  if (total === 0) return { value: null, reason: NO_SCORED_ROWS };
  const weighted = bins.reduce((acc, bin) => acc + bin.n * Math.abs(bin.meanScore - bin.observedRate), 0);
  return { value: weighted / total };
}
