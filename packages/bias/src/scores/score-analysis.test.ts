import { MetricValueSchema, ScoreAnalysisSchema } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { analyzeScores, scoreMetricsKey } from './score-analysis.js';
import { thinIndices } from './score-binning.js';
import { calibrationBins, expectedCalibrationError } from './score-calibration.js';
import { rocCurve, thresholdSweep } from './score-curves.js';
import { buildScoreHistogram, type ScoredRow } from '../../test/score-histograms.js';
import { thresholdForTopK, thresholdForTopPercent } from './score-thresholds.js';
import type { ScoreBinning } from '../metrics/sufficient-statistics.js';

const unit: ScoreBinning = { min: 0, max: 1, bins: 10 };
const row = (score: number, label: 0 | 1): ScoredRow => ({ score, label });
const female = { attribute: 'sex', group: 'female' };
const male = { attribute: 'sex', group: 'male' };
const overallKey = { attribute: '(overall)', group: '(all)' };

// Calibration by hand: tenth [0.1, 0.2): 3 rows at 0.15, 1 positive → |0.15 − 1/3|; tenth [0.8, 0.9): 4 rows at
// 0.85, 3 positives → |0.85 − 0.75|. ECE = (3·0.18333… + 4·0.1) / 7.
const calibrationRows = [
  row(0.15, 1),
  row(0.15, 0),
  row(0.15, 0),
  row(0.85, 1),
  row(0.85, 1),
  row(0.85, 1),
  row(0.85, 0),
];
const handEce = (3 * Math.abs(0.15 - 1 / 3) + 4 * 0.1) / 7;

describe('calibration', () => {
  it('bins by tenths with n, mean score and observed rate, leaving empty tenths out', () => {
    const bins = calibrationBins(buildScoreHistogram(female, calibrationRows, unit), unit);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ lower: 0.1, upper: 0.2, n: 3, observedRate: 1 / 3 });
    expect(bins[0]?.meanScore).toBeCloseTo(0.15, 12);
    expect(bins[1]).toMatchObject({ lower: 0.8, upper: 0.9, n: 4, observedRate: 0.75 });
    expect(expectedCalibrationError(bins).value).toBeCloseTo(handEce, 12);
  });

  it('merges fine bins into the same tenths (1000 bins give the 10-bin result)', () => {
    const fine: ScoreBinning = { min: 0, max: 1, bins: 1000 };
    const coarse = calibrationBins(buildScoreHistogram(female, calibrationRows, unit), unit);
    const merged = calibrationBins(buildScoreHistogram(female, calibrationRows, fine), fine);
    expect(merged.map((b) => [b.lower, b.n, b.observedRate])).toEqual(
      coarse.map((b) => [b.lower, b.n, b.observedRate]),
    );
    expect(expectedCalibrationError(merged).value).toBeCloseTo(handEce, 12);
  });
});

describe('thresholdSweep and rocCurve', () => {
  const rows = Array.from({ length: 200 }, (_, i) => row((i % 97) / 96, (i * 7) % 5 < 2 ? 1 : 0));
  const fine: ScoreBinning = { min: 0, max: 1, bins: 1000 };
  const h = buildScoreHistogram(female, rows, fine);

  it('runs from everything selected at min to nothing at max, never rising, in at most 101 points', () => {
    const sweep = thresholdSweep(h, fine);
    expect(sweep.length).toBeLessThanOrEqual(101);
    expect(sweep[0]).toMatchObject({ threshold: 0, selection_rate: 1, tpr: 1, fpr: 1 });
    expect(sweep.at(-1)).toMatchObject({ threshold: 1, selection_rate: 0, tpr: 0, fpr: 0 });
    for (let i = 1; i < sweep.length; i += 1) {
      const [before, after] = [sweep[i - 1], sweep[i]];
      expect(after?.threshold).toBeGreaterThan(before?.threshold ?? Infinity);
      for (const rate of ['selection_rate', 'tpr', 'fpr'] as const) {
        expect(after?.[rate]).toBeLessThanOrEqual(before?.[rate] ?? -1);
      }
    }
  });

  it('gives the exact selection at a bin edge: score ≥ 0.5 selects the rows in the upper half', () => {
    const sweep = thresholdSweep(buildScoreHistogram(female, rows, unit), unit);
    const atHalf = sweep.find((p) => p.threshold === 0.5);
    expect(atHalf?.selection_rate).toBe(rows.filter((r) => r.score >= 0.5).length / rows.length);
  });

  it('draws the ROC curve from (0,0) to (1,1) with FPR and TPR never falling', () => {
    const roc = rocCurve(h, fine);
    expect(roc.points.length).toBeLessThanOrEqual(101);
    expect(roc.points[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(roc.points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
    for (let i = 1; i < roc.points.length; i += 1) {
      expect(roc.points[i]?.fpr).toBeGreaterThanOrEqual(roc.points[i - 1]?.fpr ?? 2);
      expect(roc.points[i]?.tpr).toBeGreaterThanOrEqual(roc.points[i - 1]?.tpr ?? 2);
    }
  });

  it('leaves TPR null in the sweep and the ROC curve empty for a group without positives', () => {
    const negativesOnly = buildScoreHistogram(female, [row(0.2, 0), row(0.7, 0)], unit);
    expect(thresholdSweep(negativesOnly, unit).every((p) => p.tpr === null && p.fpr !== null)).toBe(true);
    expect(rocCurve(negativesOnly, unit)).toMatchObject({
      points: [],
      reason: expect.stringContaining('no actual positives'),
    });
  });
});

describe('analyzeScores', () => {
  const femaleRows = [row(0.9, 1), row(0.2, 0), row(0.6, 0), row(0.4, 1)];
  const maleRows = [row(0.3, 0), row(0.1, 0)];
  const input = (binning: ScoreBinning) => ({
    column: 'score',
    binning,
    overall: buildScoreHistogram(overallKey, [...femaleRows, ...maleRows], binning),
    groups: [buildScoreHistogram(female, femaleRows, binning), buildScoreHistogram(male, maleRows, binning)],
    rule: { kind: 'threshold' as const, threshold: 0.5 },
  });

  it('fills the four score metrics of every group and a schema-valid analysis', () => {
    const { analysis, metrics } = analyzeScores(input(unit));
    expect(ScoreAnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.rule).toEqual({ kind: 'threshold', threshold: 0.5 });
    expect(analysis.calibration.skipped).toBeUndefined();
    expect([...metrics.keys()]).toEqual([
      scoreMetricsKey('(overall)', '(all)'),
      scoreMetricsKey('sex', 'female'),
      scoreMetricsKey('sex', 'male'),
    ]);
    const femaleMetrics = metrics.get(scoreMetricsKey('sex', 'female'));
    expect(femaleMetrics?.brier?.value).toBeCloseTo(0.1925, 12);
    expect(femaleMetrics?.auc?.value).toBe(0.75);
    expect(metrics.get(scoreMetricsKey('sex', 'male'))?.auc?.reason).toContain('no actual positives');
    for (const values of metrics.values()) for (const v of Object.values(values)) MetricValueSchema.parse(v);
    expect(analysis.roc.find((c) => c.group === 'male')).toMatchObject({ auc: null, points: [] });
  });

  it('skips calibration and the Brier score with the reason when scores leave [0, 1], keeping the AUC', () => {
    const wide: ScoreBinning = { min: -2, max: 3, bins: 50 };
    const { analysis, metrics } = analyzeScores(input(wide));
    expect(ScoreAnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.calibration.skipped).toMatch(/outside \[0, 1\]/);
    expect(analysis.calibration.bins).toEqual([]);
    const femaleMetrics = metrics.get(scoreMetricsKey('sex', 'female'));
    expect(femaleMetrics?.calibration_error).toMatchObject({
      value: null,
      reason: expect.stringContaining('outside'),
    });
    expect(femaleMetrics?.brier?.value).toBeNull();
    expect(femaleMetrics?.auc?.value).toBe(0.75);
  });

  it('rejects a histogram that does not match the binning', () => {
    expect(() => analyzeScores({ ...input(unit), binning: { min: 0, max: 1, bins: 5 } })).toThrow(
      /does not have 5 bins/,
    );
  });
});

describe('thresholdForTopK', () => {
  const h = buildScoreHistogram(
    overallKey,
    [0.05, 0.25, 0.45, 0.45, 0.85].map((s) => row(s, 0)),
    unit,
  );

  it('returns the lower edge of the bin where the top rows reach k', () => {
    expect(thresholdForTopK(h, unit, 1)).toBe(0.8);
    expect(thresholdForTopK(h, unit, 2)).toBe(0.4);
    expect(thresholdForTopK(h, unit, 3)).toBe(0.4);
    expect(thresholdForTopK(h, unit, 99)).toBe(0);
    expect(thresholdForTopPercent(h, unit, 20)).toBe(0.8);
  });

  it('rejects a k that is not positive', () => {
    expect(() => thresholdForTopK(h, unit, 0)).toThrow(RangeError);
  });
});

describe('thinIndices', () => {
  it('keeps every index up to the limit, else the first, the last and evenly spread ones', () => {
    expect(thinIndices(3, 101)).toEqual([0, 1, 2]);
    const thinned = thinIndices(1001, 101);
    expect(thinned).toHaveLength(101);
    expect(thinned[0]).toBe(0);
    expect(thinned.at(-1)).toBe(1000);
  });
});
