import { InputError } from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { readCountsTable, rowsOutsideBinning, type CountCell } from './counts-table.js';
import { foldCounts, type FoldSpec } from './fold-counts.js';
import type { GroupingPlan } from '../plan/grouping-plan.js';

const plan: GroupingPlan = {
  attributes: ['sex', 'age'],
  intersections: [['sex', 'age']],
  buckets: { age: { edges: [30], labels: ['< 30', '>= 30'], method: 'bins' } },
};

function cell(
  grouping: string,
  values: Array<string | null>,
  label: number,
  prediction: number,
  n: number,
  extra: Partial<CountCell> = {},
): CountCell {
  return { grouping, values, label, prediction, n, ...extra };
}

// Two rows: f/<30 label 1 pred 1 (bin 1, score 0.8, weight 2), (missing)/>=30 label 0 pred 1 (bin 0, score 0.2, weight 1).
const weighted = (n: number, weight: number, bin: number, score: number): Partial<CountCell> => ({
  weight,
  scoreBin: bin,
  scoreSum: weight * score,
  scoreSquaredSum: weight * score * score,
});
const cells: CountCell[] = [
  cell('(overall)', [null, null], 1, 1, 1, weighted(1, 2, 1, 0.8)),
  cell('(overall)', [null, null], 0, 1, 1, weighted(1, 1, 0, 0.2)),
  cell('sex', ['f', null], 1, 1, 1, weighted(1, 2, 1, 0.8)),
  cell('sex', [null, null], 0, 1, 1, weighted(1, 1, 0, 0.2)),
  cell('age', ['>= 30', null], 0, 1, 1, weighted(1, 1, 0, 0.2)),
  cell('age', ['< 30', null], 1, 1, 1, weighted(1, 2, 1, 0.8)),
  cell('sex+age', ['f', '< 30'], 1, 1, 1, weighted(1, 2, 1, 0.8)),
  cell('sex+age', [null, '>= 30'], 0, 1, 1, weighted(1, 1, 0, 0.2)),
];

const spec = (extra: Partial<FoldSpec> = {}): FoldSpec => ({
  plan,
  labelOf: (c) => (c.label === 1 ? 1 : 0),
  predictionOf: (c) => (c.prediction === 1 ? 1 : 0),
  missing: 'group',
  weighted: false,
  ...extra,
});

describe('foldCounts', () => {
  it('folds cells into per-group confusion counts in report order (buckets by edge, missing last)', () => {
    const folded = foldCounts(cells, spec());
    expect(
      folded.groups.map(
        (g) => `${g.attribute}=${g.group} ${g.counts.tp}${g.counts.fp}${g.counts.tn}${g.counts.fn}`,
      ),
    ).toEqual([
      'sex=f 1000',
      'sex=(missing) 0100',
      'age=< 30 1000',
      'age=>= 30 0100',
      'sex+age=f|< 30 1000',
      'sex+age=(missing)|>= 30 0100',
    ]);
    expect(folded.groups[5]?.values).toEqual({ sex: '(missing)', age: '>= 30' });
    expect(folded.overall).toMatchObject({ attribute: '(overall)', group: '(all)', n: 2 });
    expect(folded.missingRows).toEqual({ sex: 1, age: 0 });
  });

  it('sums weights into the cells and the histograms, and drops missing values from their groupings only', () => {
    const folded = foldCounts(
      cells,
      spec({ weighted: true, missing: 'drop', binning: { min: 0, max: 1, bins: 2 } }),
    );
    expect(folded.groups.map((g) => `${g.attribute}=${g.group}`)).toEqual([
      'sex=f',
      'age=< 30',
      'age=>= 30',
      'sex+age=f|< 30',
    ]);
    expect(folded.overall).toMatchObject({ n: 2, weight: 3, counts: { tp: 2, fp: 1, tn: 0, fn: 0 } });
    expect(folded.overallHistogram).toMatchObject({
      positives: [0, 2],
      negatives: [1, 0],
      positiveScoreSums: [0, 1.6],
      negativeScoreSums: [0.2, 0],
    });
    expect(folded.overallHistogram?.sumSquaredScores).toBeCloseTo(2 * 0.64 + 0.04, 12);
    expect(folded.histograms).toHaveLength(4);
    expect(folded.missingRows.sex).toBe(1);
  });

  it('counts every row as predicted as its label in a dataset audit', () => {
    const folded = foldCounts(cells, {
      plan,
      labelOf: (c) => (c.label === 1 ? 1 : 0),
      missing: 'group',
      weighted: false,
    });
    expect(folded.overall.counts).toEqual({ tp: 1, fp: 0, tn: 1, fn: 0 });
  });
});

describe('readCountsTable', () => {
  const columns = ['attribute', 'v0', 'label', 'prediction', 'n'].map((name) => ({
    name,
    type: name === 'n' ? 'BIGINT' : 'VARCHAR',
  }));

  it('reads bigint counts and keeps raw outcome values', () => {
    const table = readCountsTable(
      columns,
      [{ attribute: 'sex', v0: 'f', label: 'yes', prediction: 'no', n: 3n }],
      'c.csv',
      {
        prediction: true,
        score: false,
        weight: false,
      },
    );
    expect(table.cells).toEqual([{ grouping: 'sex', values: ['f'], label: 'yes', prediction: 'no', n: 3 }]);
    expect(table.labelType).toBe('VARCHAR');
  });

  it('names a missing column and a value that is not a count', () => {
    const expectation = { prediction: true, score: true, weight: false };
    expect(() => readCountsTable(columns, [], 'c.csv', expectation)).toThrow(
      'the counts table has no column "score_bin", "score_sum", "score_sq_sum", "bin_min", "bin_max", "bin_count" (the audit has a score)',
    );
    const bad = () =>
      readCountsTable(columns, [{ attribute: 'sex', v0: 'f', label: 1, prediction: 1, n: 'many' }], 'c.csv', {
        prediction: true,
        score: false,
        weight: false,
      });
    expect(bad).toThrow(InputError);
    expect(bad).toThrow('column "n" of the counts table holds "many", not a count');
  });

  it('counts the overall rows whose score fell outside the binning (bin -1 or bins)', () => {
    const table = {
      cells: [
        cell('(overall)', [null], 1, 1, 2, { scoreBin: -1 }),
        cell('(overall)', [null], 1, 1, 3, { scoreBin: 4 }),
        cell('(overall)', [null], 0, 1, 5, { scoreBin: 3 }),
        cell('sex', ['f'], 1, 1, 7, { scoreBin: 4 }),
      ],
      labelType: 'BIGINT',
      hasWeight: false,
      binning: { min: 0, max: 1, bins: 4 },
    };
    expect(rowsOutsideBinning(table)).toBe(5);
  });
});
