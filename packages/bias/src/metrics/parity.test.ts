import { BiasSummarySchema, type ConfusionCounts, type GroupMetrics } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { computeGroupMetrics } from './metrics.js';
import { computeDemographicParity } from './parity.js';

/** A group with `selected` of `n` rows predicted positive (labels split evenly; they do not matter here). */
function groupWith(attribute: string, group: string, selected: number, n: number): GroupMetrics {
  const counts: ConfusionCounts = { tp: selected, fp: 0, tn: n - selected, fn: 0 };
  return computeGroupMetrics(attribute, group, counts, counts);
}

describe('computeDemographicParity', () => {
  const groups = [
    groupWith('sex', 'female', 41, 100),
    groupWith('sex', 'male', 62, 100),
    groupWith('sex', 'non-binary', 50, 100),
    groupWith('race', 'A', 10, 10),
  ];

  it('takes max − min and min / max of the selection rate over the attribute’s groups only', () => {
    const [difference, ratio] = computeDemographicParity('sex', groups);
    expect(difference).toMatchObject({
      attribute: 'sex',
      summary: 'demographic_parity_difference',
      metric: 'selection_rate',
      highest: { group: 'male', value: 0.62 },
      lowest: { group: 'female', value: 0.41 },
    });
    expect(difference?.value).toBeCloseTo(0.21, 12);
    expect(ratio?.summary).toBe('demographic_parity_ratio');
    expect(ratio?.value).toBeCloseTo(0.41 / 0.62, 12);
    for (const summary of [difference, ratio]) expect(BiasSummarySchema.parse(summary)).toEqual(summary);
  });

  it('is 0 and 1 when every group is selected at the same rate', () => {
    const [difference, ratio] = computeDemographicParity('x', [
      groupWith('x', 'a', 5, 10),
      groupWith('x', 'b', 10, 20),
    ]);
    expect(difference?.value).toBe(0);
    expect(ratio?.value).toBe(1);
  });

  it('leaves both undefined with "only one group" for a single group', () => {
    const summaries = computeDemographicParity('race', groups);
    expect(summaries.map((s) => [s.value, s.reason])).toEqual([
      [null, 'only one group'],
      [null, 'only one group'],
    ]);
  });

  it('excludes groups whose selection rate is undefined', () => {
    const empty = computeGroupMetrics(
      'x',
      'empty',
      { tp: 0, fp: 0, tn: 0, fn: 0 },
      { tp: 1, fp: 0, tn: 1, fn: 0 },
    );
    const [difference] = computeDemographicParity('x', [
      empty,
      groupWith('x', 'a', 2, 10),
      groupWith('x', 'b', 4, 10),
    ]);
    expect(difference?.lowest?.group).toBe('a');
    expect(difference?.value).toBeCloseTo(0.2, 12);
    const [alone] = computeDemographicParity('x', [empty, groupWith('x', 'a', 2, 10)]);
    expect(alone?.reason).toBe('only one group has a defined selection rate');
  });

  it('makes the ratio undefined, not 0 or NaN, when every group has selection rate 0', () => {
    const [difference, ratio] = computeDemographicParity('x', [
      groupWith('x', 'a', 0, 10),
      groupWith('x', 'b', 0, 5),
    ]);
    expect(difference?.value).toBe(0);
    expect(ratio?.value).toBeNull();
    expect(ratio?.reason).toBe('every group has selection rate 0, so min/max is 0/0');
  });

  it('gives ratio 0 when some group is never selected and another is', () => {
    const [, ratio] = computeDemographicParity('x', [groupWith('x', 'a', 0, 10), groupWith('x', 'b', 3, 5)]);
    expect(ratio?.value).toBe(0);
    expect(ratio?.lowest).toEqual({ group: 'a', value: 0 });
  });

  it('breaks ties by table order, so the result is deterministic', () => {
    const [difference] = computeDemographicParity('x', [
      groupWith('x', 'a', 1, 2),
      groupWith('x', 'b', 1, 2),
      groupWith('x', 'c', 1, 4),
    ]);
    expect(difference?.highest?.group).toBe('a');
    expect(difference?.lowest?.group).toBe('c');
  });
});
