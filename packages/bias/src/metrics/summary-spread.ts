import { BiasSummaryBasisSchema, type BiasSummaryBasis } from '@rai-audit/core';

/**
 * The numeric core of the Fairlearn-style summaries, shared by the point estimates (fairness-summaries.ts) and every
 * bootstrap draw (bootstrap.ts), so that both compute exactly the same thing. NaN stands for "undefined" here and
 * never leaves the package: callers turn it into null with a reason.
 */

/** How a summary compares the groups: with each other (max/min) or each with the overall rate (core's enum). */
export type SummaryBasis = BiasSummaryBasis;

export const SUMMARY_BASES: readonly SummaryBasis[] = BiasSummaryBasisSchema.options;

export interface Spread {
  difference: number;
  ratio: number;
}

function definedRange(values: ArrayLike<number>): { min: number; max: number; defined: number } {
  let min = Infinity;
  let max = -Infinity;
  let defined = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? NaN;
    if (Number.isNaN(value)) continue;
    defined++;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max, defined };
}

/**
 * Spread of one rate across the groups of an attribute (NaN entries are undefined groups, left out).
 * between-groups: difference max − min, ratio min / max (Fairlearn `method="between_groups"`).
 * to-overall: difference max |m(g) − m(overall)|, ratio min over groups of min(m(g)/m(overall), m(overall)/m(g))
 * (Fairlearn `method="to_overall"`: each group's ratio to the overall value, inverted when above 1, then the minimum).
 * Undefined with fewer than two groups or fewer than two defined values, a zero maximum (ratio), or an undefined
 * or zero overall value (to-overall ratio).
 */
export function spreadOf(values: ArrayLike<number>, overall: number, basis: SummaryBasis): Spread {
  const { min, max, defined } = definedRange(values);
  if (values.length < 2 || defined < 2) return { difference: NaN, ratio: NaN };
  if (basis === 'between-groups') return { difference: max - min, ratio: max > 0 ? min / max : NaN };
  if (Number.isNaN(overall)) return { difference: NaN, ratio: NaN };
  const difference = Math.max(Math.abs(max - overall), Math.abs(min - overall));
  if (!(overall > 0)) return { difference, ratio: NaN };
  // The smallest of min(v/o, o/v) is reached at one of the extremes: at min when it is below o, at max above it.
  const below = min <= overall ? min / overall : overall / min;
  const above = max <= overall ? max / overall : overall / max;
  return { difference, ratio: Math.min(below, above) };
}

/** Equalized odds from the TPR and FPR spreads: difference max(dTPR, dFPR), ratio min(rTPR, rFPR); NaN if either is. */
export function equalizedOdds(tpr: Spread, fpr: Spread): Spread {
  const combine = (a: number, b: number, pick: (x: number, y: number) => number): number =>
    Number.isNaN(a) || Number.isNaN(b) ? NaN : pick(a, b);
  return {
    difference: combine(tpr.difference, fpr.difference, Math.max),
    ratio: combine(tpr.ratio, fpr.ratio, Math.min),
  };
}
