import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryMissingValues, queryProxies, type DatasetQueryRunner } from '../dataset/dataset-queries.js';
import { buildContingencySql, columnGroupSql, type DatasetQuerySpec } from './dataset-sql.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
const runner: DatasetQueryRunner = {
  query: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS(),
};

// Column names with quotes and spaces, a constant column, a column of NaN, and a boolean column.
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE source AS SELECT * FROM (VALUES
    ('a', 1.0, 5, 'NaN'::DOUBLE, TRUE), ('a', 2.0, 5, 'NaN'::DOUBLE, TRUE),
    ('b', 3.0, 5, 'NaN'::DOUBLE, FALSE), ('b', NULL, 5, 'NaN'::DOUBLE, FALSE)
  ) t("the ""group""", "odd name", "constant", "nan", "flag")`);
});
afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

const spec: DatasetQuerySpec = {
  table: 'source',
  attributes: [{ name: 'the "group"', sql: columnGroupSql('the "group"') }],
  missing: 'group',
};

describe('dataset queries', () => {
  it('quotes every identifier it builds from a column name', () => {
    const sql = buildContingencySql(spec, ['odd name']);
    expect(sql).toContain('"the ""group"""');
    expect(sql).toContain('CAST("odd name" AS VARCHAR)');
  });

  it('measures odd columns, and gives reasons for a constant and an all-NaN feature', async () => {
    const features = [
      { name: 'odd name', type: 'DECIMAL(2,1)' },
      { name: 'constant', type: 'INTEGER' },
      { name: 'nan', type: 'DOUBLE' },
      { name: 'flag', type: 'BOOLEAN' },
    ];
    const proxies = await queryProxies(runner, spec, features);
    const byFeature = Object.fromEntries(proxies.map((p) => [p.feature, p]));
    expect(byFeature['flag']).toMatchObject({ measure: 'cramers_v' });
    expect(byFeature['flag']?.value).toBeCloseTo(1, 12);
    // odd name: a = 1, 2 (mean 1.5), b = 3 (NULL skipped), grand mean 2: SS_between = 2·0.5² + 1² = 1.5,
    // SS_within = 0.5, η = √(1.5 / 2).
    expect(byFeature['odd name']?.value).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(byFeature['constant']).toMatchObject({ value: null, reason: 'the feature is constant' });
    expect(byFeature['nan']).toMatchObject({ value: null, reason: 'the feature has no finite values' });
  });

  it('counts NULLs as missing per group', async () => {
    const rows = await queryMissingValues(runner, spec, [{ name: 'odd name', type: 'DECIMAL(2,1)' }]);
    expect(rows.map((r) => [r.attribute, r.group, r.missing, r.rate])).toEqual([
      ['(overall)', '(all)', 1, 0.25],
      ['the "group"', 'a', 0, 0],
      ['the "group"', 'b', 1, 0.5],
    ]);
  });
});
