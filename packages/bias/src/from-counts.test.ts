import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError, UsageError, createCatalog, defaultPolicy, type BiasSection } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { auditCountsFile, emitAggregationSql } from './from-counts.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

/** A seeded log with group values that look like numbers ("01"), a missing race and scores in [0, 1]. */
function logCsv(): string {
  let state = 7;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const lines = ['race,sex,age,label,score,decision'];
  for (let i = 0; i < 300; i++) {
    const race = ['01', '02', 'x', ''][Math.floor(next() * 4)] ?? '';
    const score = Math.round(next() * 1000) / 1000;
    const label = next() < score ? 'Repaid' : 'Defaulted';
    lines.push(
      `${race},${next() < 0.5 ? 'f' : 'm'},${18 + Math.floor(next() * 60)},${label},${score},${score >= 0.6 ? 'Repaid' : 'Defaulted'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const options = (extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at('log.csv'),
  attributes: ['race', 'sex', 'age'],
  intersections: [['race', 'sex']],
  bins: { age: [30, 50] },
  label: 'label',
  prediction: 'decision',
  positiveLabel: 'repaid',
  score: 'score',
  bootstrap: 100,
  seed: 3,
  ...extra,
});

/** Runs the --emit-sql query on a warehouse-like table in DuckDB and saves the counts table as CSV and Parquet. */
async function runEmittedQuery(sql: string, name = 'counts'): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE SCHEMA wh; CREATE TABLE wh.predictions AS SELECT * FROM read_csv('${at('log.csv')}', header = true)`,
    );
    const query = sql.replace(/;\s*$/, '');
    await connection.run(`COPY (${query}) TO '${at(`${name}.csv`)}' (HEADER)`);
    await connection.run(`COPY (${query}) TO '${at(`${name}.parquet`)}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-counts-'));
  writeFileSync(at('log.csv'), logCsv());
  await runEmittedQuery(await emitAggregationSql('wh.predictions', options()));
  await runEmittedQuery(await emitAggregationSql('wh.predictions', datasetOptions()), 'dataset-counts');
});

/** The dataset audit of the same log: no prediction, no score. */
function datasetOptions(extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions {
  const { prediction: _p, score: _s, ...rest } = options(extra);
  return rest;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The section without what names the input. */
const comparable = (section: BiasSection): Omit<BiasSection, 'title'> => {
  const { title: _, ...rest } = section;
  return rest;
};

describe('--emit-sql and --from-counts', () => {
  it('prints a commented query for a warehouse table that reads no data', async () => {
    const sql = await emitAggregationSql('wh.predictions', options());
    expect(sql).toMatch(/^-- rai-audit bias: the counts table of an audit \(rai-audit bias --emit-sql\)\.\n/);
    expect(sql).toContain('FROM "wh"."predictions" CROSS JOIN score_range r');
    expect(sql.trimEnd().endsWith(';')).toBe(true);
  });

  it.each(['counts.csv', 'counts.parquet'])(
    'audits %s to the same section as the direct audit',
    async (file) => {
      const direct = await runBiasAudit(options(), policy);
      const fromCounts = await runBiasAudit(options({ fromCounts: at(file) }), policy);
      expect(comparable(fromCounts.section)).toEqual(comparable(direct.section));
      expect(fromCounts.checks).toEqual(direct.checks);
      expect(fromCounts.files).toEqual([at(file)]);
      expect(direct.section.groups.map((g) => g.group)).toContain('01');
    },
  );

  it('audits the counts of a dataset audit to the same groups, without the analyses that need the rows', async () => {
    const direct = await runBiasAudit(datasetOptions(), policy);
    const fromCounts = await runBiasAudit(
      datasetOptions({ fromCounts: at('dataset-counts.parquet') }),
      policy,
    );
    expect(fromCounts.section.mode).toBe('dataset');
    expect(fromCounts.section.groups).toEqual(direct.section.groups);
    expect(direct.section.dataset).toBeDefined();
    expect(fromCounts.section.dataset).toBeUndefined();
    expect(fromCounts.warnings.map((w) => w.code)).toContain('bias.dataset-from-counts');
  });

  it('refuses what needs the data, and a counts table without the audit’s groupings', async () => {
    await expect(
      emitAggregationSql('t', options({ quantiles: { age: 4 }, bins: undefined })),
    ).rejects.toThrow(UsageError);
    const topK = emitAggregationSql('t', options({ prediction: undefined, topK: 10 }));
    await expect(topK).rejects.toThrow('--top-k needs the data, which --emit-sql does not read');
    const error = await auditCountsFile(
      at('counts.csv'),
      options({ intersections: [['sex', 'age']] }),
      policy,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^the counts table has no rows for sex\+age; it holds/);
  });
});
