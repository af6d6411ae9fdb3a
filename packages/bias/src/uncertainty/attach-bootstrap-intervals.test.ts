import {
  BiasSummarySchema,
  GroupMetricsSchema,
  type ConfusionCounts,
  type ReferenceGroup,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { attachBootstrapIntervals } from './attach-bootstrap-intervals.js';
import { bootstrapIntervals } from './bootstrap.js';
import { computeDisparities } from '../metrics/disparities.js';
import { computeFairnessSummaries } from '../metrics/fairness-summaries.js';
import { computeGroupMetrics } from '../metrics/metrics.js';

const cells: Record<string, ConfusionCounts> = {
  a: { tp: 60, fp: 20, tn: 100, fn: 20 },
  b: { tp: 30, fp: 25, tn: 40, fn: 5 },
  tiny: { tp: 0, fp: 1, tn: 2, fn: 0 },
};
const overallCounts: ConfusionCounts = { tp: 90, fp: 46, tn: 142, fn: 25 };
const statistics = Object.entries(cells).map(([group, counts]) => ({
  attribute: 'x',
  group,
  n: counts.tp + counts.fp + counts.tn + counts.fn,
  counts,
}));
const references: ReferenceGroup[] = [{ attribute: 'x', group: 'a', method: 'largest' }];

describe('attachBootstrapIntervals', () => {
  const groups = computeDisparities(
    statistics.map((s) => computeGroupMetrics('x', s.group, s.counts, overallCounts)),
    references,
    { tau: 0.8, minGroupSize: 30 },
  );
  const overall = computeGroupMetrics('(overall)', '(all)', overallCounts, overallCounts);
  const summaries = computeFairnessSummaries('x', groups, overall);
  const result = bootstrapIntervals(
    {
      overall: { attribute: '(overall)', group: '(all)', n: 303, counts: overallCounts },
      groups: statistics,
      references,
      attributes: ['x'],
    },
    { draws: 300, seed: 9, level: 0.9 },
  );
  const attached = attachBootstrapIntervals(groups, summaries, result);

  it('puts an interval around every defined disparity and summary that has one', () => {
    const b = attached.groups.find((g) => g.group === 'b');
    const ratio = b?.disparities?.selection_rate?.ratio;
    expect(ratio?.interval).toMatchObject({ level: 0.9, method: 'bootstrap' });
    expect(ratio?.interval?.lower).toBeLessThan(ratio?.value ?? NaN);
    expect(ratio?.interval?.upper).toBeGreaterThan(ratio?.value ?? NaN);
    const dp = attached.summaries.find(
      (s) => s.summary === 'demographic_parity_ratio' && s.basis === 'to-overall',
    );
    expect(dp?.interval?.method).toBe('bootstrap');
    for (const g of attached.groups) expect(GroupMetricsSchema.parse(g)).toEqual(g);
    for (const s of attached.summaries) expect(BiasSummarySchema.parse(s)).toEqual(s);
  });

  it('leaves undefined values alone and says why a defined value has no interval', () => {
    const tiny = attached.groups.find((g) => g.group === 'tiny');
    // tiny has no actual positives: TPR undefined, and its reason is kept as it was.
    expect(tiny?.disparities?.tpr?.ratio).toEqual(
      groups.find((g) => g.group === 'tiny')?.disparities?.tpr?.ratio,
    );
    // Its FDR (1 of 1) is defined; a resample of its 3 rows has no predicted positive in (2/3)³ ≈ 30% of the
    // draws, fewer than half, so the interval stands on the other 70%.
    expect(tiny?.disparities?.fdr?.ratio.interval).toBeDefined();
    const reference = attached.groups.find((g) => g.group === 'a');
    expect(reference?.disparities?.tpr?.ratio.interval).toBeUndefined();
  });

  it('gives a defined value without an interval the reason', () => {
    const forced = attachBootstrapIntervals(groups, summaries, {
      disparities: new Map(),
      summaries: new Map(),
      omitted: new Map([
        ['x\u0000b\u0000tpr\u0000ratio', 'no bootstrap interval: the value is undefined in 9 of 10 draws'],
      ]),
    });
    const b = forced.groups.find((g) => g.group === 'b');
    expect(b?.disparities?.tpr?.ratio).toMatchObject({
      reason: 'no bootstrap interval: the value is undefined in 9 of 10 draws',
    });
    expect(b?.disparities?.tpr?.ratio.value).toBeCloseTo(30 / 35 / 0.75, 12);
    expect(b?.disparities?.tpr?.difference.reason).toBeUndefined();
  });
});
