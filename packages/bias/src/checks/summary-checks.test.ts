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
import { sectionOf } from '../../test/bias-sections.js';

const catalog = createCatalog(biasCheckDefinitions);
/** Only the given checks, at the given level and options. */
const only = (checks: ResolvedPolicy['checks']): ResolvedPolicy => {
  const policy = defaultPolicy(catalog);
  const off = Object.fromEntries(
    Object.keys(policy.checks).map((id) => [id, { level: 'off' as const, options: {} }]),
  );
  return { ...policy, checks: { ...off, ...checks } };
};

// race: White TPR 0.8 FPR 0.2 (n=100); Black TPR 2/3 FPR 0.25 (n=50); Other TPR 1 FPR 0 (n=12).
// TPR spread 1/3 (Other vs Black), FPR spread 0.25: the equalized odds difference is 1/3, from TPR.
const section = sectionOf([
  ['race', 'Black', { tp: 20, fp: 5, tn: 15, fn: 10 }],
  ['race', 'Other', { tp: 2, fp: 0, tn: 10, fn: 0 }],
  ['race', 'White', { tp: 40, fp: 10, tn: 40, fn: 10 }],
]);

describe('summary checks', () => {
  it('judges the equalized odds difference against max, naming the groups and rates it rests on', () => {
    const [check] = evaluateBiasChecks(
      section,
      only({ 'bias.equalized-odds-difference': { level: 'error', options: { max: 0.1 } } }),
    );
    expect(check).toMatchObject({
      id: 'bias.equalized-odds-difference',
      status: 'fail',
      expected: { operator: '<=', value: 0.1 },
      subject: { attribute: 'race', metric: 'tpr' },
      message: 'race: equalized odds difference 0.333 is above 0.1',
      evidence: 'TPR 1 for race=Other (n=12) vs 0.667 for race=Black (n=50)',
    });
    expect(check?.remediation).toContain('ThresholdOptimizer');
    expect(CheckSchema.parse(check)).toEqual(check);
  });

  it('leaves groups under the minimum group size out of the summary, and says so in the evidence', () => {
    const sufficient = sectionOf(
      [
        ['race', 'Black', { tp: 20, fp: 5, tn: 15, fn: 10 }],
        ['race', 'Other', { tp: 2, fp: 0, tn: 10, fn: 0 }],
        ['race', 'White', { tp: 40, fp: 10, tn: 40, fn: 10 }],
      ],
      { sufficientSummaries: true },
    );
    const [check] = evaluateBiasChecks(
      sufficient,
      only({ 'bias.equalized-odds-difference': { level: 'error', options: { max: 0.1 } } }),
    );
    // Without Other (n=12): TPR 0.8 (White) vs 2/3 (Black) decides, 0.133 instead of 0.333.
    expect(check?.message).toBe('race: equalized odds difference 0.133 is above 0.1');
    expect(check?.evidence).toBe(
      'TPR 0.8 for race=White (n=100) vs 0.667 for race=Black (n=50); ' +
        '2 of 3 groups; race=Other (n=12) left out, below the minimum group size of 30',
    );
  });

  it('judges ratios against min, passing and warning by level', () => {
    const checks = evaluateBiasChecks(
      section,
      only({
        'bias.equal-opportunity-ratio': { level: 'warn', options: { min: 0.8 } },
        'bias.equalized-odds-ratio': { level: 'error', options: { min: 0 } },
      }),
    );
    expect(checks.map((c) => [c.id, c.status, c.message])).toEqual([
      ['bias.equalized-odds-ratio', 'pass', 'race: equalized odds ratio 0 is at least 0'],
      ['bias.equal-opportunity-ratio', 'warn', 'race: equal opportunity ratio 0.667 is below 0.8'],
    ]);
    expect(checks[1]?.remediation).toContain('race=Black');
  });

  it('reads the to-overall summary when asked, and shows the overall rate', () => {
    const [check] = evaluateBiasChecks(
      section,
      only({
        'bias.equal-opportunity-difference': { level: 'error', options: { max: 0.2, basis: 'to-overall' } },
      }),
    );
    // Overall TPR 62/82 ≈ 0.756: the largest gap is Other's |1 − 0.756| ≈ 0.244.
    expect(check?.message).toBe('race: equal opportunity difference to overall 0.244 is above 0.2');
    expect(check?.evidence).toBe('TPR 1 for race=Other (n=12) vs 0.667 for race=Black (n=50); overall 0.756');
  });

  it('says whether the bootstrap interval crosses the threshold', () => {
    const withInterval = (lower: number, upper: number): BiasSection => ({
      ...section,
      summaries: section.summaries.map((s) =>
        s.summary === 'equalized_odds_difference' && s.basis === 'between-groups'
          ? { ...s, interval: { lower, upper, level: 0.95, method: 'bootstrap' } }
          : s,
      ),
    });
    const policy = only({ 'bias.equalized-odds-difference': { level: 'error', options: { max: 0.1 } } });
    expect(evaluateBiasChecks(withInterval(0.05, 0.52), policy)[0]?.evidence).toBe(
      'TPR 1 for race=Other (n=12) vs 0.667 for race=Black (n=50); 95% bootstrap interval 0.05–0.52, ' +
        'crossing the threshold 0.1: with more data the verdict could go either way',
    );
    expect(evaluateBiasChecks(withInterval(0.2, 0.52), policy)[0]?.evidence).toContain(
      '95% bootstrap interval 0.2–0.52, entirely above the threshold 0.1',
    );
  });

  it('gives error for an undefined summary and not-applicable when the audit has none', () => {
    const single = sectionOf([['race', 'White', { tp: 4, fp: 1, tn: 4, fn: 1 }]]);
    const policy = only({ 'bias.equalized-odds-ratio': { level: 'error', options: { min: 0.8 } } });
    expect(evaluateBiasChecks(single, policy)[0]).toMatchObject({
      status: 'error',
      actual: null,
      message: 'race: equalized odds ratio is undefined (only one group)',
    });
    const dataset: BiasSection = { ...section, mode: 'dataset', summaries: [] };
    expect(evaluateBiasChecks(dataset, policy)[0]).toMatchObject({
      status: 'not-applicable',
      message:
        'race: equalized odds ratio is not computed in this audit (a dataset audit has no predictions)',
    });
  });

  it('covers intersections as attributes', () => {
    const crossed = sectionOf(
      [
        ['sex', 'f', { tp: 10, fp: 5, tn: 30, fn: 5 }],
        ['sex', 'm', { tp: 20, fp: 5, tn: 20, fn: 5 }],
        ['race+sex', 'A|f', { tp: 10, fp: 5, tn: 30, fn: 5 }],
        ['race+sex', 'A|m', { tp: 20, fp: 5, tn: 20, fn: 5 }],
      ],
      { attributes: ['sex', 'race+sex'] },
    );
    const checks = evaluateBiasChecks(
      crossed,
      only({ 'bias.demographic-parity-ratio': { level: 'error', options: { min: 0.8 } } }),
    );
    expect(checks.map((c) => `${c.subject.attribute} ${c.status}`)).toEqual(['sex fail', 'race+sex fail']);
  });
});
