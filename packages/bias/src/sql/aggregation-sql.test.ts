import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAggregationSql, bucketLabelSql, outcomeSql, type AggregationSpec } from './aggregation-sql.js';
import { compareGroups } from '../counts/bias-section.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

// race, age, y, p, s, w: one row each; ' ' and NULL are missing values.
const ROWS = `(VALUES ('a', 20, 1, 1, 0.9, 1.0), ('b', 30, 0, 1, 0.2, 2.0), (' ', NULL, 1, 0, 0.5, 1.0), ('a', 70, 0, 0, 1.0, 3.0))`;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(`CREATE TABLE t AS SELECT * FROM ${ROWS} v(race, age, y, p, s, w)`);
  await connection.run(
    `CREATE SCHEMA wh; CREATE TABLE wh."pred""s" AS SELECT race, y, p, CAST(s AS DOUBLE) * 10 AS s FROM t`,
  );
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function run(spec: AggregationSpec): Promise<string[]> {
  const reader = await connection.runAndReadAll(buildAggregationSql(spec));
  return reader
    .getRowObjectsJS()
    .map((row) =>
      JSON.stringify(row, (_, value: unknown) => (typeof value === 'bigint' ? Number(value) : value)),
    )
    .sort();
}

const AGE = { edges: [25, 65], labels: ['< 25', '[25, 65)', '>= 65'] };

describe('buildAggregationSql', () => {
  const spec: AggregationSpec = {
    table: 't',
    attributes: ['race', 'age'],
    intersections: [['race', 'age']],
    buckets: { age: AGE },
    label: 'y',
    prediction: { kind: 'column', column: 'p' },
  };

  it('is one query: stage 1 groups raw values, stage 2 takes GROUPING SETS over attributes, intersections and overall', () => {
    const sql = buildAggregationSql(spec);
    expect(sql.match(/GROUPING SETS/g)).toHaveLength(1);
    expect(sql).toContain(
      '(g0, label, prediction),\n  (g1, label, prediction),\n  (g0, g1, label, prediction),\n  (label, prediction)',
    );
    expect(sql).toContain("WHEN GROUPING(g0) = 0 AND GROUPING(g1) = 0 THEN 'race+age'");
    // The per-row stage does no string work on attributes: the raw column, or the bucket index.
    expect(sql).toContain(
      'SELECT "race" AS g0, CASE WHEN "age" IS NULL THEN NULL WHEN "age" < 25 THEN 0 WHEN "age" < 65 THEN 1 ELSE 2 END AS g1',
    );
  });

  it('counts every group, names buckets and intersections, and keeps NULL and blank values as missing (NULL)', async () => {
    expect(await run(spec)).toEqual([
      '{"attribute":"(overall)","v0":null,"v1":null,"label":0,"prediction":0,"n":1}',
      '{"attribute":"(overall)","v0":null,"v1":null,"label":0,"prediction":1,"n":1}',
      '{"attribute":"(overall)","v0":null,"v1":null,"label":1,"prediction":0,"n":1}',
      '{"attribute":"(overall)","v0":null,"v1":null,"label":1,"prediction":1,"n":1}',
      '{"attribute":"age","v0":"< 25","v1":null,"label":1,"prediction":1,"n":1}',
      '{"attribute":"age","v0":">= 65","v1":null,"label":0,"prediction":0,"n":1}',
      '{"attribute":"age","v0":"[25, 65)","v1":null,"label":0,"prediction":1,"n":1}',
      '{"attribute":"age","v0":null,"v1":null,"label":1,"prediction":0,"n":1}',
      '{"attribute":"race","v0":"a","v1":null,"label":0,"prediction":0,"n":1}',
      '{"attribute":"race","v0":"a","v1":null,"label":1,"prediction":1,"n":1}',
      '{"attribute":"race","v0":"b","v1":null,"label":0,"prediction":1,"n":1}',
      '{"attribute":"race","v0":null,"v1":null,"label":1,"prediction":0,"n":1}',
      '{"attribute":"race+age","v0":"a","v1":"< 25","label":1,"prediction":1,"n":1}',
      '{"attribute":"race+age","v0":"a","v1":">= 65","label":0,"prediction":0,"n":1}',
      '{"attribute":"race+age","v0":"b","v1":"[25, 65)","label":0,"prediction":1,"n":1}',
      '{"attribute":"race+age","v0":null,"v1":null,"label":1,"prediction":0,"n":1}',
    ]);
  });

  it('derives predictions from the score, bins scores and sums weighted scores per cell', async () => {
    const rows = await run({
      table: 't',
      attributes: ['race'],
      label: 'y',
      prediction: { kind: 'threshold', threshold: 0.5 },
      score: { column: 's', bins: 4, range: { min: 0, max: 1 } },
      weight: 'w',
    });
    const overall = rows
      .filter((row) => row.includes('(overall)'))
      .map((row) => JSON.parse(row) as Record<string, number>);
    // s = 1.0 falls in the last bin; weighted score sums: 3 × 1.0 for the row with w = 3.
    expect(overall.map((r) => [r.label, r.prediction, r.score_bin, r.n, r.weight, r.score_sum])).toEqual([
      [0, 0, 0, 1, 2, 0.4],
      [0, 1, 3, 1, 3, 3],
      [1, 1, 2, 1, 1, 0.5],
      [1, 1, 3, 1, 1, 0.9],
    ]);
    expect(overall[0]).toMatchObject({ bin_min: 0, bin_max: 1, bin_count: 4, weight_min: 2, weight_rows: 1 });
  });

  it('applies per-group thresholds on raw values, the missing group included, and leaves others NULL', async () => {
    const rows = await run({
      table: 't',
      attributes: ['race'],
      label: 'y',
      prediction: {
        kind: 'per-group',
        attribute: 'race',
        thresholds: [
          { group: 'a', threshold: 0.95 },
          { group: '(missing)', threshold: 0.1 },
        ],
      },
      score: { column: 's', bins: 2, range: { min: 0, max: 1 } },
    });
    const race = rows
      .map((row) => JSON.parse(row) as Record<string, unknown>)
      .filter((r) => r.attribute === 'race');
    expect(race.map((r) => [r.v0, r.prediction, r.score_sum])).toEqual([
      ['a', 1, 1],
      ['a', 0, 0.9],
      ['b', null, 0.2],
      [null, 1, 0.5],
    ]);
  });

  it('computes the score range itself for a warehouse ([min, max] outside [0, 1]) and reads a qualified table', async () => {
    const rows = await run({
      table: 'wh.pred"s',
      attributes: ['race'],
      label: 'y',
      prediction: { kind: 'column', column: 'p' },
      score: { column: 's', bins: 4, range: 'from-data' },
    });
    const parsed = rows.map((row) => JSON.parse(row) as Record<string, number>);
    expect(parsed.every((r) => r.bin_min === 2 && r.bin_max === 10 && r.bin_count === 4)).toBe(true);
    expect(
      parsed
        .filter((r) => (r as Record<string, unknown>).attribute === '(overall)')
        .map((r) => r.score_bin)
        .sort(),
    ).toEqual([0, 1, 3, 3]);
  });

  it('leaves out the prediction in a dataset audit', async () => {
    const rows = await run({ table: 't', attributes: ['race'], label: 'y' });
    expect(rows).toContain('{"attribute":"race","v0":"a","label":0,"n":1}');
  });
});

describe('outcomeSql and bucketLabelSql', () => {
  it('maps outcomes to 0/1 by their encoding, quoting literals', () => {
    expect(outcomeSql('label', { kind: 'numeric', positive: 0 })).toBe(
      'CASE WHEN "label" = 0 THEN 1 ELSE 0 END',
    );
    expect(outcomeSql('ok', { kind: 'boolean', positive: true })).toBe(
      'CASE WHEN "ok" = TRUE THEN 1 ELSE 0 END',
    );
    expect(outcomeSql('d', { kind: 'text', positive: "o'k" })).toBe(
      "CASE WHEN LOWER(TRIM(CAST(\"d\" AS VARCHAR))) = 'o''k' THEN 1 ELSE 0 END",
    );
  });

  it('labels buckets straight from the column', async () => {
    const reader = await connection.runAndReadAll(
      `SELECT ${bucketLabelSql('age', AGE)} AS g FROM t ORDER BY age NULLS LAST`,
    );
    expect(reader.getRowObjectsJS().map((r) => r.g)).toEqual(['< 25', '[25, 65)', '>= 65', null]);
  });
});

describe('compareGroups', () => {
  it('sorts naturally, with "(missing)" last', () => {
    expect(['65+', '(missing)', '10', '9', '18-25', 'b', 'B', 'a'].sort(compareGroups)).toEqual([
      '9',
      '10',
      '18-25',
      '65+',
      'a',
      'b',
      'B',
      '(missing)',
    ]);
  });
});
