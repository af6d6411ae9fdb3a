import {
  BiasSummaryIdSchema,
  type BiasMetricId,
  type BiasSummaryId,
  type Interval,
  type ReferenceGroup,
} from '@rai-audit/core';
import { cellDesign, cellsAt, drawCells, type CellDesign } from './confusion-resampling.js';
import {
  RATE_INDEX,
  RESAMPLED_METRIC_COUNT as M,
  RESAMPLED_METRIC_IDS,
  fillRates,
} from './resampled-rates.js';
import { percentileInterval } from './percentile-interval.js';
import { deviationInterval, summaryDeviations } from './summary-deviations.js';
import { createSeededRandom, type RandomSource } from './seeded-random.js';
import { SUMMARY_BASES, equalizedOdds, spreadOf, type SummaryBasis } from '../metrics/summary-spread.js';
import type { GroupStatistics } from '../metrics/sufficient-statistics.js';

export interface BootstrapInput {
  overall: GroupStatistics;
  /** Every group of every attribute and intersection. */
  groups: readonly GroupStatistics[];
  references: readonly ReferenceGroup[];
  /** Attributes and intersections (`a+b`) to resample. */
  attributes: readonly string[];
  /** Groups with fewer rows are left out of the summaries, as in computeFairnessSummaries (default 0: none). */
  summaryMinGroupSize?: number;
}

export interface BootstrapOptions {
  draws: number;
  seed: number;
  /** Interval level, e.g. 0.95. */
  level: number;
}

export type DisparityIntervals = Partial<Record<BiasMetricId, { ratio?: Interval; difference?: Interval }>>;

export interface BootstrapResult {
  /** Keyed by groupKey(attribute, group); the reference group has none. */
  disparities: Map<string, DisparityIntervals>;
  /** Keyed by summaryKey(attribute, summary, basis). */
  summaries: Map<string, Interval>;
  /** Why an interval is missing: keyed by disparityKey(...) or summaryKey(...). */
  omitted: Map<string, string>;
}

export const groupKey = (attribute: string, group: string): string => `${attribute}\u0000${group}`;
export const summaryKey = (attribute: string, summary: BiasSummaryId, basis: SummaryBasis): string =>
  `${attribute}\u0000${summary}\u0000${basis}`;
export const disparityKey = (
  attribute: string,
  group: string,
  metric: BiasMetricId,
  kind: 'ratio' | 'difference',
): string => `${attribute}\u0000${group}\u0000${metric}\u0000${kind}`;

/** The summaries a draw computes per basis, in the order of their series: core's BiasSummaryIdSchema. */
const SUMMARY_ORDER: readonly BiasSummaryId[] = BiasSummaryIdSchema.options;
const S = SUMMARY_ORDER.length;

interface AttributePlan {
  attribute: string;
  groups: readonly GroupStatistics[];
  designs: CellDesign[];
  /** Index of the reference group, -1 without one. */
  reference: number;
  /** Set when the groups do not partition the overall rows, which then are resampled on their own. */
  overallDesign?: CellDesign;
  /** Draws of each (group, metric, ratio|difference): index (g·M + m)·2 + kind. */
  disparities: Float64Array[];
  /** The rates of the data, (G+1)·M as in `rates`: what the summaries' deviations are measured from. */
  observed: Float64Array;
  /** Draws of each summary's largest deviation (summary-deviations.ts): index basis·S + summary. */
  summaries: Float64Array[];
  /** The groups the summaries are taken over (indices into groups). */
  summarised: number[];
  /** Scratch buffers reused by every draw: cells (G+1)·4, rates (G+1)·M, and one rate across the groups. */
  cells: Float64Array;
  rates: Float64Array;
  columns: { sr: Float64Array; tpr: Float64Array; fpr: Float64Array };
}

const CELLS = ['tp', 'fp', 'tn', 'fn'] as const;

/**
 * True when the groups add up to the overall row, as the groups of one attribute always do (rows without a value
 * form the "(missing)" group): a draw's overall is then the sum of its resampled groups, as it is in the data. With
 * `--missing drop` they may not, and the overall is resampled on its own.
 */
function partitionsOverall(groups: readonly GroupStatistics[], overall: GroupStatistics): boolean {
  const rows = groups.reduce((sum, g) => sum + g.n, 0);
  if (rows !== overall.n) return false;
  return CELLS.every((cell) => {
    const sum = groups.reduce((total, g) => total + g.counts[cell], 0);
    return Math.abs(sum - overall.counts[cell]) <= 1e-9 * Math.max(1, Math.abs(overall.counts[cell]));
  });
}

function planAttribute(attribute: string, input: BootstrapInput, draws: number): AttributePlan {
  const groups = input.groups.filter((g) => g.attribute === attribute);
  const minimum = input.summaryMinGroupSize ?? 0;
  const summarised = groups.flatMap((g, index) => (g.n >= minimum ? [index] : []));
  const chosen = input.references.find((r) => r.attribute === attribute);
  const series = (count: number): Float64Array[] =>
    Array.from({ length: count }, () => new Float64Array(draws));
  return {
    attribute,
    groups,
    designs: groups.map((g) => cellDesign(g.n, g.counts)),
    reference: chosen ? groups.findIndex((g) => g.group === chosen.group) : -1,
    overallDesign: partitionsOverall(groups, input.overall)
      ? undefined
      : cellDesign(input.overall.n, input.overall.counts),
    disparities: series(groups.length * M * 2),
    summaries: series(SUMMARY_BASES.length * S),
    observed: new Float64Array((groups.length + 1) * M),
    summarised,
    cells: new Float64Array((groups.length + 1) * 4),
    rates: new Float64Array((groups.length + 1) * M),
    columns: {
      sr: new Float64Array(summarised.length),
      tpr: new Float64Array(summarised.length),
      fpr: new Float64Array(summarised.length),
    },
  };
}

/** Resamples every group (and the overall row) into plan.rates: group g at g·M, the overall at G·M. */
function resample(plan: AttributePlan, random: RandomSource): void {
  const { cells } = plan;
  const G = plan.groups.length;
  plan.designs.forEach((design, g) => drawCells(random, design, cells, g * 4));
  if (plan.overallDesign) drawCells(random, plan.overallDesign, cells, G * 4);
  else sumOverall(plan);
  fillAllRates(plan);
}

/** The observed counts (no resampling) into plan.rates, for the point estimates the summaries' intervals centre on. */
function observe(plan: AttributePlan, overall: GroupStatistics): void {
  const { cells } = plan;
  const G = plan.groups.length;
  plan.groups.forEach((g, i) => CELLS.forEach((cell, c) => (cells[i * 4 + c] = g.counts[cell])));
  if (plan.overallDesign) CELLS.forEach((cell, c) => (cells[G * 4 + c] = overall.counts[cell]));
  else sumOverall(plan);
  fillAllRates(plan);
}

function sumOverall(plan: AttributePlan): void {
  const { cells } = plan;
  const G = plan.groups.length;
  cells.fill(0, G * 4);
  for (let i = 0; i < G * 4; i++) cells[G * 4 + (i % 4)] = (cells[G * 4 + (i % 4)] ?? 0) + (cells[i] ?? 0);
}

function fillAllRates(plan: AttributePlan): void {
  const { cells, rates } = plan;
  const G = plan.groups.length;
  const overallPredictedPositives = (cells[G * 4] ?? 0) + (cells[G * 4 + 1] ?? 0);
  for (let g = 0; g <= G; g++) fillRates(rates, g * M, cellsAt(cells, g * 4), overallPredictedPositives);
}

function recordDisparities(plan: AttributePlan, draw: number): void {
  const { rates, reference: ref } = plan;
  if (ref < 0) return;
  for (let g = 0; g < plan.groups.length; g++) {
    if (g === ref) continue;
    for (let m = 0; m < M; m++) {
      const value = rates[g * M + m] ?? NaN;
      const base = rates[ref * M + m] ?? NaN;
      const at = (g * M + m) * 2;
      (plan.disparities[at] as Float64Array)[draw] = base === 0 ? NaN : value / base;
      (plan.disparities[at + 1] as Float64Array)[draw] = value - base;
    }
  }
}

/** The summaries of the rates in plan.rates (the point estimates, as fairness-summaries.ts computes them). */
function recordSummaries(plan: AttributePlan, target: readonly Float64Array[], draw: number): void {
  const { rates, columns, summarised } = plan;
  const G = plan.groups.length;
  const [sr, tpr, fpr] = [RATE_INDEX.selection_rate, RATE_INDEX.tpr, RATE_INDEX.fpr];
  for (let i = 0; i < summarised.length; i++) {
    const g = summarised[i] as number;
    columns.sr[i] = rates[g * M + sr] ?? NaN;
    columns.tpr[i] = rates[g * M + tpr] ?? NaN;
    columns.fpr[i] = rates[g * M + fpr] ?? NaN;
  }
  const overallOf = (metric: number): number => rates[G * M + metric] ?? NaN;
  SUMMARY_BASES.forEach((basis, b) => {
    const dp = spreadOf(columns.sr, overallOf(sr), basis);
    const opportunity = spreadOf(columns.tpr, overallOf(tpr), basis);
    const odds = equalizedOdds(opportunity, spreadOf(columns.fpr, overallOf(fpr), basis));
    const values: Record<BiasSummaryId, number> = {
      demographic_parity_difference: dp.difference,
      demographic_parity_ratio: dp.ratio,
      equalized_odds_difference: odds.difference,
      equalized_odds_ratio: odds.ratio,
      equal_opportunity_difference: opportunity.difference,
      equal_opportunity_ratio: opportunity.ratio,
    };
    SUMMARY_ORDER.forEach((summary, s) => ((target[b * S + s] as Float64Array)[draw] = values[summary]));
  });
}

function collect(
  plan: AttributePlan,
  estimates: readonly Float64Array[],
  level: number,
  result: BootstrapResult,
): void {
  const { attribute } = plan;
  const keepOrSay = (interval: Interval | string, key: string, keep: (interval: Interval) => void): void => {
    if (typeof interval === 'string') result.omitted.set(key, interval);
    else keep(interval);
  };
  const store = (series: Float64Array | undefined, key: string, keep: (interval: Interval) => void): void =>
    keepOrSay(percentileInterval(series ?? new Float64Array(), level), key, keep);
  plan.groups.forEach(({ group }, g) => {
    if (plan.reference < 0 || g === plan.reference) return;
    const intervals: DisparityIntervals = {};
    RESAMPLED_METRIC_IDS.forEach((metric, m) => {
      const entry: { ratio?: Interval; difference?: Interval } = {};
      (['ratio', 'difference'] as const).forEach((kind, k) =>
        store(plan.disparities[(g * M + m) * 2 + k], disparityKey(attribute, group, metric, kind), (i) => {
          entry[kind] = i;
        }),
      );
      intervals[metric] = entry;
    });
    result.disparities.set(groupKey(attribute, group), intervals);
  });
  SUMMARY_BASES.forEach((basis, b) =>
    SUMMARY_ORDER.forEach((summary, s) => {
      const key = summaryKey(attribute, summary, basis);
      const estimate = estimates[b * S + s]?.[0] ?? NaN;
      const draws = plan.summaries[b * S + s] ?? new Float64Array();
      const kind = summary.endsWith('_ratio') ? 'ratio' : 'difference';
      keepOrSay(deviationInterval(draws, estimate, kind, level), key, (i) => result.summaries.set(key, i));
    }),
  );
}

/**
 * Seeded bootstrap of every disparity (ratio and difference against the reference group, for each rate computable
 * from confusion counts: percentile intervals) and every Fairlearn-style summary (simultaneous intervals around the
 * estimate, see summary-deviations.ts), by multinomial resampling of each group's
 * counts (see confusion-resampling.ts). Each attribute has its own random stream derived from the seed and its name,
 * so adding an attribute does not move another's intervals. Draws where a value is undefined are dropped; with more
 * than half dropped there is no interval, and `omitted` says why.
 */
export function bootstrapIntervals(input: BootstrapInput, options: BootstrapOptions): BootstrapResult {
  const { draws, seed, level } = options;
  if (!Number.isInteger(draws) || draws < 0)
    throw new RangeError(`draws must be a whole number ≥ 0, got ${draws}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be between 0 and 1, got ${level}`);
  const result: BootstrapResult = { disparities: new Map(), summaries: new Map(), omitted: new Map() };
  if (draws === 0) return result;
  for (const attribute of input.attributes) {
    const plan = planAttribute(attribute, input, draws);
    if (plan.groups.length === 0) continue;
    const estimates = Array.from({ length: SUMMARY_BASES.length * S }, () => new Float64Array(1));
    observe(plan, input.overall);
    recordSummaries(plan, estimates, 0);
    plan.observed.set(plan.rates);
    const deviations = { ...plan, groups: plan.groups.length };
    const random = createSeededRandom(seed, attribute);
    for (let draw = 0; draw < draws; draw++) {
      resample(plan, random);
      recordDisparities(plan, draw);
      summaryDeviations(deviations, (at, value) => ((plan.summaries[at] as Float64Array)[draw] = value));
    }
    collect(plan, estimates, level, result);
  }
  return result;
}
