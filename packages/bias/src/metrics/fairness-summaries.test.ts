import {
  BiasSummarySchema,
  type BiasMetricId,
  type BiasSummary,
  type ConfusionCounts,
  type GroupMetrics,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { SHARED_ABSENT, hasShared, readSharedJson } from '../../../../tests/shared-fixtures.js';
import { computeFairnessSummaries } from './fairness-summaries.js';
import { computeGroupMetrics } from './metrics.js';

const sum = (all: readonly ConfusionCounts[]): ConfusionCounts =>
  all.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, tn: a.tn + c.tn, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    tn: 0,
    fn: 0,
  });

function table(attribute: string, rows: Record<string, ConfusionCounts>) {
  const overallCounts = sum(Object.values(rows));
  const groups = Object.entries(rows).map(([name, counts]) =>
    computeGroupMetrics(attribute, name, counts, overallCounts),
  );
  return { groups, overall: computeGroupMetrics('(overall)', '(all)', overallCounts, overallCounts) };
}

const pick = (summaries: readonly BiasSummary[], id: string, basis: string): BiasSummary => {
  const found = summaries.find((s) => s.summary === id && s.basis === basis);
  if (!found) throw new Error(`no ${id} ${basis}`);
  return found;
};

describe('computeFairnessSummaries', () => {
  // a: SR 0.4, TPR 0.75, FPR 1/6; b: SR 0.4, TPR 0.5, FPR 1/3; c: SR 0.2, TPR 0.5, FPR 0.
  // overall: SR 13/35, TPR 9/14, FPR 4/21.
  const { groups, overall } = table('x', {
    a: { tp: 30, fp: 10, tn: 50, fn: 10 },
    b: { tp: 10, fp: 10, tn: 20, fn: 10 },
    c: { tp: 5, fp: 0, tn: 15, fn: 5 },
  });
  const summaries = computeFairnessSummaries('x', groups, overall);

  it.each([
    ['demographic_parity_difference', 'between-groups', 0.2, 'selection_rate'],
    ['demographic_parity_ratio', 'between-groups', 0.5, 'selection_rate'],
    ['equalized_odds_difference', 'between-groups', 1 / 3, 'fpr'],
    ['equalized_odds_ratio', 'between-groups', 0, 'fpr'],
    ['equal_opportunity_difference', 'between-groups', 0.25, 'tpr'],
    ['equal_opportunity_ratio', 'between-groups', 2 / 3, 'tpr'],
    ['demographic_parity_difference', 'to-overall', 6 / 35, 'selection_rate'],
    ['demographic_parity_ratio', 'to-overall', 7 / 13, 'selection_rate'],
    ['equalized_odds_difference', 'to-overall', 4 / 21, 'fpr'],
    ['equalized_odds_ratio', 'to-overall', 0, 'fpr'],
    ['equal_opportunity_difference', 'to-overall', 1 / 7, 'tpr'],
    ['equal_opportunity_ratio', 'to-overall', 7 / 9, 'tpr'],
  ])('%s %s is %d (from %s)', (id, basis, value, metric) => {
    const summary = pick(summaries, id, basis);
    expect(summary.value).toBeCloseTo(value, 12);
    expect(summary.metric).toBe(metric);
    expect(BiasSummarySchema.parse(summary)).toEqual(summary);
  });

  it('lists between-groups first, then to-overall, and names the extreme groups', () => {
    expect(summaries.map((s) => `${s.basis} ${s.summary}`).slice(0, 3)).toEqual([
      'between-groups demographic_parity_difference',
      'between-groups demographic_parity_ratio',
      'between-groups equalized_odds_difference',
    ]);
    expect(summaries).toHaveLength(12);
    expect(pick(summaries, 'demographic_parity_ratio', 'to-overall')).toMatchObject({
      highest: { group: 'a', value: 0.4 },
      lowest: { group: 'c', value: 0.2 },
    });
  });

  it('gives "only one group" for a single group, on both bases', () => {
    const single = table('y', { only: { tp: 1, fp: 1, tn: 1, fn: 1 } });
    const result = computeFairnessSummaries('y', single.groups, single.overall);
    expect(new Set(result.map((s) => `${s.value} ${s.reason}`))).toEqual(new Set(['null only one group']));
  });

  it('leaves out groups with an undefined rate and says why when too few remain', () => {
    // p has no actual positives: its TPR is undefined, so only q has one. SR: p 2/10, q 6/15.
    const { groups: g, overall: o } = table('z', {
      p: { tp: 0, fp: 2, tn: 8, fn: 0 },
      q: { tp: 5, fp: 1, tn: 4, fn: 5 },
    });
    const result = computeFairnessSummaries('z', g, o);
    expect(pick(result, 'equal_opportunity_ratio', 'between-groups')).toMatchObject({
      value: null,
      reason: 'only one group has a defined TPR',
    });
    expect(pick(result, 'equalized_odds_difference', 'to-overall')).toMatchObject({
      value: null,
      reason: 'TPR: only one group has a defined TPR',
      metric: 'tpr',
    });
    expect(pick(result, 'demographic_parity_difference', 'between-groups').value).toBeCloseTo(0.2, 12);
  });

  it('makes a ratio undefined, not 0 or NaN, when its denominator is 0', () => {
    // Nobody is selected: SR 0 everywhere, overall SR 0.
    const { groups: g, overall: o } = table('w', {
      p: { tp: 0, fp: 0, tn: 5, fn: 5 },
      q: { tp: 0, fp: 0, tn: 3, fn: 2 },
    });
    const result = computeFairnessSummaries('w', g, o);
    expect(pick(result, 'demographic_parity_ratio', 'between-groups')).toMatchObject({
      value: null,
      reason: 'every group has selection rate 0, so min/max is 0/0',
    });
    expect(pick(result, 'demographic_parity_ratio', 'to-overall')).toMatchObject({
      value: null,
      reason: 'the overall selection rate is 0, so the ratio to it is undefined',
    });
    expect(pick(result, 'demographic_parity_difference', 'to-overall').value).toBe(0);
    expect(pick(result, 'equalized_odds_ratio', 'between-groups').reason).toBe(
      'TPR: every group has TPR 0, so min/max is 0/0',
    );
  });

  it('omits the summaries whose rates no group carries (a dataset audit has no predictions)', () => {
    const bare: GroupMetrics[] = [
      { attribute: 'v', group: 'a', n: 3, metrics: { prevalence: { value: 0.5 } } },
      { attribute: 'v', group: 'b', n: 3, metrics: { prevalence: { value: 0.2 } } },
    ];
    expect(computeFairnessSummaries('v', bare, { ...overall, metrics: {} })).toEqual([]);
  });
});

interface FairlearnGroup {
  group: Record<string, string>;
  count: number | null;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}
interface FairlearnAnalysis {
  sensitive_features: string[];
  groups: FairlearnGroup[];
  overall: FairlearnGroup;
  difference: Record<string, number | null>;
  ratio: Record<string, number | null>;
  disparities: Record<'between_groups' | 'to_overall', Record<string, number | null>>;
}

const RATES: BiasMetricId[] = ['selection_rate', 'tpr', 'fpr'];

/** Fairlearn's convention: a rate with a zero denominator counts as 0 (README of the fixtures). */
function asFairlearn(group: GroupMetrics): GroupMetrics {
  const metrics = { ...group.metrics };
  for (const id of RATES) if (metrics[id]?.value === null) metrics[id] = { value: 0 };
  return { ...group, metrics };
}

function ourTable(analysis: FairlearnAnalysis) {
  const attribute = analysis.sensitive_features.join('+');
  const counts = (g: FairlearnGroup): ConfusionCounts => ({ tp: g.tp, fp: g.fp, tn: g.tn, fn: g.fn });
  const overallCounts = counts(analysis.overall);
  const groups = analysis.groups
    .filter((g) => g.count !== null) // combinations that do not occur (Fairlearn reindexes them as NaN)
    .map((g) => {
      const name = analysis.sensitive_features.map((f) => g.group[f]).join('|');
      return computeGroupMetrics(
        attribute,
        name.replaceAll('__MISSING__', '(missing)'),
        counts(g),
        overallCounts,
      );
    });
  return {
    attribute,
    groups,
    overall: computeGroupMetrics('(overall)', '(all)', overallCounts, overallCounts),
  };
}

/** Fairlearn's figures for our summary ids: its disparities on both bases, and equal opportunity from TPR. */
function fairlearnFigures(analysis: FairlearnAnalysis): Array<[string, string, number | null]> {
  const figures: Array<[string, string, number | null]> = [];
  for (const [basis, key] of [
    ['between-groups', 'between_groups'],
    ['to-overall', 'to_overall'],
  ] as const) {
    for (const [id, value] of Object.entries(analysis.disparities[key])) figures.push([id, basis, value]);
  }
  figures.push(['equal_opportunity_difference', 'between-groups', analysis.difference.tpr ?? null]);
  figures.push(['equal_opportunity_ratio', 'between-groups', analysis.ratio.tpr ?? null]);
  return figures;
}

describe.skipIf(!hasShared('fixtures', 'fairness'))('agreement with Fairlearn 0.9.0 ' + SHARED_ABSENT, () => {
  const reference = (readSharedJson('fixtures', 'fairness', 'fairlearn_2000.json') ?? { analyses: [] }) as {
    analyses: FairlearnAnalysis[];
  };

  it('matches every summary to 1e-9 once undefined rates are read as Fairlearn’s 0', () => {
    let compared = 0;
    for (const analysis of reference.analyses) {
      const { attribute, groups, overall } = ourTable(analysis);
      const ours = computeFairnessSummaries(attribute, groups.map(asFairlearn), overall);
      for (const [id, basis, expected] of fairlearnFigures(analysis)) {
        const value = pick(ours, id, basis).value;
        if (expected === null) expect(value, `${attribute} ${id} ${basis}`).toBeNull();
        else expect(Math.abs((value ?? NaN) - expected), `${attribute} ${id} ${basis}`).toBeLessThan(1e-9);
        compared++;
      }
    }
    expect(compared).toBe(5 * 10);
  });

  it('matches them as they are where every rate is defined (race, sex, age_band)', () => {
    for (const analysis of reference.analyses.filter((a) => a.sensitive_features.length === 1)) {
      const { attribute, groups, overall } = ourTable(analysis);
      const ours = computeFairnessSummaries(attribute, groups, overall);
      for (const [id, basis, expected] of fairlearnFigures(analysis)) {
        expect(
          Math.abs((pick(ours, id, basis).value ?? NaN) - (expected ?? NaN)),
          `${attribute} ${id}`,
        ).toBeLessThan(1e-9);
      }
    }
  });

  it('differs only where Fairlearn counts an undefined TPR as 0 (race+sex: E|female has no positives)', () => {
    const analysis = reference.analyses.find((a) => a.sensitive_features.join('+') === 'race+sex');
    if (!analysis) throw new Error('no race+sex analysis');
    const { attribute, groups, overall } = ourTable(analysis);
    const ours = computeFairnessSummaries(attribute, groups, overall);
    // Fairlearn: |0 − 0.8653| from E|female's "TPR 0". Ours leaves E|female out, and the largest gap to the
    // overall is then E|male's FPR: |1 − 0.1496|.
    expect(analysis.disparities.to_overall.equalized_odds_difference).toBeCloseTo(0.8653333333, 9);
    expect(pick(ours, 'equalized_odds_difference', 'to-overall')).toMatchObject({
      metric: 'fpr',
      highest: { group: 'E|male', value: 1 },
    });
    expect(pick(ours, 'equalized_odds_difference', 'to-overall').value).toBeCloseTo(1 - 0.1496, 12);
    expect(pick(ours, 'equal_opportunity_ratio', 'between-groups').value).toBeCloseTo(0.71875, 9);
    expect(analysis.ratio.tpr).toBe(0);
  });
});

describe('computeFairnessSummaries with a minimum group size', () => {
  const { groups, overall } = table('sex', {
    female: { tp: 30, fp: 10, tn: 50, fn: 10 },
    male: { tp: 25, fp: 15, tn: 50, fn: 10 },
    '(missing)': { tp: 10, fp: 0, tn: 15, fn: 0 },
  });

  it('leaves groups under it out of every summary and names them; 0 keeps every group, as Fairlearn does', () => {
    const sufficient = computeFairnessSummaries('sex', groups, overall, 30);
    const all = computeFairnessSummaries('sex', groups, overall, 0);
    const eo = pick(sufficient, 'equalized_odds_difference', 'between-groups');
    // female TPR 0.75 FPR 1/6, male TPR 5/7 FPR 3/13: FPR decides; with (missing) (TPR 1, n=25) TPR would, 2/7.
    expect(eo.value).toBeCloseTo(15 / 65 - 1 / 6, 12);
    expect(eo.groups).toEqual({ compared: 2, total: 3, leftOut: [{ group: '(missing)', n: 25 }] });
    expect(pick(all, 'equalized_odds_difference', 'between-groups').value).toBeCloseTo(2 / 7, 12);
    expect(all.every((s) => s.groups === undefined)).toBe(true);
    for (const s of sufficient) expect(BiasSummarySchema.parse(s)).toEqual(s);
  });

  it('says fewer than two groups are large enough when that leaves the summary undefined', () => {
    const [dp] = computeFairnessSummaries('sex', groups, overall, 101);
    expect(dp).toMatchObject({ value: null, reason: 'fewer than two groups have n ≥ 101' });
  });
});
