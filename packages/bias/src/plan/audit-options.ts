import { UsageError } from '@rai-audit/core';
import type { IntersectionRequest } from './grouping-plan.js';
import type { ReferenceSpec } from '../metrics/reference-groups.js';

/** Group-specific score thresholds for the groups of one attribute (the first attribute unless named). */
export interface GroupThresholds {
  attribute?: string;
  thresholds: Record<string, number>;
}

/** Everything a bias audit can be asked to do; only `file`, `attributes` and `label` are required. */
export interface BiasAuditOptions {
  /** A CSV, TSV, Parquet, JSON or NDJSON file, a glob, a folder of Parquet parts, or a list of these. */
  file: string | readonly string[];
  /** One or more sensitive attribute columns. */
  attributes: string[];
  /** Intersections of attributes (`['race', 'sex']`), or `all-pairs`. */
  intersections?: IntersectionRequest[];
  /** Bucket edges of numeric attributes, e.g. `{ age: [18, 25, 45, 65] }`. */
  bins?: Record<string, number[]>;
  /** Quantile buckets of numeric attributes, e.g. `{ age: 4 }` for quartiles (edges from one extra query). */
  quantiles?: Record<string, number>;
  /** Rows without a value of an attribute: their own group (default), left out of that attribute, or an error. */
  missing?: 'group' | 'drop' | 'error';
  /** Ground-truth column. */
  label: string;
  /** Predicted-class column; without it and without a score the audit is a dataset audit. */
  prediction?: string;
  /** Which value is positive when the label or prediction holds strings (or numbers other than 0/1). */
  positiveLabel?: string;
  /** Score column: predictions come from it (with a threshold rule) unless `prediction` is given too. */
  score?: string;
  threshold?: number;
  topK?: number;
  topPercent?: number;
  groupThresholds?: GroupThresholds;
  /** Equal-width score bins of the histograms (default 200). */
  scoreBins?: number;
  /** Non-negative row weights: the confusion cells become weight sums. */
  weight?: string;
  references?: ReferenceSpec[];
  /** Parity band [tau, 1/tau] (default 0.8). */
  tau?: number;
  /** Groups below this many rows get insufficient-data verdicts (default 30). */
  minGroupSize?: number;
  /**
   * Groups the Fairlearn-style summaries are taken over: `sufficient` (default) leaves out groups under
   * minGroupSize, `all` takes every group as Fairlearn does.
   */
  summaryGroups?: SummaryGroups;
  /** Bootstrap draws (default 1000; 0 turns the bootstrap off). */
  bootstrap?: number;
  seed?: number;
  /** Interval level (default 0.95). */
  level?: number;
  /** Expected share of each group per attribute, for the dataset audit's goodness-of-fit test. */
  expectedShares?: Record<string, Record<string, number>>;
  /** Columns measured as proxies in a dataset audit (default: every other column). */
  features?: string[];
  /** A pre-aggregated counts table (the output of the --emit-sql query) to audit instead of the data. */
  fromCounts?: string;
}

export type SummaryGroups = 'sufficient' | 'all';

/** The options with their defaults applied and checked. */
export interface AuditSettings {
  mode: 'predictions' | 'dataset';
  tau: number;
  minGroupSize: number;
  summaryGroups: SummaryGroups;
  missing: 'group' | 'drop' | 'error';
  draws: number;
  seed: number;
  level: number;
  scoreBins: number;
}

export const DEFAULT_SETTINGS = {
  tau: 0.8,
  minGroupSize: 30,
  draws: 1000,
  seed: 0,
  level: 0.95,
  scoreBins: 200,
} as const;

/**
 * The most bootstrap draws a run takes: every draw keeps one value per group, rate and disparity, so memory grows
 * with draws × groups; 100,000 draws put the third decimal of a 95% interval's bounds beyond doubt already.
 */
export const MAX_BOOTSTRAP_DRAWS = 100_000;

function fail(flag: string, problem: string, hint: string): never {
  throw new UsageError(`${flag} ${problem}`, { hint });
}

function checkNumbers(options: BiasAuditOptions): void {
  const { tau, minGroupSize, bootstrap, seed, level, scoreBins, threshold, topK, topPercent } = options;
  if (tau !== undefined && !(tau > 0 && tau <= 1))
    fail('--tau', `must be in (0, 1], got ${tau}`, 'e.g. --tau 0.8 (the four-fifths rule)');
  if (minGroupSize !== undefined && !(Number.isInteger(minGroupSize) && minGroupSize >= 0)) {
    fail('--min-group-size', `must be a whole number >= 0, got ${minGroupSize}`, 'e.g. --min-group-size 30');
  }
  if (bootstrap !== undefined && !(Number.isInteger(bootstrap) && bootstrap >= 0)) {
    fail(
      '--bootstrap',
      `must be a whole number >= 0, got ${bootstrap}`,
      'e.g. --bootstrap 1000, or 0 for no bootstrap',
    );
  }
  if (bootstrap !== undefined && bootstrap > MAX_BOOTSTRAP_DRAWS) {
    fail(
      '--bootstrap',
      `must be at most ${MAX_BOOTSTRAP_DRAWS.toLocaleString('en-US')} draws, got ${bootstrap}`,
      "e.g. --bootstrap 1000 (the default) or 10000; more draws do not change the intervals' reported digits",
    );
  }
  if (seed !== undefined && !Number.isSafeInteger(seed))
    fail('--seed', `must be a whole number, got ${seed}`, 'e.g. --seed 42');
  if (level !== undefined && !(level > 0 && level < 1))
    fail('--level', `must be between 0 and 1, got ${level}`, 'e.g. 0.95');
  if (scoreBins !== undefined && !(Number.isInteger(scoreBins) && scoreBins >= 2 && scoreBins <= 10_000)) {
    fail('--score-bins', `must be a whole number from 2 to 10000, got ${scoreBins}`, 'e.g. --score-bins 200');
  }
  if (threshold !== undefined && !Number.isFinite(threshold))
    fail('--threshold', 'must be a number', 'e.g. --threshold 0.5');
  if (topK !== undefined && !(Number.isInteger(topK) && topK > 0))
    fail('--top-k', `must be a whole number > 0, got ${topK}`, 'e.g. --top-k 1000');
  if (topPercent !== undefined && !(topPercent > 0 && topPercent <= 100)) {
    fail('--top-percent', `must be in (0, 100], got ${topPercent}`, 'e.g. --top-percent 10');
  }
}

function checkScoreRules(options: BiasAuditOptions): void {
  const rules = [
    options.threshold !== undefined && options.groupThresholds === undefined ? '--threshold' : undefined,
    options.topK !== undefined ? '--top-k' : undefined,
    options.topPercent !== undefined ? '--top-percent' : undefined,
    options.groupThresholds !== undefined ? '--thresholds' : undefined,
  ].filter((rule): rule is string => rule !== undefined);
  if (rules.length > 1)
    fail(
      rules.join(' and '),
      'cannot be combined',
      'Choose one rule to turn scores into predictions (--threshold may serve as the default of --thresholds)',
    );
  if (rules.length > 0 && options.score === undefined)
    fail(rules[0] ?? '', 'needs a score column', 'Add --score COLUMN');
  if (options.score !== undefined && options.prediction === undefined && rules.length === 0) {
    fail(
      '--score',
      'needs a rule that turns scores into predictions, or a --prediction column',
      'Add --threshold 0.5, --top-k K, --top-percent P or --thresholds, or --prediction COLUMN',
    );
  }
  const grouped = options.groupThresholds;
  if (grouped) {
    const attribute = grouped.attribute ?? options.attributes[0];
    if (attribute !== options.attributes[0]) {
      fail(
        '--thresholds',
        `names "${attribute}", but group thresholds apply to the first --attribute (${options.attributes[0] ?? 'none'})`,
        `List ${attribute} first in --attribute`,
      );
    }
    for (const [group, value] of Object.entries(grouped.thresholds)) {
      if (!Number.isFinite(value))
        fail(
          '--thresholds',
          `${group}=${value} is not a number`,
          'Write --thresholds race:White=0.5,Black=0.45',
        );
    }
  }
}

function checkBuckets(options: BiasAuditOptions): void {
  for (const [flag, table] of [
    ['--bins', options.bins],
    ['--quantiles', options.quantiles],
  ] as const) {
    for (const attribute of Object.keys(table ?? {})) {
      if (!options.attributes.includes(attribute))
        fail(
          flag,
          `names "${attribute}", which is not an --attribute`,
          `Add it to --attribute, or fix the name (attributes: ${options.attributes.join(', ')})`,
        );
      if (flag === '--quantiles' && options.bins?.[attribute] !== undefined)
        fail('--bins and --quantiles', `both cut "${attribute}"`, 'Give one of them per attribute');
    }
  }
  for (const [attribute, count] of Object.entries(options.quantiles ?? {})) {
    if (!(Number.isInteger(count) && count >= 2 && count <= 100))
      fail(
        '--quantiles',
        `${attribute}=${count} must ask for 2 to 100 buckets`,
        `e.g. --quantiles ${attribute}=4 for quartiles`,
      );
  }
}

/** Checks the options that make no sense whatever the data holds (UsageError, exit 2) and applies the defaults. */
export function resolveAuditSettings(options: BiasAuditOptions): AuditSettings {
  checkNumbers(options);
  checkScoreRules(options);
  checkBuckets(options);
  return {
    mode: options.prediction === undefined && options.score === undefined ? 'dataset' : 'predictions',
    tau: options.tau ?? DEFAULT_SETTINGS.tau,
    minGroupSize: options.minGroupSize ?? DEFAULT_SETTINGS.minGroupSize,
    summaryGroups: options.summaryGroups ?? 'sufficient',
    missing: options.missing ?? 'group',
    draws: options.bootstrap ?? DEFAULT_SETTINGS.draws,
    seed: options.seed ?? DEFAULT_SETTINGS.seed,
    level: options.level ?? DEFAULT_SETTINGS.level,
    scoreBins: options.scoreBins ?? DEFAULT_SETTINGS.scoreBins,
  };
}
