import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  BiasSectionSchema,
  InputError,
  UsageError,
  createCatalog,
  defaultPolicy,
  type BiasSection,
} from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

// sex × label × prediction with hand-counted cells: female TP1 FN1 TN1 FP1, male TP2 TN1 FP1, missing TP1 TN1;
// race A TP3 FN1 TN1, race B TP1 TN2 FP2; overall TP4 FP2 TN3 FN1.
const ROWS: Array<[number, string, string, number, number]> = [
  [1, 'female', 'A', 1, 1],
  [2, 'female', 'A', 1, 0],
  [3, 'female', 'B', 0, 0],
  [4, 'female', 'B', 0, 1],
  [5, 'male', 'A', 1, 1],
  [6, 'male', 'B', 1, 1],
  [7, 'male', 'A', 0, 0],
  [8, 'male', 'B', 0, 1],
  [9, '', 'A', 1, 1],
  [10, '', 'B', 0, 0],
];

function delimited(separator: string): string {
  const lines = [
    ['id', 'sex', 'race', 'label', 'pred'].join(separator),
    ...ROWS.map((row) => row.join(separator)),
  ];
  return `${lines.join('\n')}\n`;
}

function jsonRecords(): Array<Record<string, unknown>> {
  return ROWS.map(([id, sex, race, label, pred]) => ({ id, sex: sex || null, race, label, pred }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-'));
  writeFileSync(at('small.csv'), delimited(','));
  writeFileSync(at('small.tsv'), delimited('\t'));
  writeFileSync(at('small.json'), JSON.stringify(jsonRecords()));
  writeFileSync(
    at('small.ndjson'),
    jsonRecords()
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  writeFileSync(
    at('bools.json'),
    JSON.stringify(jsonRecords().map((r) => ({ ...r, label: r.label === 1, pred: r.pred === 1 }))),
  );
  writeFileSync(
    at('strings.csv'),
    delimited(',').replace(
      /,(\d),(\d)$/gm,
      (_, l: string, p: string) =>
        `,${l === '1' ? 'Repaid' : 'Defaulted'},${p === '1' ? 'Repaid' : 'Defaulted'}`,
    ),
  );
  writeFileSync(at('three.csv'), 'sex,label,pred\nf,0,1\nm,1,2\nf,2,0\n');
  writeFileSync(at('nulls.csv'), 'sex,label,pred\nf,0,1\nm,,1\nf,1,\nm,,0\n');
  writeFileSync(at('empty.csv'), '');
  writeFileSync(at('header.csv'), 'sex,label,pred\n');
  writeFileSync(at('ragged.csv'), 'sex,label,pred\nf,0,1\nm,1\nf,1,1\n');
  writeFileSync(at('fake.parquet'), 'not a parquet file\n');
  writeFileSync(at('broken.json'), '[{"sex": "f", "label": 1, "pred": 1}, {"sex": "m", "label": ');
  writeFileSync(at('semicolons.txt'), delimited(';'));
  writeFileSync(at('semicolons.csv'), delimited(';'));
  // A value of another type far beyond DuckDB's type-sniffing sample: the error surfaces during the aggregation.
  const late = Array.from({ length: 30_000 }, (_, i) => `${i % 2 ? 'f' : 'm'},${i % 2},1`);
  late.push('f,maybe,1');
  writeFileSync(at('late.csv'), `sex,label,pred\n${late.join('\n')}\n`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(
    `COPY (SELECT * FROM read_csv('${at('small.csv')}', header = true)) TO '${at('small.parquet')}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (file: string, extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at(file),
  attributes: ['sex', 'race'],
  label: 'label',
  prediction: 'pred',
  ...extra,
});

async function inputErrorOf(run: Promise<unknown>): Promise<InputError> {
  const error: unknown = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return error;
}

function cells(section: BiasSection): string[] {
  return [section.overall, ...section.groups].map(
    (g) =>
      `${g.attribute}=${g.group} n${g.n} tp${g.counts?.tp} fp${g.counts?.fp} tn${g.counts?.tn} fn${g.counts?.fn}`,
  );
}

const EXPECTED_CELLS = [
  '(overall)=(all) n10 tp4 fp2 tn3 fn1',
  'sex=female n4 tp1 fp1 tn1 fn1',
  'sex=male n4 tp2 fp1 tn1 fn0',
  'sex=(missing) n2 tp1 fp0 tn1 fn0',
  'race=A n5 tp3 fp0 tn1 fn1',
  'race=B n5 tp1 fp2 tn2 fn0',
];

describe('runBiasAudit on real files', () => {
  it.each(['small.csv', 'small.tsv', 'small.parquet', 'small.json', 'small.ndjson', 'bools.json'])(
    '%s gives the hand-counted confusion cells per group, NULL/empty values as "(missing)"',
    async (file) => {
      const { section } = await runBiasAudit(options(file), policy);
      expect(cells(section)).toEqual(EXPECTED_CELLS);
      expect(BiasSectionSchema.parse(section)).toEqual(section);
      expect(section.missing).toEqual([
        { attribute: 'sex', rows: 2 },
        { attribute: 'race', rows: 0 },
      ]);
    },
  );

  it('tells the caller once, while the aggregation query runs, that the main thread is free', async () => {
    const heard: string[] = [];
    const audit = runBiasAudit(options('small.csv'), policy, {
      aggregating: () => heard.push('aggregating'),
    }).then((outcome) => {
      heard.push('done');
      return outcome;
    });
    const { timings } = await audit;
    expect(heard).toEqual(['aggregating', 'done']);
    expect(timings.map((timing) => timing.step)).toEqual([
      'open',
      'pre-queries',
      'aggregation',
      'analysis',
      'checks',
    ]);
  });

  it('builds the section, parity summaries, checks and a warning about missing values', async () => {
    const { section, checks, warnings } = await runBiasAudit(
      options('small.csv', { summaryGroups: 'all' }),
      policy,
    );
    expect(section).toMatchObject({
      id: 'bias',
      title: 'Bias: small.csv',
      mode: 'predictions',
      rows: 10,
      positiveLabel: '1',
    });
    expect(section.columns).toEqual({ attributes: ['sex', 'race'], label: 'label', prediction: 'pred' });
    const ratio = section.summaries.find(
      (s) => s.attribute === 'sex' && s.summary === 'demographic_parity_ratio',
    );
    expect(ratio).toMatchObject({
      value: 0.5 / 0.75,
      highest: { group: 'male' },
      lowest: { group: 'female' },
    });
    expect(checks.map((c) => `${c.id} ${c.subject.attribute}`)).toEqual(
      expect.arrayContaining(['bias.demographic-parity-ratio sex', 'bias.demographic-parity-ratio race']),
    );
    expect(warnings).toEqual([
      {
        code: 'bias.missing-attribute-values',
        message: '2 of 10 rows have no value of sex; they form the group "(missing)"',
      },
    ]);
  });

  it('reads string outcomes with --positive-label and asks for it without', async () => {
    const { section } = await runBiasAudit(options('strings.csv', { positiveLabel: 'repaid' }), policy);
    expect(cells(section)).toEqual(EXPECTED_CELLS);
    expect(section.positiveLabel).toBe('Repaid');
    const error = await inputErrorOf(runBiasAudit(options('strings.csv'), policy));
    expect(error.message).toBe(
      'cannot tell which value of the label column "label" is positive: found "Defaulted", "Repaid"',
    );
    expect(error.hint).toContain('--positive-label');
  });

  it('names the columns that exist when a column is unknown', async () => {
    const error = await inputErrorOf(runBiasAudit(options('small.csv', { attributes: ['rase'] }), policy));
    expect(error.message).toBe('column "rase" not found; columns are: id, sex, race, label, pred');
    expect(error.hint).toBe('Did you mean "race"?');
    expect(error.file).toBe(at('small.csv'));
  });

  it('names the values of a label that is not binary', async () => {
    const error = await inputErrorOf(runBiasAudit(options('three.csv', { attributes: ['sex'] }), policy));
    expect(error.message).toBe('the label column "label" is not binary: found "0", "1", "2"');
  });

  it('counts empty labels', async () => {
    const error = await inputErrorOf(runBiasAudit(options('nulls.csv', { attributes: ['sex'] }), policy));
    expect(error.message).toBe('the label column "label" has 2 empty values');
  });

  it('says "check the path" for a missing file', async () => {
    const error = await inputErrorOf(runBiasAudit(options('nope.csv'), policy));
    expect(error.message).toBe('file not found');
    expect(error.hint).toMatch(/^Check the path \(looked for .*nope\.csv\)$/);
  });

  it('rejects an empty file and a header-only file', async () => {
    expect((await inputErrorOf(runBiasAudit(options('empty.csv'), policy))).message).toBe(
      'the file is empty (0 bytes)',
    );
    const header = await inputErrorOf(runBiasAudit(options('header.csv', { attributes: ['sex'] }), policy));
    expect(header.message).toBe('the file has no data rows');
  });

  it('names the line of a ragged CSV row', async () => {
    const error = await inputErrorOf(runBiasAudit(options('ragged.csv', { attributes: ['sex'] }), policy));
    expect(error.location).toBe('line 3');
    expect(error.message).toBe('cannot read the file as CSV: the row has 2 fields but the header has 3');
    expect(error.describe()).not.toMatch(/LINE 1|SELECT|read_csv/);
  });

  it('says a file is not Parquet', async () => {
    const error = await inputErrorOf(runBiasAudit(options('fake.parquet'), policy));
    expect(error.message).toBe('cannot read the file as Parquet: it is not a Parquet file');
  });

  it('locates malformed JSON', async () => {
    const error = await inputErrorOf(runBiasAudit(options('broken.json', { attributes: ['sex'] }), policy));
    expect(error.message).toMatch(/^cannot read the file as JSON: malformed JSON/);
    expect(error.location).toMatch(/^record \d+, byte \d+$/);
  });

  it('detects the delimiter of a .txt file, and hints at it when a .csv is read as one column', async () => {
    const { section } = await runBiasAudit(options('semicolons.txt'), policy);
    expect(cells(section)).toEqual(EXPECTED_CELLS);
    const error = await inputErrorOf(runBiasAudit(options('semicolons.csv'), policy));
    expect(error.message).toBe('column "sex" not found; columns are: id;sex;race;label;pred');
    expect(error.hint).toMatch(/delimiter/);
  });

  it('names the line of a value that does not fit its column, found late in the file', async () => {
    const error = await inputErrorOf(runBiasAudit(options('late.csv', { attributes: ['sex'] }), policy));
    expect(error.location).toBe('line 30002');
    expect(error.message).toBe(
      'cannot read the file as CSV: value "maybe" in column "label" does not match the column\'s type BIGINT',
    );
  });

  it('rejects impossible column choices before opening the file', async () => {
    await expect(runBiasAudit(options('nope.csv', { attributes: [] }), policy)).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});
