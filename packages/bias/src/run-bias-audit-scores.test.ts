import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// race, sex, age, label, score, weight: confusion cells at threshold 0.5 are A: TP 2 FP 1 TN 1 FN 1, B: TP 1 FP 1 TN 2 FN 1.
const ROWS: Array<[string, string, number, number, number, number]> = [
  ['A', 'f', 20, 1, 0.9, 1],
  ['A', 'm', 35, 1, 0.8, 2],
  ['A', 'f', 50, 0, 0.6, 1],
  ['A', 'm', 70, 1, 0.3, 2],
  ['A', 'f', 15, 0, 0.1, 1],
  ['B', 'm', 20, 1, 0.95, 2],
  ['B', 'f', 35, 0, 0.7, 1],
  ['B', 'm', 50, 0, 0.4, 2],
  ['B', 'f', 70, 1, 0.2, 1],
  ['B', 'm', 15, 0, 0.05, 2],
];

function csv(scale = 1, extra: (row: number) => string = () => ''): string {
  const lines = ROWS.map(
    ([race, sex, age, label, score, weight], i) =>
      `${race},${sex},${age},${label},${score * scale},${score >= 0.5 ? 1 : 0},${weight}${extra(i)}`,
  );
  return `race,sex,age,label,score,pred,w\n${lines.join('\n')}\n`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rai-bias-scores-'));
  writeFileSync(at('scored.csv'), csv());
  writeFileSync(at('wide.csv'), csv(10));
  writeFileSync(at('text-score.csv'), csv().replace('0.4,0', 'n/a,0'));
  writeFileSync(at('empty-score.csv'), csv().replace(',0.4,0', ',,0'));
  writeFileSync(at('negative-weight.csv'), csv().replace(/,2\n/, ',-2\n'));
  writeFileSync(at('nan-weight.csv'), csv().replace(/,2\n/, ',nan\n').replace(/,1\n/, ',\n'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const options = (extra: Partial<BiasAuditOptions> = {}, file = 'scored.csv'): BiasAuditOptions => ({
  file: at(file),
  attributes: ['race'],
  label: 'label',
  score: 'score',
  bootstrap: 50,
  ...extra,
});

function cells(section: BiasSection): string[] {
  return [section.overall, ...section.groups].map(
    (g) => `${g.group} ${g.counts?.tp}${g.counts?.fp}${g.counts?.tn}${g.counts?.fn}`,
  );
}

async function errorOf(run: Promise<unknown>): Promise<Error> {
  const error: unknown = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof Error)) throw new Error('expected the audit to fail');
  return error;
}

describe('runBiasAudit with a score column', () => {
  it('derives predictions with --threshold and adds score metrics, sweep, ROC and calibration', async () => {
    const { section, warnings } = await runBiasAudit(options({ threshold: 0.5 }), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(cells(section)).toEqual(['(all) 3232', 'A 2111', 'B 1121']);
    expect(section.scores?.rule).toEqual({ kind: 'threshold', threshold: 0.5 });
    expect(section.scores?.range).toEqual({ min: 0, max: 1 });
    expect(section.scores?.calibration.skipped).toBeUndefined();
    expect(section.overall.metrics.mean_score?.value).toBeCloseTo(5 / 10, 12);
    // AUC of A: positives 0.9, 0.8, 0.3 against negatives 0.6, 0.1 → 5 of 6 pairs ordered.
    expect(section.groups[0]?.metrics.auc?.value).toBeCloseTo(5 / 6, 2);
    expect(warnings).toEqual([]);
    expect(JSON.stringify(section)).not.toMatch(/NaN|Infinity/);
  });

  it('finds the exact cut-off of --top-k and --top-percent in the data', async () => {
    const topK = (await runBiasAudit(options({ topK: 3 }), policy)).section;
    expect(topK.scores?.rule).toEqual({ kind: 'top-k', k: 3, threshold: 0.8 });
    expect((topK.overall.counts?.tp ?? 0) + (topK.overall.counts?.fp ?? 0)).toBe(3);
    const topPercent = (await runBiasAudit(options({ topPercent: 30 }), policy)).section;
    expect(topPercent.scores?.rule).toEqual({ kind: 'top-percent', percent: 30, threshold: 0.8 });
    const error = await errorOf(runBiasAudit(options({ topK: 11 }), policy));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('--top-k asks for 11 rows but only 10 rows have a score in "score"');
  });

  it('applies --thresholds per group of the first attribute, with --threshold for the rest', async () => {
    const { section } = await runBiasAudit(
      options({ groupThresholds: { thresholds: { A: 0.85, B: 0.3 } } }),
      policy,
    );
    expect(cells(section)).toEqual(['(all) 2233', 'A 1022', 'B 1211']);
    expect(section.scores?.rule).toEqual({ kind: 'per-group', thresholds: { A: 0.85, B: 0.3 } });
    const fallback = await runBiasAudit(
      options({ groupThresholds: { thresholds: { A: 0.85 } }, threshold: 0.5 }),
      policy,
    );
    expect(fallback.section.scores?.rule).toEqual({ kind: 'per-group', thresholds: { A: 0.85, B: 0.5 } });
    const error = await errorOf(
      runBiasAudit(options({ groupThresholds: { thresholds: { A: 0.85 } } }), policy),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe('--thresholds gives no threshold for race=B');
    const typo = await errorOf(
      runBiasAudit(options({ groupThresholds: { thresholds: { A: 0.85, C: 0.2 } }, threshold: 0.5 }), policy),
    );
    expect(typo.message).toBe('--thresholds names race=C, which the data does not have');
    expect((typo as UsageError).hint).toBe('The groups of race are: A, B');
  });

  it('uses the prediction column when given, the score for the analyses only', async () => {
    const { section } = await runBiasAudit(options({ prediction: 'pred', threshold: undefined }), policy);
    expect(cells(section)).toEqual(['(all) 3232', 'A 2111', 'B 1121']);
    expect(section.scores?.rule).toBeUndefined();
    expect(section.columns).toMatchObject({ prediction: 'pred', score: 'score' });
  });

  it('bins scores outside [0, 1] over their range and says why calibration is skipped', async () => {
    const { section, warnings } = await runBiasAudit(options({ threshold: 5 }, 'wide.csv'), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    expect(section.scores?.range).toEqual({ min: 0.5, max: 9.5 });
    expect(section.scores?.calibration.skipped).toMatch(/outside \[0, 1\]/);
    expect(section.overall.metrics.brier?.value).toBeNull();
    expect(cells(section)).toEqual(['(all) 3232', 'A 2111', 'B 1121']);
    expect(warnings.map((w) => w.code)).toContain('bias.calibration-skipped');
  });

  it('rejects a score column that holds text, or empty scores', async () => {
    const text = await errorOf(runBiasAudit(options({ threshold: 0.5 }, 'text-score.csv'), policy));
    expect(text.message).toBe('the score column "score" is not numeric: it is read as VARCHAR, e.g. "n/a"');
    const empty = await errorOf(runBiasAudit(options({ threshold: 0.5 }, 'empty-score.csv'), policy));
    expect(empty.message).toBe('the score column "score" has 1 empty values');
  });
});

describe('runBiasAudit with weights', () => {
  it('sums weights into the confusion cells and keeps n as rows', async () => {
    const { section, warnings } = await runBiasAudit(options({ prediction: 'pred', weight: 'w' }), policy);
    expect(BiasSectionSchema.parse(section)).toEqual(section);
    // A: TP 0.9(1)+0.8(2), FP 0.6(1), TN 0.1(1), FN 0.3(2); B: TP 0.95(2), FP 0.7(1), TN 0.4(2)+0.05(2), FN 0.2(1).
    expect(cells(section)).toEqual(['(all) 5253', 'A 3112', 'B 2141']);
    expect(section.groups[0]).toMatchObject({ n: 5, weight: 7 });
    expect(section.groups[0]?.metrics.tpr?.interval).toBeUndefined();
    expect(warnings.map((w) => w.code)).toContain('bias.weighted-rates');
  });

  it('rejects empty and NaN weights', async () => {
    const error = await errorOf(
      runBiasAudit(options({ prediction: 'pred', weight: 'w' }, 'nan-weight.csv'), policy),
    );
    expect(error.message).toBe(
      'the weight column "w" has 2 rows without a valid weight (empty, NaN or infinite)',
    );
  });

  it('rejects negative weights', async () => {
    const error = await errorOf(
      runBiasAudit(options({ prediction: 'pred', weight: 'w' }, 'negative-weight.csv'), policy),
    );
    expect(error.message).toBe('the weight column "w" has negative values (the smallest is -2)');
  });
});
