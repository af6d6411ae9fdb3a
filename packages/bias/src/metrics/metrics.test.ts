import { GroupMetricsSchema, type BiasMetricId, type ConfusionCounts } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { BIAS_METRIC_IDS, computeGroupMetrics, computeRates, type ConfusionMetricId } from './metrics.js';

const group: ConfusionCounts = { tp: 30, fp: 10, tn: 50, fn: 10 };
const overall: ConfusionCounts = { tp: 60, fp: 20, tn: 100, fn: 20 };

describe('computeRates', () => {
  // Hand-computed from TP 30, FP 10, TN 50, FN 10 (n 100) within TP 60, FP 20, TN 100, FN 20 (n 200).
  const expected: Record<ConfusionMetricId, [number, number]> = {
    share: [100, 200],
    prevalence: [40, 100],
    selection_rate: [40, 100],
    ppr: [40, 80],
    accuracy: [80, 100],
    tpr: [30, 40],
    fpr: [10, 60],
    tnr: [50, 60],
    fnr: [10, 40],
    precision: [30, 40],
    npv: [50, 60],
    fdr: [10, 40],
    for: [10, 60],
    f1: [60, 80],
  };

  it.each(Object.entries(expected))('%s has the DESIGN.md formula', (id, [numerator, denominator]) => {
    const metric = computeRates(group, overall)[id as BiasMetricId];
    expect(metric).toMatchObject({ value: numerator / denominator, numerator, denominator });
  });

  it('computes every documented metric id', () => {
    expect(Object.keys(computeRates(group, overall)).sort()).toEqual([...BIAS_METRIC_IDS].sort());
  });

  it('gives binomial rates a Wilson interval around the value, and F1 none', () => {
    const metrics = computeRates(group, overall);
    const tpr = metrics.tpr;
    expect(tpr?.interval?.method).toBe('wilson');
    expect(tpr?.interval?.lower).toBeLessThan(0.75);
    expect(tpr?.interval?.upper).toBeGreaterThan(0.75);
    expect(metrics.f1?.value).toBe(0.75);
    expect(metrics.f1?.interval).toBeUndefined();
  });

  it('uses the counts themselves as overall by default (share and ppr are 1)', () => {
    const metrics = computeRates(group);
    expect(metrics.share?.value).toBe(1);
    expect(metrics.ppr?.value).toBe(1);
  });

  const undefinedCases: Array<[string, ConfusionCounts, BiasMetricId[], string]> = [
    [
      'no actual positives',
      { tp: 0, fp: 2, tn: 3, fn: 0 },
      ['tpr', 'fnr'],
      'no actual positives (TP+FN = 0)',
    ],
    [
      'no actual negatives',
      { tp: 2, fp: 0, tn: 0, fn: 3 },
      ['fpr', 'tnr'],
      'no actual negatives (FP+TN = 0)',
    ],
    [
      'no predicted positives',
      { tp: 0, fp: 0, tn: 3, fn: 2 },
      ['precision', 'fdr'],
      'no predicted positives (TP+FP = 0)',
    ],
    [
      'no predicted negatives',
      { tp: 2, fp: 3, tn: 0, fn: 0 },
      ['npv', 'for'],
      'no predicted negatives (TN+FN = 0)',
    ],
    [
      'no positives at all',
      { tp: 0, fp: 0, tn: 5, fn: 0 },
      ['f1'],
      'no actual or predicted positives (2TP+FP+FN = 0)',
    ],
    [
      'no rows',
      { tp: 0, fp: 0, tn: 0, fn: 0 },
      ['selection_rate', 'prevalence', 'accuracy'],
      'no rows (n = 0)',
    ],
  ];

  it.each(undefinedCases)(
    '%s: the rates are null with the reason, never 0 or NaN',
    (_, counts, ids, reason) => {
      const metrics = computeRates(counts, overall);
      for (const id of ids) {
        expect(metrics[id]).toEqual({
          value: null,
          numerator: 0,
          denominator: 0,
          reason,
        });
      }
      for (const metric of Object.values(metrics)) expect(Number.isNaN(metric.value)).toBe(false);
    },
  );

  it('keeps rates with a non-zero denominator defined when others are undefined (F1 = 0, not null)', () => {
    const metrics = computeRates({ tp: 0, fp: 2, tn: 3, fn: 0 }, overall);
    expect(metrics.f1).toMatchObject({ value: 0, numerator: 0, denominator: 2 });
    expect(metrics.precision?.value).toBe(0);
  });

  it('makes ppr and share undefined when the overall counts have no predicted positives or no rows', () => {
    const none: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
    const noPositives: ConfusionCounts = { tp: 0, fp: 0, tn: 4, fn: 1 };
    expect(computeRates(noPositives, noPositives).ppr?.reason).toBe(
      'no predicted positives overall (TP+FP = 0 in all rows)',
    );
    expect(computeRates(none, none).share?.reason).toBe('no rows overall (n = 0)');
  });
});

describe('computeGroupMetrics', () => {
  it('builds a row that the core schema accepts, with n the sum of the counts', () => {
    const row = computeGroupMetrics('sex', 'female', { tp: 0, fp: 0, tn: 3, fn: 2 }, overall);
    expect(GroupMetricsSchema.parse(row)).toEqual(row);
    expect(row.n).toBe(5);
    expect(JSON.stringify(row)).not.toContain('NaN');
  });
});

describe('computeDatasetGroupMetrics and weighted rows', () => {
  it('gives a dataset group its label counts, share and prevalence only', async () => {
    const { computeDatasetGroupMetrics } = await import('./metrics.js');
    const row = computeDatasetGroupMetrics(
      'sex',
      'f',
      { positive: 3, negative: 1 },
      { positive: 5, negative: 5 },
    );
    expect(GroupMetricsSchema.parse(row)).toEqual(row);
    expect(row.counts).toBeUndefined();
    expect(row.labelCounts).toEqual({ positive: 3, negative: 1 });
    expect(Object.keys(row.metrics)).toEqual(['share', 'prevalence']);
    expect(row.metrics.share).toMatchObject({ value: 0.4, numerator: 4, denominator: 10 });
    expect(row.metrics.prevalence?.value).toBe(0.75);
    expect(row.metrics.prevalence?.interval?.method).toBe('wilson');
  });

  it('keeps n as rows and leaves out Wilson intervals when the counts are weight sums', () => {
    const row = computeGroupMetrics('sex', 'f', { tp: 2.5, fp: 0.5, tn: 1, fn: 1 }, overall, {
      n: 3,
      weight: 5,
    });
    expect(row.n).toBe(3);
    expect(row.weight).toBe(5);
    expect(row.metrics.tpr).toEqual({ value: 2.5 / 3.5, numerator: 2.5, denominator: 3.5 });
  });
});
