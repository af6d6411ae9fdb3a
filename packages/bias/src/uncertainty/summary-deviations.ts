import { BiasSummaryIdSchema, type BiasSummaryId, type Interval } from '@rai-audit/core';
import { keepDefined, quantileInPlace } from './percentile-interval.js';
import { RATE_INDEX, RESAMPLED_METRIC_COUNT as M } from './resampled-rates.js';
import { SUMMARY_BASES, type SummaryBasis } from '../metrics/summary-spread.js';

/**
 * Intervals for the Fairlearn-style summaries that contain their estimate by construction.
 *
 * Every summary is a maximum of absolute contrasts of rates: between groups max|p_i − p_j| (the difference) and
 * max|log p_i − log p_j| (minus the log of the ratio), to overall max|p_g − p_o| and max|log p_g − log p_o|, and
 * equalized odds the larger of the TPR's and the FPR's. For any such maximum |max|c(p̂)| − max|c(p)|| ≤
 * max|c(p̂) − c(p)|, so with c the `level` quantile of the bootstrap's max|c(p*) − c(p̂)| (the largest deviation of
 * any contrast in a draw from its estimate), [s − c, s + c] is a simultaneous interval: it holds the true value as
 * often as the contrasts all lie within c of theirs, which the bootstrap estimates well because each contrast is
 * smooth. A percentile interval of the max itself does not: the max of resampled rates lies above the estimate more
 * often than not, and when the groups are alike the interval misses both the estimate and the truth.
 */

const SUMMARY_ORDER: readonly BiasSummaryId[] = BiasSummaryIdSchema.options;
const S = SUMMARY_ORDER.length;

/** What one draw's deviations are computed from: rates of the draw and of the data, (G+1)·M each. */
export interface DeviationInput {
  rates: Float64Array;
  observed: Float64Array;
  /** The groups the summaries are taken over; the overall row is at index `groups`. */
  summarised: readonly number[];
  groups: number;
}

const identity = (x: number): number => x;

/** max|e_i − e_j| (between groups) or max|e_g − e_o| (to overall) of the deviations e = f(p*) − f(p̂); NaN if < 2. */
function largestDeviation(
  input: DeviationInput,
  metric: number,
  basis: SummaryBasis,
  f: (x: number) => number,
) {
  const { rates, observed, summarised, groups: G } = input;
  const deviation = (g: number): number => {
    const base = observed[g * M + metric] ?? NaN;
    // A rate of 0 in the data has an undefined log: its ratio is 0 and gets no interval (see deviationInterval).
    return base > 0 || f === identity ? f(rates[g * M + metric] ?? NaN) - f(base) : NaN;
  };
  const overall = basis === 'to-overall' ? deviation(G) : 0;
  if (Number.isNaN(overall)) return NaN;
  let low = Infinity;
  let high = -Infinity;
  let defined = 0;
  for (const g of summarised) {
    const e = deviation(g);
    if (Number.isNaN(e)) continue;
    defined++;
    if (e < low) low = e;
    if (e > high) high = e;
  }
  if (defined < 2) return NaN;
  return basis === 'between-groups'
    ? high - low
    : Math.max(Math.abs(high - overall), Math.abs(low - overall));
}

/** One draw's largest deviation of every summary, at out[basis·S + summary] (core's order of summaries). */
export function summaryDeviations(
  input: DeviationInput,
  write: (index: number, value: number) => void,
): void {
  const [sr, tpr, fpr] = [RATE_INDEX.selection_rate, RATE_INDEX.tpr, RATE_INDEX.fpr];
  SUMMARY_BASES.forEach((basis, b) => {
    const linear = (m: number): number => largestDeviation(input, m, basis, identity);
    const log = (m: number): number => largestDeviation(input, m, basis, Math.log);
    const [srLinear, tprLinear, fprLinear] = [linear(sr), linear(tpr), linear(fpr)];
    const [srLog, tprLog, fprLog] = [log(sr), log(tpr), log(fpr)];
    const values: Record<BiasSummaryId, number> = {
      demographic_parity_difference: srLinear,
      demographic_parity_ratio: srLog,
      equalized_odds_difference: Math.max(tprLinear, fprLinear),
      equalized_odds_ratio: Math.max(tprLog, fprLog),
      equal_opportunity_difference: tprLinear,
      equal_opportunity_ratio: tprLog,
    };
    SUMMARY_ORDER.forEach((summary, s) => write(b * S + s, values[summary]));
  });
}

/**
 * The interval of a summary from its draws of the largest deviation: [v − c, v + c] for a difference and
 * [v·e^−c, v·e^c] for a ratio, clipped to [0, 1], with c their `level` quantile; or the reason there is none.
 */
export function deviationInterval(
  draws: Float64Array,
  estimate: number,
  kind: 'difference' | 'ratio',
  level: number,
): Interval | string {
  const kept = keepDefined(draws);
  if (typeof kept === 'string') return kept;
  if (kind === 'ratio' && estimate === 0) {
    return 'no bootstrap interval: a ratio of 0 comes from a rate of 0, whose resampled ratios stay 0';
  }
  // Draws where a rate fell to 0 have an infinite log deviation; the quantile between two of them is ∞ − ∞ = NaN.
  const quantile = quantileInPlace(kept, level);
  const c = Number.isNaN(quantile) ? Infinity : quantile;
  const [lower, upper] =
    kind === 'difference' ? [estimate - c, estimate + c] : [estimate * Math.exp(-c), estimate * Math.exp(c)];
  return { lower: Math.max(0, lower), upper: Math.min(1, upper), level, method: 'bootstrap' };
}
