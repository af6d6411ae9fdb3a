/**
 * Full-featured bias sections for the reporter tests (not exported from index.ts): intersections, references,
 * disparities with intervals, small groups, undefined values, weights, scores (with a skipped-calibration variant)
 * and a dataset-mode section. Every figure derives from confusion counts, so the report's parts agree.
 */
import type {
  BiasMetricId,
  BiasSection,
  BiasSettings,
  ConfusionCounts,
  GroupMetrics,
  ReferenceGroup,
  ThresholdRule,
} from '@rai-audit/core';
import { confusionMetrics, summariesOf, withDisparities } from './fixture-metrics.js';
import { buildScoreAnalysis } from './fixture-scores.js';

/** Groups of one attribute (or one intersection, when `parts` names several attributes). */
export interface FullAttributeSpec {
  name: string;
  parts?: string[];
  groups: { name: string; counts: ConfusionCounts; values?: Record<string, string> }[];
}

export interface FullSectionOptions {
  attributes: FullAttributeSpec[];
  intersections?: FullAttributeSpec[];
  scores?: { rule?: ThresholdRule; skipCalibration?: boolean };
  weight?: boolean;
  missingRows?: Record<string, number>;
}

const DISPARITY_METRICS: readonly BiasMetricId[] = [
  'selection_rate',
  'prevalence',
  'ppr',
  'accuracy',
  'tpr',
  'fnr',
  'fpr',
  'tnr',
  'precision',
  'fdr',
  'npv',
  'for',
  'f1',
];

export const FULL_SETTINGS: BiasSettings = {
  tau: 0.8,
  minGroupSize: 30,
  missing: 'group',
  bootstrap: { draws: 1000, seed: 42, level: 0.95 },
};

function sum(all: readonly ConfusionCounts[]): ConfusionCounts {
  return all.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, tn: a.tn + b.tn, fn: a.fn + b.fn }), {
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
  });
}

function nOf(c: ConfusionCounts): number {
  return c.tp + c.fp + c.tn + c.fn;
}

function attributeGroups(
  spec: FullAttributeSpec,
  totals: { n: number; predictedPositive: number },
  weight: boolean,
) {
  const groups: GroupMetrics[] = spec.groups.map((g) => ({
    attribute: spec.name,
    group: g.name,
    ...(g.values === undefined ? {} : { values: g.values }),
    n: nOf(g.counts),
    ...(weight ? { weight: nOf(g.counts) * 1.25 } : {}),
    counts: g.counts,
    metrics: confusionMetrics(g.counts, totals),
  }));
  return withDisparities(groups, FULL_SETTINGS, DISPARITY_METRICS);
}

function referencesOf(groups: readonly GroupMetrics[]): ReferenceGroup[] {
  return groups
    .filter((g) => g.reference === true)
    .map((g) => ({ attribute: g.attribute, group: g.group, method: 'largest' }));
}

/** A predictions-mode section with everything the contract can carry. */
export function buildFullSection(options: FullSectionOptions): BiasSection {
  const first = options.attributes[0];
  if (first === undefined) throw new Error('a section needs an attribute');
  const overallCounts = sum(first.groups.map((g) => g.counts));
  const totals = { n: nOf(overallCounts), predictedPositive: overallCounts.tp + overallCounts.fp };
  const weight = options.weight === true;
  let overall: GroupMetrics = {
    attribute: '(overall)',
    group: '(overall)',
    n: totals.n,
    ...(weight ? { weight: totals.n * 1.25 } : {}),
    counts: overallCounts,
    metrics: confusionMetrics(overallCounts, totals),
  };
  const specs = [...options.attributes, ...(options.intersections ?? [])];
  let groups = specs.flatMap((spec) => attributeGroups(spec, totals, weight));
  let scores;
  if (options.scores !== undefined) {
    const built = buildScoreAnalysis(groups, overall, options.scores);
    scores = built.analysis;
    const withScores = (row: GroupMetrics): GroupMetrics => ({
      ...row,
      metrics: { ...row.metrics, ...built.metrics.get(row) },
    });
    groups = groups.map(withScores);
    overall = withScores(overall);
  }
  return {
    kind: 'bias',
    id: 'bias',
    title: 'Bias: predictions by group',
    mode: 'predictions',
    columns: {
      attributes: options.attributes.map((a) => a.name),
      ...(options.intersections === undefined
        ? {}
        : { intersections: options.intersections.map((i) => i.parts ?? [i.name]) }),
      label: 'label',
      prediction: 'prediction',
      ...(scores === undefined ? {} : { score: 'score' }),
      ...(weight ? { weight: 'w' } : {}),
    },
    positiveLabel: '1',
    rows: totals.n,
    missing: options.attributes.map((a) => ({ attribute: a.name, rows: options.missingRows?.[a.name] ?? 0 })),
    settings: FULL_SETTINGS,
    references: referencesOf(groups),
    overall,
    groups,
    summaries: specs.flatMap((spec) =>
      summariesOf(
        spec.name,
        groups.filter((g) => g.attribute === spec.name),
        overall,
      ),
    ),
    ...(scores === undefined ? {} : { scores }),
  };
}

/** The groups of an attribute split into parts by fractions of each confusion cell (the rest goes to the last part). */
function splitCounts(counts: ConfusionCounts, fractions: readonly number[]): ConfusionCounts[] {
  const keys = ['tp', 'fp', 'tn', 'fn'] as const;
  const parts = fractions.map(() => ({ tp: 0, fp: 0, tn: 0, fn: 0 }));
  for (const key of keys) {
    let left = counts[key];
    fractions.forEach((fraction, i) => {
      const part = parts[i];
      if (part === undefined) return;
      const take = i === fractions.length - 1 ? left : Math.min(left, Math.round(counts[key] * fraction));
      part[key] = take;
      left -= take;
    });
  }
  return parts;
}

/** Race, sex and their intersection: the race and sex groups partition the same rows. */
export function raceSexSpecs(names: { races: string[]; sexes: [string, string] }): {
  attributes: FullAttributeSpec[];
  intersections: FullAttributeSpec[];
} {
  const raceCounts: ConfusionCounts[] = [
    { tp: 300, fp: 100, tn: 900, fn: 120 },
    { tp: 90, fp: 60, tn: 300, fn: 70 },
    { tp: 60, fp: 15, tn: 200, fn: 25 },
    { tp: 50, fp: 30, tn: 180, fn: 40 },
    { tp: 4, fp: 3, tn: 10, fn: 1 },
    { tp: 0, fp: 0, tn: 9, fn: 0 },
  ];
  const femaleShare = [0.48, 0.55, 0.5, 0.4, 0.5, 0.34];
  const [female, male] = names.sexes;
  const cells = raceCounts.map((counts, i) =>
    splitCounts(counts, [femaleShare[i] ?? 0.5, 1 - (femaleShare[i] ?? 0.5)]),
  );
  const races = names.races.map((name, i) => ({
    name,
    counts: raceCounts[i] ?? { tp: 0, fp: 0, tn: 0, fn: 0 },
  }));
  const sexes = [female, male].map((name, s) => ({
    name,
    counts: sum(cells.map((c) => c[s] ?? { tp: 0, fp: 0, tn: 0, fn: 0 })),
  }));
  const intersection = names.races.flatMap((race, r) =>
    [female, male].map((sex, s) => ({
      name: `${race}|${sex}`,
      values: { race, sex },
      counts: cells[r]?.[s] ?? { tp: 0, fp: 0, tn: 0, fn: 0 },
    })),
  );
  return {
    attributes: [
      { name: 'race', groups: races },
      { name: 'sex', groups: sexes },
    ],
    intersections: [{ name: 'race+sex', parts: ['race', 'sex'], groups: intersection }],
  };
}

export const RACES = ['White', 'Black', 'Asian', 'Hispanic', 'Other', '(missing)'];
