import {
  CheckSchema,
  createCatalog,
  defaultPolicy,
  type BiasSection,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { biasCheckDefinitions } from './check-definitions.js';
import { evaluateBiasChecks } from './evaluate-checks.js';
import { sectionOf, type GroupRow } from '../../test/bias-sections.js';

const catalog = createCatalog(biasCheckDefinitions);
const only = (checks: ResolvedPolicy['checks']): ResolvedPolicy => {
  const policy = defaultPolicy(catalog);
  const off = Object.fromEntries(
    Object.keys(policy.checks).map((id) => [id, { level: 'off' as const, options: {} }]),
  );
  return { ...policy, checks: { ...off, ...checks } };
};
const at = (level: 'error' | 'warn', ...ids: string[]): ResolvedPolicy =>
  only(Object.fromEntries(ids.map((id) => [id, { level, options: { tau: 0.8 } }])));

// race: White is the reference (largest). Black: FNR 1/3 vs 0.2 (ratio 1.67), FPR 0.25 vs 0.2 (1.25, on the edge).
// Other has 12 rows. sex: male has FPR 0, so female's FPR ratio has no denominator; female has no positives.
const rows: GroupRow[] = [
  ['race', 'Black', { tp: 20, fp: 5, tn: 15, fn: 10 }],
  ['race', 'Other', { tp: 2, fp: 0, tn: 10, fn: 0 }],
  ['race', 'White', { tp: 40, fp: 10, tn: 40, fn: 10 }],
  ['sex', 'female', { tp: 0, fp: 15, tn: 40, fn: 0 }],
  ['sex', 'male', { tp: 62, fp: 0, tn: 25, fn: 20 }],
];
const section = sectionOf(rows);

const summary = (checks: ReturnType<typeof evaluateBiasChecks>): string[] =>
  checks.map((c) => `${c.id} ${c.subject.attribute}=${c.subject.group ?? '-'} ${c.status}`);

describe('disparity checks', () => {
  it('emits one check per non-reference group, with every status', () => {
    const checks = evaluateBiasChecks(section, at('error', 'bias.disparity.fpr', 'bias.disparity.fnr'));
    expect(summary(checks)).toEqual([
      'bias.disparity.fpr race=Black pass',
      'bias.disparity.fpr race=Other not-applicable',
      'bias.disparity.fpr sex=female error',
      'bias.disparity.fnr race=Black fail',
      'bias.disparity.fnr race=Other not-applicable',
      'bias.disparity.fnr sex=female not-applicable',
    ]);
    for (const check of checks) expect(CheckSchema.parse(check)).toEqual(check);
    expect(summary(evaluateBiasChecks(section, at('warn', 'bias.disparity.fnr')))[0]).toBe(
      'bias.disparity.fnr race=Black warn',
    );
  });

  it('quotes the rates with their intervals, the ratio and the difference', () => {
    const [black] = evaluateBiasChecks(section, at('error', 'bias.disparity.fnr'));
    expect(black).toMatchObject({
      expected: { operator: 'between', value: [0.8, 1.25] },
      subject: { attribute: 'race', group: 'Black', metric: 'fnr' },
      message: 'race=Black: FNR ratio 1.667 to race=White is outside [0.8, 1.25]',
    });
    expect(black?.actual).toBeCloseTo(5 / 3, 12);
    expect(black?.evidence).toMatch(
      /^FNR 0\.333 \(95% wilson interval 0\.\d+–0\.\d+\) for race=Black \(n=50\) vs 0\.2 \(95% wilson interval 0\.\d+–0\.\d+\) for reference race=White \(n=100\); ratio 1\.667, difference 0\.133$/,
    );
    expect(black?.remediation).toBe(
      'The model misses more actual positives in race=Black than in race=White: check label quality and how well ' +
        'the features describe this group, add training data for it or use a group-aware threshold, and audit again.',
    );
  });

  it('marks small groups "insufficient data" instead of passing or failing them', () => {
    const other = evaluateBiasChecks(section, at('error', 'bias.disparity.fpr'))[1];
    expect(other).toMatchObject({
      status: 'not-applicable',
      message: 'race=Other: insufficient data (n=12 < 30)',
    });
    const smallReference = sectionOf(rows, { minGroupSize: 101 });
    expect(evaluateBiasChecks(smallReference, at('error', 'bias.disparity.fpr'))[0]?.message).toBe(
      'race=Black: insufficient data (n=50 < 101)',
    );
    const blackReference = sectionOf(rows, {
      minGroupSize: 60,
      references: [
        { attribute: 'race', group: 'Black', method: 'explicit' },
        { attribute: 'sex', group: 'male', method: 'explicit' },
      ],
    });
    expect(evaluateBiasChecks(blackReference, at('error', 'bias.disparity.fpr'))[1]?.message).toBe(
      'race=White: insufficient data (reference race=Black has n=50 < 60)',
    );
  });

  it('says why a ratio is undefined: error against a zero reference, not-applicable without a rate', () => {
    const checks = evaluateBiasChecks(section, at('error', 'bias.disparity.fpr', 'bias.disparity.fnr'));
    expect(checks[2]?.message).toBe(
      'sex=female: FPR ratio is undefined (the reference sex=male has FPR 0, so the ratio is undefined)',
    );
    expect(checks[5]?.message).toBe(
      'sex=female: FNR ratio is undefined (FNR of sex=female is undefined (no actual positives (TP+FN = 0)))',
    );
  });

  it('says where the bootstrap interval of the ratio lies against the band', () => {
    const withInterval = (lower: number, upper: number): BiasSection => ({
      ...section,
      groups: section.groups.map((g) => {
        const fnr = g.disparities?.fnr;
        if (g.group !== 'Black' || !fnr) return g;
        const ratio = { ...fnr.ratio, interval: { lower, upper, level: 0.95, method: 'bootstrap' as const } };
        return { ...g, disparities: { ...g.disparities, fnr: { ...fnr, ratio } } };
      }),
    });
    const evidence = (lower: number, upper: number): string | undefined =>
      evaluateBiasChecks(withInterval(lower, upper), at('error', 'bias.disparity.fnr'))[0]?.evidence;
    expect(evidence(1.3, 2.2)).toMatch(
      /; ratio 95% bootstrap interval 1\.3–2\.2, entirely outside the parity band \[0\.8, 1\.25\]$/,
    );
    expect(evidence(1.1, 2.2)).toMatch(/crossing an edge of the parity band \[0\.8, 1\.25\]: with more data/);
    expect(evidence(0.9, 1.2)).toMatch(/entirely inside the parity band/);
  });

  it('is not applicable, once per attribute, for a metric the audit does not have', () => {
    const checks = evaluateBiasChecks(section, at('error', 'bias.disparity.auc'));
    expect(checks.map((c) => [c.status, c.message, c.evidence])).toEqual([
      ['not-applicable', 'race: no AUC in this audit', 'no score column was given'],
      ['not-applicable', 'sex: no AUC in this audit', 'no score column was given'],
    ]);
  });

  it('follows the tau option and computes disparities itself for a section without references', () => {
    const bare = sectionOf(rows, { disparities: false });
    const strict = only({ 'bias.disparity.fpr': { level: 'error', options: { tau: 0.9 } } });
    expect(evaluateBiasChecks(bare, strict)[0]).toMatchObject({
      status: 'fail',
      message: 'race=Black: FPR ratio 1.25 to race=White is outside [0.9, 1.111]',
    });
  });
});
