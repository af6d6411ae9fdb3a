import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BiasSectionSchema, InputError, createCatalog, defaultPolicy } from '@rai-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './checks/check-definitions.js';
import { runBiasAudit, type BiasAuditOptions } from './run-bias-audit.js';

const policy = defaultPolicy(createCatalog(biasCheckDefinitions));
let dir = '';
const at = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-bad-'));
  writeFileSync(at('constant-label.csv'), 'sex,label,pred\nf,1,1\nf,1,0\nm,1,1\nm,1,0\n');
  writeFileSync(at('constant-pred.csv'), 'sex,label,pred\nf,1,1\nf,0,1\nm,1,1\nm,0,1\n');
  writeFileSync(at('single-group.csv'), 'sex,label,pred\nf,1,1\nf,0,0\nf,1,0\n');
  writeFileSync(at('no-sex.csv'), 'sex,label,pred\n,1,1\n,0,0\n');
  writeFileSync(at('empty.parquet'), '');
  writeFileSync(
    at('mixed.json'),
    JSON.stringify([
      { sex: 'f', label: 1, pred: 1 },
      { sex: 'm', label: 'yes', pred: 0 },
      { sex: 'm', label: 0, pred: 0 },
    ]),
  );
  writeFileSync(
    at('mixed-score.ndjson'),
    ['{"sex":"f","label":1,"s":0.4}', '{"sex":"m","label":0,"s":"high"}'].join('\n'),
  );
  writeFileSync(at('nan-score.csv'), 'sex,label,s\nf,1,0.4\nm,0,nan\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (file: string, extra: Partial<BiasAuditOptions> = {}): BiasAuditOptions => ({
  file: at(file),
  attributes: ['sex'],
  label: 'label',
  prediction: 'pred',
  bootstrap: 20,
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

describe('runBiasAudit on degenerate data: a result with the right parts undefined, never NaN', () => {
  it('a constant label leaves TPR/FPR-type rates undefined and says why', async () => {
    const { section, warnings } = await runBiasAudit(options('constant-label.csv'), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(section.overall.metrics.fpr).toMatchObject({
      value: null,
      reason: 'no actual negatives (FP+TN = 0)',
    });
    expect(warnings.map((w) => w.code)).toContain('bias.constant-label');
    expect(JSON.stringify(section)).not.toMatch(/NaN|Infinity/);
  });

  it('a constant prediction leaves NPV undefined and the selection rates equal', async () => {
    const { section, warnings } = await runBiasAudit(options('constant-pred.csv'), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(section.overall.metrics.npv?.value).toBeNull();
    expect(warnings.map((w) => w.code)).toContain('bias.constant-prediction');
  });

  it('a single group gets undefined summaries with the reason', async () => {
    const { section, warnings } = await runBiasAudit(options('single-group.csv'), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    const ratio = section.summaries.find(
      (s) => s.summary === 'demographic_parity_ratio' && s.basis !== 'to-overall',
    );
    expect(ratio).toMatchObject({ value: null });
    expect(ratio?.reason).toMatch(/one group/);
    expect(warnings.map((w) => w.code)).toContain('bias.single-group');
  });
});

describe('runBiasAudit on bad input: a precise InputError', () => {
  it('names the attribute when every row lacks it', async () => {
    const error = await inputErrorOf(runBiasAudit(options('no-sex.csv'), policy));
    expect(error.message).toBe('the attribute column "sex" has no values: all 2 rows are empty');
  });

  it('says a 0-byte Parquet file is empty', async () => {
    const error = await inputErrorOf(runBiasAudit(options('empty.parquet'), policy));
    expect(error.message).toBe('the file is empty (0 bytes)');
    expect(error.file).toBe(at('empty.parquet'));
  });

  it('names the values of a column of mixed types', async () => {
    const error = await inputErrorOf(runBiasAudit(options('mixed.json'), policy));
    expect(error.message).toBe('the label column "label" is not binary: found "0", "1", "yes"');
    expect(error.hint).toMatch(/--positive-label/);
  });

  it('says a score of mixed types is not numeric, with an example', async () => {
    const { prediction: _, ...rest } = options('mixed-score.ndjson');
    const error = await inputErrorOf(runBiasAudit({ ...rest, score: 's', threshold: 0.5 }, policy));
    expect(error.message).toMatch(
      /^the score column "s" is not numeric: it is read as (VARCHAR|JSON), e\.g\. "\\?"?high/,
    );
  });

  it('rejects NaN scores', async () => {
    const { prediction: _, ...rest } = options('nan-score.csv');
    const error = await inputErrorOf(runBiasAudit({ ...rest, score: 's', threshold: 0.5 }, policy));
    expect(error.message).toBe(
      'the score column "s" holds values that are not finite numbers (NaN or infinity)',
    );
  });
});
