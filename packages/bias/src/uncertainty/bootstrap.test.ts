import type { ConfusionCounts, ReferenceGroup } from '@rai-audit/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, groupKey, summaryKey, type BootstrapInput } from './bootstrap.js';
import { drawCells, type CellDesign } from './confusion-resampling.js';
import { createSeededRandom } from './seeded-random.js';
import type { GroupStatistics } from '../metrics/sufficient-statistics.js';
import { wilsonInterval } from '../metrics/wilson.js';

const total = (c: ConfusionCounts): number => c.tp + c.fp + c.tn + c.fn;
const stat = (attribute: string, group: string, counts: ConfusionCounts): GroupStatistics => ({
  attribute,
  group,
  n: total(counts),
  counts,
});
const overallOf = (groups: readonly GroupStatistics[]): GroupStatistics => {
  const counts = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const g of groups)
    for (const cell of ['tp', 'fp', 'tn', 'fn'] as const) counts[cell] += g.counts[cell];
  return stat('(overall)', '(all)', counts);
};

const sexGroups = [
  stat('sex', 'female', { tp: 120, fp: 40, tn: 300, fn: 60 }),
  stat('sex', 'male', { tp: 200, fp: 90, tn: 250, fn: 40 }),
  stat('sex', '(missing)', { tp: 3, fp: 1, tn: 4, fn: 2 }),
];
const references: ReferenceGroup[] = [{ attribute: 'sex', group: 'male', method: 'largest' }];
const input: BootstrapInput = {
  overall: overallOf(sexGroups),
  groups: sexGroups,
  references,
  attributes: ['sex'],
};
const options = { draws: 400, seed: 2024, level: 0.95 };

describe('bootstrapIntervals', () => {
  const result = bootstrapIntervals(input, options);

  it('is deterministic: the same seed gives the same intervals, another seed others', () => {
    expect(bootstrapIntervals(input, options)).toEqual(result);
    const other = bootstrapIntervals(input, { ...options, seed: 2025 });
    expect(other.summaries.get(summaryKey('sex', 'demographic_parity_ratio', 'between-groups'))).not.toEqual(
      result.summaries.get(summaryKey('sex', 'demographic_parity_ratio', 'between-groups')),
    );
  });

  it('covers every non-reference group and every summary on both bases', () => {
    expect([...result.disparities.keys()]).toEqual([groupKey('sex', 'female'), groupKey('sex', '(missing)')]);
    expect(result.summaries.size).toBe(12);
    const female = result.disparities.get(groupKey('sex', 'female'));
    expect(Object.keys(female ?? {})).toHaveLength(13);
    // female SR 160/520 ≈ 0.308, male 290/580 = 0.5: the ratio ≈ 0.615 lies inside its interval, below 0.8.
    const ratio = female?.selection_rate?.ratio;
    expect(ratio?.method).toBe('bootstrap');
    expect(ratio?.level).toBe(0.95);
    expect(ratio?.lower).toBeLessThan(160 / 520 / 0.5);
    expect(ratio?.upper).toBeGreaterThan(160 / 520 / 0.5);
    expect(ratio?.upper).toBeLessThan(0.8);
    const width = (ratio?.upper ?? 0) - (ratio?.lower ?? 0);
    expect(width).toBeGreaterThan(0.05);
    expect(width).toBeLessThan(0.3);
  });

  it('narrows about tenfold when every count grows a hundredfold', () => {
    const scaled = sexGroups.map((g) =>
      stat(g.attribute, g.group, {
        tp: g.counts.tp * 100,
        fp: g.counts.fp * 100,
        tn: g.counts.tn * 100,
        fn: g.counts.fn * 100,
      }),
    );
    const big = bootstrapIntervals({ ...input, groups: scaled, overall: overallOf(scaled) }, options);
    const width = (r: typeof result): number => {
      const interval = r.disparities.get(groupKey('sex', 'female'))?.tpr?.difference;
      return (interval?.upper ?? 0) - (interval?.lower ?? 0);
    };
    expect(width(result) / width(big)).toBeGreaterThan(7);
    expect(width(result) / width(big)).toBeLessThan(14);
  });

  it('gives no interval, and says why, when more than half of the draws are undefined', () => {
    // (missing) has 5 actual positives of 10 rows: TPR is defined in most draws. A group of 4 rows without
    // positives has TPR undefined in every draw.
    const empty = stat('sex', 'none', { tp: 0, fp: 1, tn: 3, fn: 0 });
    const groups = [...sexGroups, empty];
    const withEmpty = bootstrapIntervals({ ...input, groups, overall: overallOf(groups) }, options);
    expect(withEmpty.disparities.get(groupKey('sex', 'none'))?.tpr).toEqual({});
    expect(withEmpty.omitted.get(`sex\u0000none\u0000tpr\u0000ratio`)).toBe(
      'no bootstrap interval: the value is undefined in 400 of 400 draws (a zero denominator in the resampled counts)',
    );
    expect(withEmpty.disparities.get(groupKey('sex', 'none'))?.fpr?.ratio).toBeDefined();
  });

  it('gives the same intervals for uniformly weighted rows as for unweighted ones', () => {
    const weighted = sexGroups.map((g) => ({
      ...g,
      weight: 2.5 * g.n,
      counts: { tp: 2.5 * g.counts.tp, fp: 2.5 * g.counts.fp, tn: 2.5 * g.counts.tn, fn: 2.5 * g.counts.fn },
    }));
    const overall = { ...overallOf(weighted), n: input.overall.n };
    const result2 = bootstrapIntervals({ ...input, groups: weighted, overall }, options);
    const a = result.disparities.get(groupKey('sex', 'female'))?.ppr?.ratio;
    const b = result2.disparities.get(groupKey('sex', 'female'))?.ppr?.ratio;
    expect(b?.lower).toBeCloseTo(a?.lower ?? NaN, 12);
    expect(b?.upper).toBeCloseTo(a?.upper ?? NaN, 12);
  });

  it('resamples the overall row on its own when the groups do not add up to it (missing rows dropped)', () => {
    const dropped = sexGroups.slice(0, 2);
    const result2 = bootstrapIntervals({ ...input, groups: dropped }, options);
    const toOverall = result2.summaries.get(summaryKey('sex', 'demographic_parity_difference', 'to-overall'));
    expect(toOverall?.lower).toBeGreaterThan(0);
  });

  it('keeps one attribute’s intervals when another attribute is added', () => {
    const age = [
      stat('age', 'young', { tp: 50, fp: 20, tn: 50, fn: 10 }),
      stat('age', 'old', { tp: 9, fp: 9, tn: 9, fn: 9 }),
    ];
    const both = bootstrapIntervals(
      { ...input, groups: [...sexGroups, ...age], attributes: ['age', 'sex'] },
      options,
    );
    expect(both.disparities.get(groupKey('sex', 'female'))).toEqual(
      result.disparities.get(groupKey('sex', 'female')),
    );
    expect(both.disparities.has(groupKey('age', 'old'))).toBe(false); // age has no reference group
    expect(both.summaries.has(summaryKey('age', 'equalized_odds_ratio', 'to-overall'))).toBe(true);
  });

  it('returns nothing for zero draws and rejects a bad draw count or level', () => {
    expect(bootstrapIntervals(input, { ...options, draws: 0 }).summaries.size).toBe(0);
    expect(() => bootstrapIntervals(input, { ...options, draws: 2.5 })).toThrow(RangeError);
    expect(() => bootstrapIntervals(input, { ...options, level: 1 })).toThrow(RangeError);
  });

  it('stays fast: 1000 draws over 30 groups of a 10-million-row log', () => {
    const random = createSeededRandom(3);
    const big: GroupStatistics[] = [];
    const attributes = ['a', 'b', 'c', 'a+b'];
    const sizes = [2, 6, 6, 16];
    attributes.forEach((attribute, i) => {
      for (let g = 0; g < (sizes[i] ?? 0); g++) {
        const n = 10_000_000 / (sizes[i] ?? 1);
        const tp = Math.round(n * (0.2 + 0.2 * random()));
        const fp = Math.round(n * 0.1 * random());
        const fn = Math.round(n * 0.1 * random());
        big.push(stat(attribute, `g${g}`, { tp, fp, fn, tn: n - tp - fp - fn }));
      }
    });
    const refs = attributes.map((attribute) => ({ attribute, group: 'g0', method: 'largest' as const }));
    const started = performance.now();
    const out = bootstrapIntervals(
      {
        overall: overallOf(big.filter((g) => g.attribute === 'a')),
        groups: big,
        references: refs,
        attributes,
      },
      { draws: 1000, seed: 1, level: 0.95 },
    );
    const elapsed = performance.now() - started;
    console.log(`bootstrap: 1000 draws over ${big.length} groups in ${elapsed.toFixed(0)} ms`);
    expect(out.disparities.size).toBe(big.length - attributes.length);
    // A guard against an O(n) sampler (which would take minutes), not a benchmark: the target is well under 1 s.
    expect(elapsed).toBeLessThan(5000);
  });
});

/** Draws the confusion counts of `n` rows with known cell probabilities (the truth the intervals must cover). */
function sampleCounts(random: () => number, n: number, cells: ConfusionCounts): ConfusionCounts {
  const design: CellDesign = {
    rows: n,
    scale: 1,
    tp: cells.tp,
    fp: cells.fp / (1 - cells.tp),
    tn: cells.tn / (1 - cells.tp - cells.fp),
  };
  const out = new Float64Array(4);
  drawCells(random, design, out, 0);
  return { tp: out[0] ?? 0, fp: out[1] ?? 0, tn: out[2] ?? 0, fn: out[3] ?? 0 };
}

/** Cell probabilities of a group with base rate `prevalence`, TPR and FPR. */
const cellProbabilities = (prevalence: number, tpr: number, fpr: number): ConfusionCounts => ({
  tp: prevalence * tpr,
  fn: prevalence * (1 - tpr),
  fp: (1 - prevalence) * fpr,
  tn: (1 - prevalence) * (1 - fpr),
});

const groupTruth = fc.record({
  n: fc.integer({ min: 150, max: 600 }),
  prevalence: fc.double({ min: 0.2, max: 0.6, noNaN: true }),
  tpr: fc.double({ min: 0.5, max: 0.9, noNaN: true }),
  fpr: fc.double({ min: 0.05, max: 0.3, noNaN: true }),
});

describe('coverage of the intervals (property-based)', () => {
  it('puts the true selection-rate difference inside the 95% bootstrap interval, and each true rate inside its Wilson interval, in about 95% of samples', () => {
    const SEEDS = 200;
    fc.assert(
      fc.property(groupTruth, groupTruth, (a, b) => {
        const cellsA = cellProbabilities(a.prevalence, a.tpr, a.fpr);
        const cellsB = cellProbabilities(b.prevalence, b.tpr, b.fpr);
        const trueRate = (c: ConfusionCounts): number => c.tp + c.fp;
        let differenceCovered = 0;
        let wilsonCovered = 0;
        for (let seed = 0; seed < SEEDS; seed++) {
          const random = createSeededRandom(seed, 'truth');
          const groups = [
            stat('g', 'a', sampleCounts(random, a.n, cellsA)),
            stat('g', 'b', sampleCounts(random, b.n, cellsB)),
          ];
          const { disparities } = bootstrapIntervals(
            {
              overall: overallOf(groups),
              groups,
              references: [{ attribute: 'g', group: 'a', method: 'explicit' }],
              attributes: ['g'],
            },
            { draws: 400, seed, level: 0.95 },
          );
          const interval = disparities.get(groupKey('g', 'b'))?.selection_rate?.difference;
          const truth = trueRate(cellsB) - trueRate(cellsA);
          if (interval && interval.lower <= truth && truth <= interval.upper) differenceCovered++;
          for (const [g, cells] of [
            [groups[0], cellsA],
            [groups[1], cellsB],
          ] as const) {
            const w = wilsonInterval((g?.counts.tp ?? 0) + (g?.counts.fp ?? 0), g?.n ?? 0, 0.95);
            if (w && w.lower <= trueRate(cells) && trueRate(cells) <= w.upper) wilsonCovered++;
          }
        }
        const bootstrapCoverage = differenceCovered / SEEDS;
        const wilsonCoverage = wilsonCovered / (2 * SEEDS);
        return (
          bootstrapCoverage >= 0.9 &&
          bootstrapCoverage <= 0.99 &&
          wilsonCoverage >= 0.9 &&
          wilsonCoverage <= 0.99
        );
      }),
      { numRuns: 3, seed: 20240611 },
    );
  });
});

describe('coverage of the summary intervals (property-based)', () => {
  const nearEqual = fc.record({
    n: fc.integer({ min: 150, max: 600 }),
    rate: fc.double({ min: 0.2, max: 0.6, noNaN: true }),
    spread: fc.constantFrom(0, 0.02, 0.1),
  });

  it('puts the true max−min selection-rate difference of three groups inside its 95% interval in at least 90% of samples, also when the groups are equal, and always covers the estimate', () => {
    const SEEDS = 150;
    fc.assert(
      fc.property(nearEqual, ({ n, rate, spread }) => {
        const rates = [rate, rate + spread / 2, rate + spread];
        const truths = rates.map((r) => cellProbabilities(0.5, r, r));
        let covered = 0;
        for (let seed = 0; seed < SEEDS; seed++) {
          const random = createSeededRandom(seed, 'summary-truth');
          const groups = truths.map((cells, g) => stat('g', `g${g}`, sampleCounts(random, n, cells)));
          const { summaries } = bootstrapIntervals(
            { overall: overallOf(groups), groups, references: [], attributes: ['g'] },
            { draws: 400, seed, level: 0.95 },
          );
          const interval = summaries.get(summaryKey('g', 'demographic_parity_difference', 'between-groups'));
          const observed = groups.map((g) => (g.counts.tp + g.counts.fp) / g.n);
          const estimate = Math.max(...observed) - Math.min(...observed);
          if (!interval || interval.lower > estimate || estimate > interval.upper) return false;
          if (interval.lower <= spread && spread <= interval.upper) covered++;
        }
        return covered / SEEDS >= 0.9;
      }),
      { numRuns: 4, seed: 20261201, examples: [[{ n: 300, rate: 0.4, spread: 0 }]] },
    );
  });
});
