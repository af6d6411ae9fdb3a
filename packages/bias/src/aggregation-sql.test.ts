import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { buildAggregationSql, outcomeSql, readAggregationRows } from './aggregation-sql.js';
import { compareGroups } from './bias-section.js';

describe('buildAggregationSql', () => {
  const sql = buildAggregationSql({
    table: 'source',
    attributes: ['sex', 'age group'],
    label: { column: 'label', encoding: { kind: 'numeric', positive: 1 } },
    prediction: { column: 'decision', encoding: { kind: 'text', positive: "o'k" } },
  });

  it('is one GROUPING SETS query over each attribute plus the overall row', () => {
    expect(sql).toContain('GROUP BY GROUPING SETS ((a0), (a1), ())');
    expect(sql.match(/SELECT/g)).toHaveLength(2);
    expect(sql).toContain(
      "CASE WHEN GROUPING(a0) = 0 THEN 'sex' WHEN GROUPING(a1) = 0 THEN 'age group' END AS attribute",
    );
    expect(sql).toContain('"age group"');
    expect(sql).toContain('SUM(CASE WHEN y = 1 AND p = 1 THEN 1 ELSE 0 END) AS tp');
  });

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

  it('tells a NULL attribute value apart from "not grouped by this attribute" when run on DuckDB', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run(
        `CREATE TABLE "we""ird" AS SELECT * FROM (VALUES (1, NULL, 1, 1), (2, '  ', 0, 1), (NULL, 'x', 1, 0)) t("se""x", "g", y, p)`,
      );
      const query = buildAggregationSql({
        table: 'we"ird',
        attributes: ['se"x', 'g'],
        label: { column: 'y', encoding: { kind: 'numeric', positive: 1 } },
        prediction: { column: 'p', encoding: { kind: 'numeric', positive: 1 } },
      });
      const rows = readAggregationRows((await connection.runAndReadAll(query)).getRowObjectsJS());
      const described = rows
        .map(
          (r) => `${r.attribute}|${r.group} n${r.n} ${r.counts.tp}${r.counts.fp}${r.counts.tn}${r.counts.fn}`,
        )
        .sort();
      expect(described).toEqual([
        'g|null n2 1100',
        'g|x n1 0001',
        'null|null n3 1101',
        'se"x|1 n1 1000',
        'se"x|2 n1 0100',
        'se"x|null n1 0001',
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('readAggregationRows', () => {
  it('accepts bigint counts and treats a NULL sum as 0', () => {
    expect(
      readAggregationRows([{ attribute: 'a', group_value: 7, n: 3n, tp: 1n, fp: null, tn: 2, fn: 0n }]),
    ).toEqual([{ attribute: 'a', group: '7', n: 3, counts: { tp: 1, fp: 0, tn: 2, fn: 0 } }]);
  });

  it('rejects a non-numeric count', () => {
    expect(() => readAggregationRows([{ attribute: null, group_value: null, n: 'x' }])).toThrow(TypeError);
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
