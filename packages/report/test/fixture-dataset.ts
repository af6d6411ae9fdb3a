/**
 * A dataset-mode bias section for the reporter tests (not exported from index.ts): labels only, so groups carry
 * label counts, share and prevalence; representation against expected shares, goodness of fit, missing values by
 * group and proxy features.
 */
import type { BiasSection, BiasSummary, DatasetAnalysis, GroupMetrics } from '@rai-audit/core';
import { FULL_SETTINGS } from './fixture-full.js';
import type { FullAttributeSpec } from './fixture-full.js';
import { rateOf, withDisparities } from './fixture-metrics.js';

function datasetGroup(
  attribute: string,
  name: string,
  positive: number,
  negative: number,
  total: number,
): GroupMetrics {
  const n = positive + negative;
  return {
    attribute,
    group: name,
    n,
    labelCounts: { positive, negative },
    metrics: {
      share: rateOf(n, total, 'the data has no rows'),
      prevalence: rateOf(positive, n, 'no rows (n = 0)'),
    },
  };
}

function baseRateSummaries(attribute: string, groups: readonly GroupMetrics[]): BiasSummary[] {
  const rates = groups.flatMap((g) => {
    const value = g.metrics.prevalence?.value;
    return value === null || value === undefined ? [] : [{ group: g.group, value }];
  });
  const highest = rates.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = rates.reduce((a, b) => (b.value < a.value ? b : a));
  const base = {
    attribute,
    metric: 'prevalence' as const,
    basis: 'between-groups' as const,
    highest,
    lowest,
  };
  return [
    { ...base, summary: 'demographic_parity_difference', value: highest.value - lowest.value },
    { ...base, summary: 'demographic_parity_ratio', value: lowest.value / highest.value },
  ];
}

const EXPECTED_RACE_SHARES: Readonly<Record<string, number>> = {
  White: 0.6,
  Black: 0.13,
  Asian: 0.06,
  Hispanic: 0.19,
  Other: 0.02,
};

function datasetAnalysis(groups: readonly GroupMetrics[], proxyFeature: string): DatasetAnalysis {
  const representation = groups.map((g) => {
    const expected = g.attribute === 'race' ? EXPECTED_RACE_SHARES[g.group] : undefined;
    return {
      attribute: g.attribute,
      group: g.group,
      n: g.n,
      share: g.metrics.share?.value ?? 0,
      ...(expected === undefined ? {} : { expectedShare: expected }),
    };
  });
  const missingValues = groups.flatMap((g, i) =>
    ['income', 'zip_code', 'age'].map((column, c) => {
      const missing = column === 'zip_code' ? 0 : Math.round(g.n * (0.01 + ((i + c) % 4) * 0.03));
      return { attribute: g.attribute, group: g.group, column, missing, rate: g.n === 0 ? 0 : missing / g.n };
    }),
  );
  const total = groups.filter((g) => g.attribute === 'race').reduce((n, g) => n + g.n, 0);
  const overall = ['age', 'income', 'zip_code'].map((column) => {
    const missing = missingValues
      .filter((m) => m.attribute === 'race' && m.column === column)
      .reduce((n, m) => n + m.missing, 0);
    return { attribute: '(overall)', group: '(all)', column, missing, rate: missing / total };
  });
  return {
    representation,
    goodnessOfFit: [
      {
        attribute: 'race',
        test: 'chi-square',
        statistic: 41.27,
        df: 4,
        pValue: 2.4e-8,
        reason: '9 rows in groups without an expected share ((missing)) are left out of the test',
      },
      {
        attribute: 'sex',
        test: 'chi-square',
        statistic: null,
        df: 0,
        pValue: null,
        reason: 'no expected shares were given for sex',
      },
    ],
    missingValues: [...overall, ...missingValues],
    proxies: [
      { feature: 'zip_code', attribute: 'race', measure: 'cramers_v', value: 0.62 },
      { feature: 'zip_code', attribute: 'sex', measure: 'cramers_v', value: 0.04 },
      { feature: 'income', attribute: 'race', measure: 'correlation_ratio', value: 0.31 },
      { feature: 'income', attribute: 'sex', measure: 'correlation_ratio', value: 0.22 },
      { feature: proxyFeature, attribute: 'sex', measure: 'cramers_v', value: 0.71 },
      {
        feature: 'employment',
        attribute: 'race',
        measure: 'cramers_v',
        value: null,
        reason: 'the column has one value',
      },
    ],
  };
}

/** A dataset-mode section over the attributes' label counts (positives are TP+FN of the given counts). */
export function buildDatasetSection(
  attributes: readonly FullAttributeSpec[],
  proxyFeature = 'title',
): BiasSection {
  const first = attributes[0];
  if (first === undefined) throw new Error('a section needs an attribute');
  const label = (c: { tp: number; fp: number; tn: number; fn: number }) => ({
    positive: c.tp + c.fn,
    negative: c.fp + c.tn,
  });
  const total = first.groups.reduce((n, g) => n + g.counts.tp + g.counts.fp + g.counts.tn + g.counts.fn, 0);
  const groups = attributes.flatMap((a) =>
    withDisparities(
      a.groups.map((g) =>
        datasetGroup(a.name, g.name, label(g.counts).positive, label(g.counts).negative, total),
      ),
      FULL_SETTINGS,
      ['prevalence', 'share'],
    ),
  );
  const positives = first.groups.reduce((n, g) => n + label(g.counts).positive, 0);
  return {
    kind: 'bias',
    id: 'bias-dataset',
    title: 'Bias: training data by group',
    mode: 'dataset',
    columns: { attributes: attributes.map((a) => a.name), label: 'approved' },
    positiveLabel: '1',
    rows: total,
    missing: attributes.map((a) => ({ attribute: a.name, rows: a.name === 'race' ? 9 : 0 })),
    settings: { ...FULL_SETTINGS, bootstrap: { draws: 0, seed: 1, level: 0.95 } },
    references: groups
      .filter((g) => g.reference === true)
      .map((g) => ({ attribute: g.attribute, group: g.group, method: 'largest' as const })),
    overall: datasetGroup('(overall)', '(overall)', positives, total - positives, total),
    groups,
    summaries: attributes.flatMap((a) =>
      baseRateSummaries(
        a.name,
        groups.filter((g) => g.attribute === a.name),
      ),
    ),
    dataset: datasetAnalysis(groups, proxyFeature),
  };
}
