import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { BiasSectionSchema, createCatalog, defaultPolicy, type BiasSection } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

// sex, race, age, label, pred. sex is missing on two rows; age spans the bins [30, 50).
const CSV = `sex,race,age,label,pred
f,A,22,1,1
f,B,35,0,1
f,A,48,1,0
m,B,51,1,1
m,A,64,0,0
m,B,29,0,0
,A,40,1,1
,B,,0,1
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-groups-'));
  writeFileSync(at('log.csv'), CSV);
  mkdirSync(at('parts'));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const source = `read_csv('${at('log.csv')}', header = true)`;
  await connection.run(
    `COPY (SELECT * FROM ${source} WHERE sex = 'f') TO '${at('parts/part-0.parquet')}' (FORMAT parquet)`,
  );
  await connection.run(
    `COPY (SELECT * FROM ${source} WHERE sex IS DISTINCT FROM 'f') TO '${at('parts/part-1.parquet')}' (FORMAT parquet)`,
  );
  writeFileSync(at('parts/_SUCCESS'), '');
  await connection.run(`COPY (SELECT * FROM ${source} LIMIT 4) TO '${at('head.csv')}' (HEADER)`);
  await connection.run(`COPY (SELECT * FROM ${source} OFFSET 4) TO '${at('tail.csv')}' (HEADER)`);
  connection.closeSync();
  instance.closeSync();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at('log.csv'),
  attributes: ['sex', 'race'],
  label: 'label',
  prediction: 'pred',
  bootstrap: 20,
  ...extra,
});

const cells = (section: BiasSection): string[] =>
  section.groups.map(
    (g) => `${g.attribute}=${g.group} n${g.n} ${g.counts?.tp}${g.counts?.fp}${g.counts?.tn}${g.counts?.fn}`,
  );

describe('runBiasAudit groupings', () => {
  it('audits an intersection with each attribute’s values, missing parts included', async () => {
    const { section } = await runBiasAudit(options({ intersections: [['race', 'sex']] }), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(section.columns.intersections).toEqual([['sex', 'race']]);
    expect(cells(section).filter((c) => c.startsWith('sex+race'))).toEqual([
      'sex+race=f|A n2 1001',
      'sex+race=f|B n1 0100',
      'sex+race=m|A n1 0010',
      'sex+race=m|B n2 1010',
      'sex+race=(missing)|A n1 1000',
      'sex+race=(missing)|B n1 0100',
    ]);
    const intersection = section.groups.find((g) => g.group === '(missing)|B');
    expect(intersection?.values).toEqual({ sex: '(missing)', race: 'B' });
    expect(section.references?.map((r) => `${r.attribute}=${r.group}`)).toEqual([
      'sex=f',
      'race=A',
      'sex+race=f|A',
    ]);
  });

  it('cuts a numeric attribute at --bins edges, in edge order, with the missing value last', async () => {
    const { section } = await runBiasAudit(options({ attributes: ['age'], bins: { age: [30, 50] } }), policy);
    expect(cells(section)).toEqual([
      'age=< 30 n2 1010',
      'age=[30, 50) n3 1101',
      'age=>= 50 n2 1010',
      'age=(missing) n1 0100',
    ]);
  });

  it('cuts at quantile edges computed from the data', async () => {
    const { section } = await runBiasAudit(options({ attributes: ['age'], quantiles: { age: 2 } }), policy);
    // The discrete median of 22, 29, 35, 40, 48, 51, 64 is 40.
    expect(section.groups.map((g) => `${g.group} ${g.n}`)).toEqual(['< 40 3', '>= 40 4', '(missing) 1']);
  });

  it('drops rows without a value from that attribute only with --missing drop, and says how many', async () => {
    const { section, warnings } = await runBiasAudit(options({ missing: 'drop' }), policy);
    expect(cells(section)).toEqual(['sex=f n3 1101', 'sex=m n3 1020', 'race=A n4 2011', 'race=B n4 1210']);
    expect(section.missing).toEqual([
      { attribute: 'sex', rows: 2 },
      { attribute: 'race', rows: 0 },
    ]);
    expect(section.settings?.missing).toBe('drop');
    expect(warnings[0]?.message).toBe(
      '2 of 8 rows have no value of sex; they are left out of its groups (--missing drop)',
    );
  });

  it('fails with the count and the column with --missing error', async () => {
    await expect(runBiasAudit(options({ missing: 'error' }), policy)).rejects.toThrow(
      'the attribute column "sex" has 2 empty values (--missing error)',
    );
  });

  it('reads a folder of Parquet parts, a glob and a list of files to the same counts as the one file', async () => {
    const expected = cells((await runBiasAudit(options(), policy)).section);
    for (const file of [at('parts'), join(dir, 'parts', '*.parquet'), [at('head.csv'), at('tail.csv')]]) {
      const { section, files } = await runBiasAudit(options({ file }), policy);
      expect(cells(section)).toEqual(expected);
      expect(files).toHaveLength(2);
    }
  });

  it('records the settings and references, and flags small groups as insufficient data', async () => {
    const { section } = await runBiasAudit(
      options({
        tau: 0.9,
        minGroupSize: 3,
        bootstrap: 10,
        seed: 5,
        references: [{ attribute: 'race', method: 'explicit', group: 'B' }],
      }),
      policy,
    );
    expect(section.settings).toEqual({
      tau: 0.9,
      minGroupSize: 3,
      summaryGroups: 'sufficient',
      missing: 'group',
      bootstrap: { draws: 10, seed: 5, level: 0.95 },
    });
    expect(section.references).toContainEqual({ attribute: 'race', group: 'B', method: 'explicit' });
    const missing = section.groups.find((g) => g.attribute === 'sex' && g.group === '(missing)');
    expect(missing?.smallGroup).toBe(true);
    expect(missing?.disparities?.selection_rate?.parity).toBe('insufficient-data');
    expect(section.summaries.map((s) => `${s.summary}/${s.basis}`)).toContain(
      'equalized_odds_ratio/to-overall',
    );
  });
});

describe('runBiasAudit dataset mode', () => {
  it('audits labels only without --prediction: label counts, share and prevalence, and the dataset analysis', async () => {
    const { prediction: _, ...withoutPrediction } = options();
    const { section } = await runBiasAudit(
      { ...withoutPrediction, expectedShares: { race: { A: 0.5, B: 0.5 } } },
      policy,
    );
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(section.mode).toBe('dataset');
    expect(section.columns.prediction).toBeUndefined();
    const female = section.groups[0];
    expect(female).toMatchObject({ group: 'f', n: 3, labelCounts: { positive: 2, negative: 1 } });
    expect(female?.counts).toBeUndefined();
    expect(Object.keys(female?.metrics ?? {}).sort()).toEqual(['prevalence', 'share']);
    expect(female?.disparities?.prevalence?.ratio.value).toBeDefined();
    expect(section.dataset?.representation.length).toBeGreaterThan(0);
    expect(section.dataset?.goodnessOfFit[0]).toMatchObject({ attribute: 'race', test: 'chi-square' });
  });
});
