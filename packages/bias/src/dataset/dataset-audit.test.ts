import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetAnalysisSchema, UsageError, type DatasetAnalysis } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_ABSENT, hasShared, sharedPath } from '../../../../tests/shared-fixtures.js';
import { analyzeDataset, type DatasetAuditInput } from './dataset-audit.js';
import { queryGroupCounts } from './dataset-queries.js';
import { DuckDbSource } from '../sql/duckdb-source.js';

// 12 rows repeated 10 times, then 3 rows without sex. Per block, female: color red 4 / blue 2, income 10 10 20 20 30
// 30, note blank twice, label 1 twice; male: red 1 / blue 5, income 40 40 50 50 60 60, label 1 four times.
// Hand values (120 rows with sex): Cramér's V of color [[40, 20], [10, 50]] = 0.500847 (bias-corrected);
// η of income = √(2700/3500) = 0.878310 (see dataset-association.test.ts for the arithmetic);
// Cramér's V of note (value vs blank) [[40, 20], [60, 0]] = 0.439568.
const BLOCK: Array<[sex: string, color: string, income: number, note: string, y: number]> = [
  ['female', 'red', 10, 'a', 1],
  ['female', 'red', 10, '', 0],
  ['female', 'red', 20, 'a', 0],
  ['female', 'red', 20, '', 0],
  ['female', 'blue', 30, 'a', 1],
  ['female', 'blue', 30, 'a', 0],
  ['male', 'red', 40, 'a', 1],
  ['male', 'blue', 40, 'a', 1],
  ['male', 'blue', 50, 'a', 0],
  ['male', 'blue', 50, 'a', 1],
  ['male', 'blue', 60, 'a', 0],
  ['male', 'blue', 60, 'a', 1],
];

function handBuiltCsv(): string {
  const rows = Array.from({ length: 10 }, () => BLOCK).flat();
  const withoutSex = Array.from({ length: 3 }, () => ['', 'red', 35, 'a', 0] as const);
  const lines = [...rows, ...withoutSex].map((row, i) => [`r${i}`, ...row].join(','));
  return ['id,sex,color,income,note,y', ...lines].join('\n') + '\n';
}

let dir = '';
let source: DuckDbSource;

const input = (overrides: Partial<DatasetAuditInput> = {}): DatasetAuditInput => ({
  attributes: ['sex'],
  label: 'y',
  labelSql: 'CASE WHEN "y" = 1 THEN 1 ELSE 0 END',
  features: ['id', 'sex', 'color', 'income', 'note', 'y'],
  missing: 'drop',
  ...overrides,
});

const proxy = (analysis: DatasetAnalysis, feature: string, attribute = 'sex') =>
  analysis.proxies.find((p) => p.feature === feature && p.attribute === attribute);

describe('analyzeDataset on a hand-built dataset', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rai-dataset-'));
    writeFileSync(join(dir, 'people.csv'), handBuiltCsv());
    source = await DuckDbSource.open(join(dir, 'people.csv'));
  });
  afterAll(() => {
    source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("ranks the proxies with the hand-computed Cramér's V and η, skipping the id and the label", async () => {
    const analysis = await analyzeDataset(source, input());
    expect(DatasetAnalysisSchema.parse(analysis)).toEqual(analysis);
    expect(analysis.proxies.map((p) => p.feature)).toEqual(['income', 'color', 'note', 'id']);
    expect(proxy(analysis, 'income')).toMatchObject({ measure: 'correlation_ratio' });
    expect(proxy(analysis, 'income')?.value).toBeCloseTo(Math.sqrt(2700 / 3500), 10);
    expect(proxy(analysis, 'color')?.value).toBeCloseTo(0.5008467406573778, 10);
    expect(proxy(analysis, 'note')?.value).toBeCloseTo(0.43956835530216554, 10);
    expect(proxy(analysis, 'id')).toMatchObject({
      value: null,
      reason: expect.stringMatching(/^skipped: 123 distinct/),
    });
  });

  it('drops rows without the attribute, or keeps them as the (missing) group', async () => {
    const dropped = await analyzeDataset(
      source,
      input({ expectedShares: { sex: { female: 0.5, male: 0.5 } } }),
    );
    expect(dropped.representation).toEqual([
      { attribute: 'sex', group: 'female', n: 60, share: 0.5, expectedShare: 0.5 },
      { attribute: 'sex', group: 'male', n: 60, share: 0.5, expectedShare: 0.5 },
    ]);
    expect(dropped.goodnessOfFit).toEqual([
      { attribute: 'sex', test: 'chi-square', statistic: 0, df: 1, pValue: 1 },
    ]);
    const grouped = await analyzeDataset(source, input({ missing: 'group' }));
    expect(grouped.representation.map((r) => [r.group, r.n])).toEqual([
      ['female', 60],
      ['male', 60],
      ['(missing)', 3],
    ]);
    expect(grouped.goodnessOfFit).toEqual([]);
  });

  it('rejects a group of --expected-shares the data does not have, with the closest name', async () => {
    const typo = analyzeDataset(source, input({ expectedShares: { sex: { Female: 0.5, male: 0.5 } } }));
    await expect(typo).rejects.toBeInstanceOf(UsageError);
    await expect(typo).rejects.toThrow('--expected-shares names sex=Female, which the data does not have');
    await expect(typo).rejects.toMatchObject({ hint: expect.stringContaining('Did you mean "female"?') });
  });

  it('counts missing values of every column per group and overall, blanks included', async () => {
    const analysis = await analyzeDataset(source, input({ missing: 'group' }));
    const note = analysis.missingValues.filter((m) => m.column === 'note');
    expect(note.map((m) => [m.attribute, m.group, m.missing, m.rate])).toEqual([
      ['(overall)', '(all)', 20, 20 / 123],
      ['sex', 'female', 20, 1 / 3],
      ['sex', 'male', 0, 0],
      ['sex', '(missing)', 0, 0],
    ]);
    expect(
      analysis.missingValues.find((m) => m.attribute === '(overall)' && m.column === 'sex')?.missing,
    ).toBe(3);
    expect(analysis.missingValues.some((m) => m.attribute === 'sex' && m.column === 'sex')).toBe(false);
  });

  it('builds intersections and derived attributes from SQL, with label positives per group', async () => {
    const spec = input({
      attributes: ['sex', 'band'],
      attributeSql: { band: `CASE WHEN "income" < 35 THEN 'low' ELSE 'high' END` },
      intersections: [['band', 'sex']],
      missing: 'group',
    });
    const analysis = await analyzeDataset(source, spec);
    expect(
      analysis.representation.filter((r) => r.attribute === 'band+sex').map((r) => [r.group, r.n]),
    ).toEqual([
      ['high|(missing)', 3],
      ['high|male', 60],
      ['low|female', 60],
    ]);
    expect(proxy(analysis, 'income', 'band')?.value).toBeGreaterThan(0.8);
    const counts = await queryGroupCounts(
      source,
      {
        table: 'source',
        attributes: [{ name: 'sex', sql: '"sex"' }],
        missing: 'drop',
      },
      spec.labelSql,
    );
    expect(counts.find((c) => c.group === 'female')).toMatchObject({ n: 60, positives: 20 });
    expect(counts.find((c) => c.attribute === '(overall)')).toMatchObject({ n: 123, positives: 60 });
  });

  it('rejects a feature that is not a column and an intersection of unknown attributes', async () => {
    await expect(analyzeDataset(source, input({ features: ['colour'] }))).rejects.toThrow(UsageError);
    await expect(analyzeDataset(source, input({ intersections: [['sex', 'race']] }))).rejects.toThrow(
      /two or more audited attributes/,
    );
  });
});

const GERMAN = ['fixtures', 'datasets', 'german_credit.csv'] as const;

describe.skipIf(!hasShared(...GERMAN))('analyzeDataset on German credit ' + SHARED_ABSENT, () => {
  let german: DuckDbSource;
  let analysis: DatasetAnalysis;
  // The data has no sex column: personal_status codes it (A91, A93, A94 male; A92, A95 female).
  const sexSql = `CASE WHEN "personal_status" IN ('A92', 'A95') THEN 'female' ELSE 'male' END`;

  beforeAll(async () => {
    german = await DuckDbSource.open(sharedPath(...GERMAN));
    analysis = await analyzeDataset(german, {
      attributes: ['sex'],
      label: 'credit',
      labelSql: 'CASE WHEN "credit" = 1 THEN 1 ELSE 0 END',
      features: german.columns.map((c) => c.name),
      expectedShares: { sex: { female: 0.5, male: 0.5 } },
      missing: 'group',
      attributeSql: { sex: sexSql },
    });
  });
  afterAll(() => german.close());

  it('finds personal_status as a near-perfect proxy of sex, far ahead of the rest', () => {
    expect(DatasetAnalysisSchema.parse(analysis)).toEqual(analysis);
    const [first, second] = analysis.proxies;
    expect(first).toMatchObject({ feature: 'personal_status', attribute: 'sex', measure: 'cramers_v' });
    expect(first?.value).toBeCloseTo(0.998997493482325, 10);
    expect(second?.value ?? 1).toBeLessThan(0.5);
    expect(analysis.proxies).toHaveLength(20);
    expect(analysis.proxies.every((p) => p.value !== null && p.value >= 0 && p.value <= 1)).toBe(true);
  });

  it('counts 310 women and 690 men, rejects equal shares, and finds no missing values', () => {
    expect(analysis.representation.map((r) => [r.group, r.n, r.share])).toEqual([
      ['female', 310, 0.31],
      ['male', 690, 0.69],
    ]);
    const [fit] = analysis.goodnessOfFit;
    expect(fit?.statistic).toBeCloseTo(144.4, 10);
    expect(fit?.pValue ?? 1).toBeLessThan(1e-30);
    expect(analysis.missingValues.every((m) => m.missing === 0)).toBe(true);
    expect(analysis.missingValues).toHaveLength(3 * 21);
  });
});
