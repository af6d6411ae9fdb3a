import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UsageError, createCatalog, defaultPolicy } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { emitAggregationSql } from './from-counts.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

// Each breaks out of a comment, an identifier or a literal when written raw: a line break ends a `--` comment.
const TABLE = 'wh.t;\nDROP TABLE keep; -- */ "x" \'y\'';
const ATTRIBUTE = 'sex\n); DROP TABLE keep; --';
const LABEL = 'lab"el */ /* \'; DROP TABLE keep; --';
const PREDICTION = "pred'; DROP TABLE keep; --";

const options = (extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at('log.csv'),
  attributes: [ATTRIBUTE],
  label: LABEL,
  prediction: PREDICTION,
  bootstrap: 0,
  ...extra,
});

function logCsv(): string {
  const lines = ['sex,label,prediction'];
  for (let i = 0; i < 200; i++) lines.push(`${i % 3 ? 'f' : 'm'},${i % 2},${i % 5 < 2 ? 1 : 0}`);
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-hostile-sql-'));
  writeFileSync(at('log.csv'), logCsv());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--emit-sql with hostile table and column names', () => {
  it('quotes every name, keeps them out of comments, and the query runs as one statement', async () => {
    const sql = await emitAggregationSql(TABLE, options());
    for (const line of sql.split('\n').filter((l) => l.startsWith('--'))) {
      expect(line).not.toMatch(/DROP|keep|sex|pred|lab/);
    }
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await connection.run('CREATE TABLE keep AS SELECT 1 AS x');
      const [schema, table] = ['wh', TABLE.slice(3)].map((n) => `"${n.replaceAll('"', '""')}"`);
      const columns = [ATTRIBUTE, LABEL, PREDICTION].map((n) => `"${n.replaceAll('"', '""')}"`);
      await connection.run(
        `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.${table} AS SELECT sex AS ${columns[0]}, ` +
          `label AS ${columns[1]}, prediction AS ${columns[2]} FROM read_csv('${at('log.csv')}', header = true)`,
      );
      // run() executes every statement of the text: an injected DROP would run here.
      await connection.run(
        `COPY (${sql.replace(/;\s*$/, '')}) TO '${at('counts.parquet')}' (FORMAT parquet)`,
      );
      const kept = await connection.runAndReadAll('SELECT COUNT(*) AS n FROM keep');
      expect(Number(kept.getRowObjectsJS()[0]?.n)).toBe(1);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    const fromCounts = await runBiasAudit(options({ fromCounts: at('counts.parquet') }), policy);
    const groups = fromCounts.section.groups.map((g) => [g.attribute, g.group, g.n]);
    expect(groups).toEqual([
      [ATTRIBUTE, 'f', 133],
      [ATTRIBUTE, 'm', 67],
    ]);
  });

  it.each([
    ['table name', { table: 'wh.t\u0000; DROP TABLE keep' }],
    ['table name', { table: 'wh.t\\"; DROP TABLE keep; --' }],
    ['attribute', { attributes: ['sex\u0000'] }],
    ['label column', { label: 'label\\' }],
    ['prediction column', { prediction: 'p\\"' }],
  ])('refuses a NUL or a backslash in the %s (exit 2)', async (what, change) => {
    const { table = 't', ...rest } = change as Partial<BiasAuditOptions> & { table?: string };
    const error = await emitAggregationSql(table, options(rest)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(
      new RegExp(`^the ${what} .* holds a (NUL character|backslash)`),
    );
  });
});
