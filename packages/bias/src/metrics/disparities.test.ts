import {
  GroupMetricsSchema,
  type BiasMetricId,
  type ConfusionCounts,
  type GroupMetrics,
  type ReferenceGroup,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { SHARED_ABSENT, hasShared, readSharedJson } from '../../../../tests/shared-fixtures.js';
import { computeDisparities, withinParityBand } from './disparities.js';
import { computeGroupMetrics } from './metrics.js';
import { chooseReferenceGroups } from './reference-groups.js';

const OVERALL: ConfusionCounts = { tp: 62, fp: 15, tn: 75, fn: 20 };
const group = (attribute: string, name: string, counts: ConfusionCounts): GroupMetrics =>
  computeGroupMetrics(attribute, name, counts, OVERALL);

const groups: GroupMetrics[] = [
  group('race', 'Black', { tp: 20, fp: 5, tn: 15, fn: 10 }),
  group('race', 'Other', { tp: 2, fp: 0, tn: 10, fn: 0 }),
  group('race', 'White', { tp: 40, fp: 10, tn: 40, fn: 10 }),
  group('sex', 'female', { tp: 0, fp: 4, tn: 36, fn: 0 }),
  group('sex', 'male', { tp: 62, fp: 0, tn: 50, fn: 20 }),
];
const references: ReferenceGroup[] = [
  { attribute: 'race', group: 'White', method: 'explicit' },
  { attribute: 'sex', group: 'male', method: 'largest' },
];
const settings = { tau: 0.8, minGroupSize: 30 };

function row(result: readonly GroupMetrics[], attribute: string, name: string): GroupMetrics {
  const found = result.find((g) => g.attribute === attribute && g.group === name);
  if (!found) throw new Error(`no ${attribute}=${name}`);
  return found;
}

describe('computeDisparities', () => {
  const result = computeDisparities(groups, references, settings);

  it('divides and subtracts each rate by the reference group’s, and judges tau ≤ ratio ≤ 1/tau', () => {
    const black = row(result, 'race', 'Black');
    // White: TPR 40/50 = 0.8, FPR 10/50 = 0.2, FNR 0.2; Black: TPR 20/30, FPR 5/20 = 0.25, FNR 10/30.
    expect(black.disparities?.selection_rate).toEqual({
      ratio: { value: 1 },
      difference: { value: 0 },
      parity: 'pass',
    });
    expect(black.disparities?.tpr?.ratio.value).toBeCloseTo(2 / 3 / 0.8, 12);
    expect(black.disparities?.tpr?.difference.value).toBeCloseTo(2 / 3 - 0.8, 12);
    expect(black.disparities?.tpr?.parity).toBe('pass');
    // 0.25 / 0.2 is 1/tau = 1.25 up to rounding: the edge of the band counts as parity.
    expect(black.disparities?.fpr?.ratio.value).toBeCloseTo(1.25, 12);
    expect(black.disparities?.fpr?.parity).toBe('pass');
    expect(black.disparities?.fnr?.ratio.value).toBeCloseTo(1 / 3 / 0.2, 12);
    expect(black.disparities?.fnr?.parity).toBe('fail');
    expect(black.smallGroup).toBe(false);
    expect(black.reference).toBe(false);
  });

  it('marks the reference group, with ratio 1 and difference 0 against itself', () => {
    const white = row(result, 'race', 'White');
    expect(white.reference).toBe(true);
    expect(white.disparities?.tpr).toEqual({
      ratio: { value: 1 },
      difference: { value: 0 },
      parity: 'reference',
    });
  });

  it('gives insufficient-data instead of a verdict for a group below the minimum size, values kept', () => {
    const other = row(result, 'race', 'Other');
    expect(other.smallGroup).toBe(true);
    expect(other.disparities?.fpr).toEqual({
      ratio: { value: 0 },
      difference: { value: -0.2 },
      parity: 'insufficient-data',
    });
    const noMinimum = computeDisparities(groups, references, { tau: 0.8, minGroupSize: 0 });
    expect(row(noMinimum, 'race', 'Other').disparities?.fpr?.parity).toBe('fail');
    const smallReference = computeDisparities(groups, references, { tau: 0.8, minGroupSize: 101 });
    expect(row(smallReference, 'race', 'Black').disparities?.tpr?.parity).toBe('insufficient-data');
  });

  it('leaves the ratio undefined, with the reason, when the reference rate is 0; the difference stays', () => {
    const female = row(result, 'sex', 'female');
    expect(female.disparities?.fpr).toEqual({
      ratio: { value: null, reason: 'the reference sex=male has FPR 0, so the ratio is undefined' },
      difference: { value: 0.1 },
      parity: 'undefined',
    });
  });

  it('leaves both undefined when either side is undefined, naming the side and its reason', () => {
    const female = row(result, 'sex', 'female');
    const reason = 'TPR of sex=female is undefined (no actual positives (TP+FN = 0))';
    expect(female.disparities?.tpr).toEqual({
      ratio: { value: null, reason },
      difference: { value: null, reason },
      parity: 'undefined',
    });
    // Precision is defined on both sides: female 0/4, male 62/62.
    expect(female.disparities?.precision?.ratio.value).toBe(0);
    const male = row(result, 'sex', 'male');
    expect(male.disparities?.tpr?.parity).toBe('reference');
    const noReference = computeDisparities(
      [group('x', 'a', { tp: 1, fp: 0, tn: 1, fn: 0 }), group('x', 'b', { tp: 0, fp: 0, tn: 2, fn: 0 })],
      [{ attribute: 'x', group: 'b', method: 'explicit' }],
      settings,
    );
    expect(row(noReference, 'x', 'a').disparities?.tpr?.ratio.reason).toBe(
      'TPR of the reference x=b is undefined (no actual positives (TP+FN = 0))',
    );
  });

  it('compares score metrics when the groups carry them and leaves groups without a reference alone', () => {
    const scored = groups.map((g) => ({
      ...g,
      metrics: { ...g.metrics, auc: { value: g.group === 'White' ? 0.8 : 0.72 } },
    }));
    const withAuc = computeDisparities(scored, references, settings);
    expect(row(withAuc, 'race', 'Black').disparities?.auc?.ratio.value).toBeCloseTo(0.9, 12);
    expect(row(result, 'race', 'Black').disparities?.auc).toBeUndefined();
    const unreferenced = computeDisparities(groups, [references[0] as ReferenceGroup], settings);
    expect(row(unreferenced, 'sex', 'female').disparities).toBeUndefined();
    expect(row(unreferenced, 'sex', 'female').smallGroup).toBe(false);
  });

  it('returns schema-valid copies and leaves its input untouched', () => {
    for (const g of result) expect(GroupMetricsSchema.parse(g)).toEqual(g);
    expect(groups[0]?.disparities).toBeUndefined();
  });
});

describe('withinParityBand', () => {
  it('holds on [tau, 1/tau] with the edges included', () => {
    expect(withinParityBand(0.8, 0.8)).toBe(true);
    expect(withinParityBand(0.4 / 0.5, 0.8)).toBe(true);
    expect(withinParityBand(1.25, 0.8)).toBe(true);
    expect(withinParityBand(0.7999, 0.8)).toBe(false);
    expect(withinParityBand(1.2501, 0.8)).toBe(false);
  });
});

type AequitasGroup = Record<string, string | number | boolean | null>;

// Aequitas names: `<metric>_disparity` and `<Name> Parity`, against the majority group with tau 0.8.
const AEQUITAS: Array<[string, string, BiasMetricId]> = [
  ['ppr', 'Statistical Parity', 'ppr'],
  ['pprev', 'Impact Parity', 'selection_rate'],
  ['precision', 'Precision Parity', 'precision'],
  ['fdr', 'FDR Parity', 'fdr'],
  ['for', 'FOR Parity', 'for'],
  ['fpr', 'FPR Parity', 'fpr'],
  ['fnr', 'FNR Parity', 'fnr'],
  ['tpr', 'TPR Parity', 'tpr'],
  ['tnr', 'TNR Parity', 'tnr'],
  ['npv', 'NPV Parity', 'npv'],
];

describe.skipIf(!hasShared('fixtures', 'fairness'))('agreement with Aequitas 0.42.0 ' + SHARED_ABSENT, () => {
  const reference = (readSharedJson('fixtures', 'fairness', 'aequitas_2000.json') ?? { groups: [] }) as {
    groups: AequitasGroup[];
  };
  const name = (value: unknown): string => String(value).replaceAll('__MISSING__', '(missing)');
  const cells = (g: AequitasGroup): ConfusionCounts => ({
    tp: Number(g.tp),
    fp: Number(g.fp),
    tn: Number(g.tn),
    fn: Number(g.fn),
  });
  const overall: ConfusionCounts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const g of reference.groups.filter((x) => x.attribute_name === 'sex')) {
    for (const cell of ['tp', 'fp', 'tn', 'fn'] as const) overall[cell] += cells(g)[cell];
  }
  const ours = reference.groups.map((g) =>
    computeGroupMetrics(String(g.attribute_name), name(g.attribute_value), cells(g), overall),
  );
  const attributes = [...new Set(ours.map((g) => g.attribute))];
  const chosen = chooseReferenceGroups(ours, attributes, []);
  // Aequitas has no minimum group size: compare the verdicts without one.
  const result = computeDisparities(ours, chosen, { tau: 0.8, minGroupSize: 0 });

  it('picks the majority group as reference, as Aequitas does', () => {
    expect(attributes).toEqual(['race', 'sex', 'age_band', 'race+sex']);
    for (const g of reference.groups) {
      expect(chosen.find((r) => r.attribute === g.attribute_name)?.group).toBe(name(g.tpr_ref_group_value));
    }
  });

  it('gives every disparity to 1e-9 and the same parity verdicts, null where Aequitas has NaN', () => {
    let compared = 0;
    for (const g of reference.groups) {
      const mine = row(result, String(g.attribute_name), name(g.attribute_value));
      for (const [theirs, parity, metric] of AEQUITAS) {
        const disparity = mine.disparities?.[metric];
        const expected = g[`${theirs}_disparity`];
        const label = `${mine.attribute}=${mine.group} ${metric}`;
        if (expected === null) {
          expect(disparity?.ratio.value, label).toBeNull();
          expect(disparity?.parity, label).toBe('undefined');
          expect(g[parity], label).toBeNull();
        } else {
          expect(Math.abs((disparity?.ratio.value ?? NaN) - Number(expected)), label).toBeLessThan(1e-9);
          const verdict = disparity?.parity === 'reference' || disparity?.parity === 'pass';
          expect(verdict, label).toBe(g[parity]);
        }
        compared++;
      }
    }
    expect(compared).toBe(23 * 10);
  });
});
