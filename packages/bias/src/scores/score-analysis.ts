import type { ScoreAnalysis, ThresholdRule } from '@rai-audit/core';
import { assertHistogramShape, assertValidBinning } from './score-binning.js';
import {
  calibrationBins,
  calibrationSkipReason,
  expectedCalibrationError,
  type CalibrationBin,
} from './score-calibration.js';
import { rocCurve, thresholdSweep, type RocCurve, type SweepPoint } from './score-curves.js';
import { areaUnderCurve, brierScore, meanScore, type ScoreMetrics } from './score-metrics.js';
import type { ScoreBinning, ScoreHistogram } from '../metrics/sufficient-statistics.js';

export { thresholdForTopK, thresholdForTopPercent } from './score-thresholds.js';

export interface ScoreAnalysisInput {
  /** The score column, as the user named it. */
  column: string;
  /** The binning every histogram was built with; min and max are the range of the scores. */
  binning: ScoreBinning;
  overall: ScoreHistogram;
  /** Groups of each attribute and intersection, in the order the section lists them. */
  groups: readonly ScoreHistogram[];
  /** How predictions were derived from the score, when they were. */
  rule?: ThresholdRule;
}

export interface ScoreAnalysisOutcome {
  analysis: ScoreAnalysis;
  /** auc, mean_score, brier and calibration_error per group, keyed by `scoreMetricsKey`. */
  metrics: Map<string, ScoreMetrics>;
}

/** The key of a group in the metrics map: `${attribute}\u0000${group}`. */
export function scoreMetricsKey(attribute: string, group: string): string {
  return `${attribute}\u0000${group}`;
}

interface GroupScoreResult {
  metrics: ScoreMetrics;
  sweep: SweepPoint[];
  roc: RocCurve;
  calibration: CalibrationBin[];
}

function analyzeGroup(
  histogram: ScoreHistogram,
  binning: ScoreBinning,
  skipped: string | undefined,
): GroupScoreResult {
  const auc = areaUnderCurve(histogram);
  const calibration = skipped === undefined ? calibrationBins(histogram, binning) : [];
  const roc = rocCurve(histogram, binning);
  return {
    metrics: {
      auc,
      mean_score: meanScore(histogram),
      brier: brierScore(histogram, skipped),
      calibration_error: expectedCalibrationError(calibration, skipped),
    },
    sweep: thresholdSweep(histogram, binning),
    roc: { ...roc, auc: auc.value },
    calibration,
  };
}

/**
 * Score metrics and curves of the overall row and every group, from the score histograms alone: AUC (exact up to
 * the bin width), mean score, Brier score, expected calibration error, the threshold sweep, ROC and calibration
 * curves. Scores outside [0, 1] keep AUC, mean score and the curves; calibration and Brier say why they are skipped.
 */
export function analyzeScores(input: ScoreAnalysisInput): ScoreAnalysisOutcome {
  const { binning } = input;
  assertValidBinning(binning);
  const histograms = [input.overall, ...input.groups];
  for (const histogram of histograms) assertHistogramShape(histogram, binning);
  const skipped = calibrationSkipReason(binning);
  const metrics = new Map<string, ScoreMetrics>();
  const sweep: SweepPoint[] = [];
  const roc: RocCurve[] = [];
  const bins: CalibrationBin[] = [];
  for (const histogram of histograms) {
    const result = analyzeGroup(histogram, binning, skipped);
    metrics.set(scoreMetricsKey(histogram.attribute, histogram.group), result.metrics);
    sweep.push(...result.sweep);
    roc.push(result.roc);
    bins.push(...result.calibration);
  }
  const analysis: ScoreAnalysis = {
    column: input.column,
    range: { min: binning.min, max: binning.max },
    ...(input.rule ? { rule: input.rule } : {}),
    sweep,
    roc,
    calibration: skipped === undefined ? { bins } : { skipped, bins },
  };
  return { analysis, metrics };
}
