import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createCatalog,
  summarizeChecks,
  validatePolicy,
  type BiasSection,
  type GroupMetrics,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EFFECT, DEMO_ROWS, generateDemoPredictions } from '../../../scripts/generate-demo-data.mjs';
import { biasCheckDefinitions, biasPresets } from './checks/check-definitions.js';
import { runBiasAudit, type BiasAuditOutcome } from './run-bias-audit.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const demoCsv = join(repoRoot, 'fixtures', 'demo', 'predictions.csv');
const demoPolicy = join(repoRoot, 'fixtures', 'demo', 'policy.yaml');

/** The true selection rate of a group with base rate `prevalence` whose approvals are scaled by `factor`. */
function trueSelectionRate(prevalence: number, factor: number): number {
  return (
    factor * (prevalence * DEMO_EFFECT.approvalIfPositive + (1 - prevalence) * DEMO_EFFECT.approvalIfNegative)
  );
}

const overallPrevalence = Object.entries(DEMO_EFFECT.ageShare).reduce(
  (sum, [age, share]) =>
    sum + share * DEMO_EFFECT.baseRateByAge[age as keyof typeof DEMO_EFFECT.baseRateByAge],
  0,
);
const TRUE_MALE_SR = trueSelectionRate(overallPrevalence, 1);
const TRUE_FEMALE_SR = trueSelectionRate(overallPrevalence, DEMO_EFFECT.femaleFactor);

function loadPolicy(): ResolvedPolicy {
  const validation = validatePolicy(readFileSync(demoPolicy, 'utf8'), {
    catalog: createCatalog(biasCheckDefinitions),
    presets: biasPresets,
  });
  if ('issues' in validation) throw new Error(JSON.stringify(validation.issues));
  return validation.value;
}

function group(section: BiasSection, attribute: string, name: string): GroupMetrics {
  const found = section.groups.find((g) => g.attribute === attribute && g.group === name);
  if (!found) throw new Error(`no group ${attribute}=${name}`);
  return found;
}

function expectInside(value: number, metric: GroupMetrics['metrics'][keyof GroupMetrics['metrics']]): void {
  expect(metric?.interval?.lower).toBeLessThanOrEqual(value);
  expect(metric?.interval?.upper).toBeGreaterThanOrEqual(value);
}

describe('demo data generator', () => {
  it('reproduces the committed fixtures/demo/predictions.csv byte for byte', () => {
    expect(generateDemoPredictions()).toBe(readFileSync(demoCsv, 'utf8'));
  });

  it('is deterministic per seed, has the documented columns and stays small', () => {
    const text = generateDemoPredictions({ seed: 5, rows: 200 });
    expect(generateDemoPredictions({ seed: 5, rows: 200 })).toBe(text);
    expect(generateDemoPredictions({ seed: 6, rows: 200 })).not.toBe(text);
    const lines = readFileSync(demoCsv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('id,sex,age_group,region,label,score,prediction');
    expect(lines).toHaveLength(DEMO_ROWS + 1);
    expect(Buffer.byteLength(readFileSync(demoCsv))).toBeLessThan(300 * 1024);
  });

  it('derives every prediction from its score (prediction = score >= 0.5)', () => {
    for (const line of generateDemoPredictions({ seed: 9, rows: 2000 }).trimEnd().split('\n').slice(1)) {
      const fields = line.split(',');
      expect(Number(fields[5]) >= 0.5 ? '1' : '0').toBe(fields[6]);
    }
  });
});

describe('demo audit', () => {
  let outcome: BiasAuditOutcome;

  beforeAll(async () => {
    outcome = await runBiasAudit(
      { file: demoCsv, attributes: ['sex', 'age_group'], label: 'label', prediction: 'prediction' },
      loadPolicy(),
    );
  });

  it('recovers the injected disparity: the true selection rates and TPRs lie inside the Wilson intervals', () => {
    const { section } = outcome;
    expectInside(TRUE_FEMALE_SR, group(section, 'sex', 'female').metrics.selection_rate);
    expectInside(TRUE_MALE_SR, group(section, 'sex', 'male').metrics.selection_rate);
    expectInside(
      DEMO_EFFECT.approvalIfPositive * DEMO_EFFECT.femaleFactor,
      group(section, 'sex', 'female').metrics.tpr,
    );
    expectInside(DEMO_EFFECT.approvalIfPositive, group(section, 'sex', 'male').metrics.tpr);
    const ratio = section.summaries.find(
      (s) => s.attribute === 'sex' && s.summary === 'demographic_parity_ratio',
    );
    expect(ratio).toMatchObject({ lowest: { group: 'female' }, highest: { group: 'male' } });
    expect(Math.abs((ratio?.value ?? 0) - DEMO_EFFECT.femaleFactor)).toBeLessThan(0.03);
  });

  it('fails the four-fifths rule for sex, passes it for age_group, and flags the small "(missing)" group', () => {
    const verdicts = (id: string) =>
      outcome.checks.filter((c) => c.id === id).map((c) => `${c.subject.attribute} ${c.status}`);
    expect(verdicts('bias.demographic-parity-ratio')).toEqual(['sex fail', 'age_group pass']);
    expect(verdicts('bias.demographic-parity-difference')).toEqual(['sex warn', 'age_group pass']);
    expect(verdicts('bias.min-group-size')).toEqual(['sex warn', 'age_group pass']);
    // The recommended preset adds equalized odds and per-group parity of selection rate, FPR and FNR.
    expect(verdicts('bias.equalized-odds-difference')).toEqual(['sex fail', 'age_group pass']);
    for (const metric of ['selection-rate', 'fpr', 'fnr']) {
      const checks = outcome.checks.filter((c) => c.id === `bias.disparity.${metric}`);
      expect(checks.filter((c) => c.subject.attribute === 'age_group').map((c) => c.status)).toEqual([
        'pass',
        'pass',
        'pass',
      ]);
      expect(checks.some((c) => c.subject.attribute === 'sex' && c.status === 'fail')).toBe(true);
      const missing = checks.find((c) => c.subject.group === '(missing)');
      expect(missing?.status, `(missing) has 25 rows, below the minimum of 30`).toBe('not-applicable');
    }
    expect(summarizeChecks(outcome.checks).verdict).toBe('fail');
    expect(outcome.section.missing).toEqual([
      { attribute: 'sex', rows: 25 },
      { attribute: 'age_group', rows: 0 },
    ]);
  });
});
