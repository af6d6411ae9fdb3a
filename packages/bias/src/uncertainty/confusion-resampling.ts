import type { ConfusionCounts } from '@rai-audit/core';
import { sampleBinomial } from './binomial-sampler.js';
import type { RandomSource } from './seeded-random.js';

/**
 * How to resample one group's confusion counts: n rows fall into the four cells (TP, FP, TN, FN) with the observed
 * cell probabilities, drawn as a chain of binomials (TP of n, FP of the rest, TN of the rest, FN what remains), which
 * is an exact multinomial draw. With a weight column the cells hold weight sums: the probabilities come from the
 * weighted cells and each resampled row carries the mean weight total/n, so a draw keeps the group's total weight
 * in expectation.
 */
export interface CellDesign {
  rows: number;
  /** Weight per resampled row: total/n (1 without weights). */
  scale: number;
  /** P(TP), P(FP | not TP), P(TN | neither TP nor FP). */
  tp: number;
  fp: number;
  tn: number;
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

/** The resampling design of a group with `rows` rows and (possibly weighted) confusion counts. */
export function cellDesign(rows: number, counts: ConfusionCounts): CellDesign {
  const { tp, fp, tn, fn } = counts;
  const total = tp + fp + tn + fn;
  return {
    rows,
    scale: rows > 0 ? total / rows : 0,
    tp: share(tp, total),
    fp: share(fp, fp + tn + fn),
    tn: share(tn, tn + fn),
  };
}

/** Draws one resample of the design into out[offset .. offset+3] as TP, FP, TN, FN. */
export function drawCells(random: RandomSource, design: CellDesign, out: Float64Array, offset: number): void {
  const tp = sampleBinomial(random, design.rows, design.tp);
  let rest = design.rows - tp;
  const fp = sampleBinomial(random, rest, design.fp);
  rest -= fp;
  const tn = sampleBinomial(random, rest, design.tn);
  out[offset] = tp * design.scale;
  out[offset + 1] = fp * design.scale;
  out[offset + 2] = tn * design.scale;
  out[offset + 3] = (rest - tn) * design.scale;
}

/** The counts at out[offset .. offset+3]. */
export function cellsAt(cells: Float64Array, offset: number): ConfusionCounts {
  return {
    tp: cells[offset] ?? 0,
    fp: cells[offset + 1] ?? 0,
    tn: cells[offset + 2] ?? 0,
    fn: cells[offset + 3] ?? 0,
  };
}
