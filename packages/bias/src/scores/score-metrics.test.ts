import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildScoreHistogram, type ScoredRow } from '../../test/score-histograms.js';
import { aucBinningError, areaUnderCurve, brierScore, meanScore } from './score-metrics.js';
import type { ScoreBinning } from '../metrics/sufficient-statistics.js';

const key = { attribute: 'sex', group: 'female' };
const unit: ScoreBinning = { min: 0, max: 1, bins: 10 };
const histogram = (rows: readonly ScoredRow[], binning: ScoreBinning = unit) =>
  buildScoreHistogram(key, rows, binning);
const row = (score: number, label: 0 | 1, weight?: number): ScoredRow =>
  weight === undefined ? { score, label } : { score, label, weight };

/** AUC by comparing every (positive, negative) pair, ties ½: the definition the binned AUC must match. */
function pairwiseAuc(rows: readonly ScoredRow[]): number {
  const positives = rows.filter((r) => r.label === 1);
  const negatives = rows.filter((r) => r.label === 0);
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
  }
  return wins / (positives.length * negatives.length);
}

describe('areaUnderCurve', () => {
  it('is 1 for perfectly ranked scores and 0 for inverted ones', () => {
    const perfect = [row(0.05, 0), row(0.15, 0), row(0.85, 1), row(0.95, 1)];
    expect(areaUnderCurve(histogram(perfect)).value).toBe(1);
    const inverted = perfect.map((r) => row(r.score, r.label === 1 ? 0 : 1));
    expect(areaUnderCurve(histogram(inverted)).value).toBe(0);
  });

  it('is 0.5 when both labels have the same scores, and when every score is tied', () => {
    const same = [0.15, 0.35, 0.75].flatMap((s) => [row(s, 1), row(s, 0)]);
    expect(areaUnderCurve(histogram(same)).value).toBe(0.5);
    const constant = histogram([row(0.4, 1), row(0.4, 0), row(0.4, 0)], { min: 0.4, max: 0.4, bins: 1 });
    expect(areaUnderCurve(constant).value).toBe(0.5);
  });

  it('counts a pair within one bin as ½: U = 1·(1 + ½) over 1·2 pairs', () => {
    const rows = [row(0.25, 1), row(0.25, 0), row(0.15, 0)];
    const auc = areaUnderCurve(histogram(rows));
    expect(auc).toEqual({ value: 0.75, numerator: 1.5, denominator: 2 });
    expect(aucBinningError(histogram(rows))).toBe(0.25);
  });

  it('is undefined with the reason for a group without positives or without negatives', () => {
    expect(areaUnderCurve(histogram([row(0.3, 0), row(0.6, 0)]))).toMatchObject({
      value: null,
      reason: 'no actual positives (no rows with label 1)',
    });
    expect(areaUnderCurve(histogram([row(0.3, 1)])).reason).toBe(
      'no actual negatives (no rows with label 0)',
    );
    expect(areaUnderCurve(histogram([])).reason).toBe('no rows with a score');
    expect(aucBinningError(histogram([row(0.3, 1)]))).toBeNull();
  });

  it('treats a weight as that many copies of the row', () => {
    const weighted = [row(0.15, 0, 3), row(0.45, 1, 2), row(0.45, 0, 1), row(0.85, 1, 1)];
    const copies = weighted.flatMap((r) =>
      Array.from({ length: r.weight ?? 1 }, () => row(r.score, r.label)),
    );
    expect(areaUnderCurve(histogram(weighted)).value).toBeCloseTo(pairwiseAuc(copies), 12);
  });

  const scoredRows = (scores: fc.Arbitrary<number>) =>
    fc.array(fc.record({ score: scores, label: fc.constantFrom<0 | 1>(0, 1) }), {
      minLength: 2,
      maxLength: 40,
    });

  it('equals the pairwise AUC when no bin holds two different scores (scores on bin centres)', () => {
    const binning: ScoreBinning = { min: 0, max: 1, bins: 20 };
    const centres = fc.integer({ min: 0, max: 19 }).map((i) => (i + 0.5) / 20);
    fc.assert(
      fc.property(scoredRows(centres), (rows) => {
        const auc = areaUnderCurve(histogram(rows, binning)).value;
        if (!rows.some((r) => r.label === 1) || !rows.some((r) => r.label === 0)) return auc === null;
        return auc !== null && Math.abs(auc - pairwiseAuc(rows)) < 1e-12;
      }),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('stays within aucBinningError of the pairwise AUC for any scores', () => {
    const binning: ScoreBinning = { min: 0, max: 1, bins: 8 };
    fc.assert(
      fc.property(scoredRows(fc.double({ min: 0, max: 1, noNaN: true })), (rows) => {
        const h = histogram(rows, binning);
        const auc = areaUnderCurve(h).value;
        const bound = aucBinningError(h);
        if (auc === null || bound === null) return auc === null && bound === null;
        return Math.abs(auc - pairwiseAuc(rows)) <= bound + 1e-12;
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('meanScore and brierScore', () => {
  const rows = [row(0.9, 1), row(0.2, 0), row(0.6, 0), row(0.4, 1)];

  it('computes the mean score Σs/n', () => {
    expect(meanScore(histogram(rows))).toEqual({ value: 0.525, numerator: 2.1, denominator: 4 });
  });

  it('computes the Brier score from sums: (0.01 + 0.04 + 0.36 + 0.36) / 4', () => {
    const brier = brierScore(histogram(rows));
    expect(brier.value).toBeCloseTo(0.1925, 12);
    expect(brier.denominator).toBe(4);
  });

  it('is 0 for scores equal to their labels and 1 for scores opposite to them', () => {
    expect(brierScore(histogram([row(1, 1), row(0, 0)])).value).toBe(0);
    expect(brierScore(histogram([row(0, 1), row(1, 0)])).value).toBe(1);
  });

  it('is undefined with the reason when skipped or when there are no rows', () => {
    expect(brierScore(histogram(rows), 'scores outside [0, 1]')).toEqual({
      value: null,
      reason: 'scores outside [0, 1]',
    });
    expect(brierScore(histogram([])).reason).toBe('no rows with a score');
    expect(meanScore(histogram([])).value).toBeNull();
  });

  it('weights each row by its weight', () => {
    const brier = brierScore(histogram([row(0.5, 1, 3), row(0.9, 0, 1)]));
    expect(brier.value).toBeCloseTo((3 * 0.25 + 0.81) / 4, 12);
  });
});
