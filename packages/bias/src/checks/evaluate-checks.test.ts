import {
  BiasSectionSchema,
  CheckSchema,
  createCatalog,
  defaultPolicy,
  type BiasSection,
  type ResolvedPolicy,
  validatePolicy,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { biasCheckDefinitions, biasPresets } from './check-definitions.js';
import { evaluateBiasChecks, formatFigure } from './evaluate-checks.js';
import { sectionOf, selected } from '../../test/bias-sections.js';

/** sex: male 62/100, female 41/100, 12 rows without a value; age: two groups at 0.5. */
function sampleSection(): BiasSection {
  return sectionOf(
    [
      selected('sex', 'female', 41, 100),
      selected('sex', 'male', 62, 100),
      selected('sex', '(missing)', 6, 12),
      selected('age', 'old', 53, 106),
      selected('age', 'young', 53, 106),
    ],
    { disparities: false },
  );
}

const catalog = createCatalog(biasCheckDefinitions);
const policyWith = (overrides: ResolvedPolicy['checks']): ResolvedPolicy => {
  const policy = defaultPolicy(catalog);
  return { ...policy, checks: { ...policy.checks, ...overrides } };
};

describe('evaluateBiasChecks', () => {
  const section = sampleSection();

  it('starts from a schema-valid section', () => {
    expect(BiasSectionSchema.parse(section)).toEqual(section);
  });

  it('emits one schema-valid check per check id and attribute at the default levels', () => {
    const checks = evaluateBiasChecks(section, defaultPolicy(catalog));
    expect(checks.map((c) => `${c.id} ${c.subject.attribute} ${c.level} ${c.status}`)).toEqual([
      'bias.demographic-parity-ratio sex error fail',
      'bias.demographic-parity-ratio age error pass',
      'bias.demographic-parity-difference sex warn warn',
      'bias.demographic-parity-difference age warn pass',
      'bias.min-group-size sex warn warn',
      'bias.min-group-size age warn pass',
    ]);
    for (const check of checks) expect(CheckSchema.parse(check)).toEqual(check);
  });

  it('states the threshold, the value and the groups it rests on', () => {
    const [ratio] = evaluateBiasChecks(section, defaultPolicy(catalog));
    expect(ratio).toMatchObject({
      expected: { operator: '>=', value: 0.8 },
      subject: { attribute: 'sex', metric: 'selection_rate' },
      message: 'sex: demographic parity ratio 0.661 is below 0.8',
      evidence: 'selection rate 0.62 for sex=male (n=100) vs 0.41 for sex=female (n=100)',
    });
    expect(ratio?.actual).toBeCloseTo(0.41 / 0.62, 12);
    expect(ratio?.remediation).toContain('sex=female');
  });

  it('flags each group below the minimum size, "(missing)" included', () => {
    const sizes = evaluateBiasChecks(section, defaultPolicy(catalog)).filter(
      (c) => c.id === 'bias.min-group-size',
    );
    expect(sizes[0]).toMatchObject({
      actual: 12,
      expected: { operator: '>=', value: 30 },
      subject: { attribute: 'sex', group: '(missing)', metric: 'n' },
      evidence: 'below 30: sex=(missing) (n=12)',
    });
    expect(sizes[1]?.subject.group).toBeUndefined();
  });

  it('fails at level error, warns at level warn, and leaves out checks at level off', () => {
    const checks = evaluateBiasChecks(
      section,
      policyWith({
        'bias.demographic-parity-ratio': { level: 'warn', options: { min: 0.8 } },
        'bias.demographic-parity-difference': { level: 'error', options: { max: 0.1 } },
        'bias.min-group-size': { level: 'off', options: { min: 30 } },
      }),
    );
    expect(checks.filter((c) => c.subject.attribute === 'sex').map((c) => `${c.id} ${c.status}`)).toEqual([
      'bias.demographic-parity-ratio warn',
      'bias.demographic-parity-difference fail',
    ]);
  });

  it('follows the options of the policy', () => {
    const [ratio] = evaluateBiasChecks(
      section,
      policyWith({ 'bias.demographic-parity-ratio': { level: 'error', options: { min: 0.6 } } }),
    );
    expect(ratio).toMatchObject({
      status: 'pass',
      message: 'sex: demographic parity ratio 0.661 is at least 0.6',
    });
  });

  it('reports status error, with the reason, when the value is undefined', () => {
    const single = sectionOf([selected('sex', 'female', 5, 10)]);
    const [ratio, difference] = evaluateBiasChecks(single, defaultPolicy(catalog));
    expect(ratio).toMatchObject({
      status: 'error',
      actual: null,
      message: 'sex: demographic parity ratio is undefined (only one group)',
    });
    expect(difference?.status).toBe('error');
  });

  it('uses the definition defaults for check ids the policy does not mention', () => {
    const checks = evaluateBiasChecks(section, {
      failOn: 'error',
      checks: {},
      assets: [],
      trust: [],
      bias: {},
    });
    expect(checks.find((c) => c.id === 'bias.demographic-parity-ratio')?.status).toBe('fail');
  });
});

describe('biasPresets.recommended', () => {
  const presetPolicy = (): ResolvedPolicy => {
    const validation = validatePolicy('extends: recommended\n', { catalog, presets: biasPresets });
    if ('issues' in validation) throw new Error(JSON.stringify(validation.issues));
    return validation.value;
  };

  it('validates through core, with the four-fifths rule, equalized odds and FNR/FPR parity as gates', () => {
    const policy = presetPolicy();
    const levels = Object.entries(policy.checks)
      .filter(([, check]) => check.level !== 'off')
      .map(([id, check]) => `${id} ${check.level} ${JSON.stringify(check.options)}`);
    expect(levels).toEqual([
      'bias.demographic-parity-ratio error {"min":0.8}',
      'bias.demographic-parity-difference warn {"max":0.1}',
      'bias.min-group-size warn {"min":30}',
      'bias.equalized-odds-difference error {"max":0.1}',
      'bias.disparity.selection-rate error {"tau":0.8}',
      'bias.disparity.fpr error {"tau":0.8}',
      'bias.disparity.fnr error {"tau":0.8}',
    ]);
  });

  it('judges a section: the summaries per attribute, the disparities per non-reference group', () => {
    // White (reference, n=100): SR 0.5, FPR 0.2, FNR 0.2; Black (n=50): SR 0.5, FPR 0.25, FNR 1/3.
    const section = sectionOf([
      ['race', 'Black', { tp: 20, fp: 5, tn: 15, fn: 10 }],
      ['race', 'White', { tp: 40, fp: 10, tn: 40, fn: 10 }],
    ]);
    const checks = evaluateBiasChecks(section, presetPolicy());
    expect(checks.map((c) => `${c.id} ${c.subject.group ?? c.subject.attribute} ${c.status}`)).toEqual([
      'bias.demographic-parity-ratio race pass',
      'bias.demographic-parity-difference race pass',
      'bias.min-group-size race pass',
      'bias.equalized-odds-difference race fail',
      'bias.disparity.selection-rate Black pass',
      'bias.disparity.fpr Black pass',
      'bias.disparity.fnr Black fail',
    ]);
    for (const check of checks) expect(CheckSchema.parse(check)).toEqual(check);
  });

  it('accepts every preset entry and rejects out-of-range and unknown options', () => {
    for (const [id, entry] of Object.entries(biasPresets.recommended ?? {})) {
      const definition = biasCheckDefinitions.find((d) => d.id === id);
      const options = Array.isArray(entry) ? entry[1] : undefined;
      expect(definition?.options.safeParse(options).success).toBe(true);
    }
    const [ratio, difference, size] = biasCheckDefinitions;
    expect(ratio?.options.safeParse({ min: 1.5 }).success).toBe(false);
    expect(ratio?.options.safeParse({ min: 0.8, tau: 1 }).success).toBe(false);
    expect(ratio?.options.safeParse({ min: 0.8, basis: 'to-overall' }).success).toBe(true);
    expect(ratio?.options.safeParse({ min: 0.8, basis: 'overall' }).success).toBe(false);
    expect(difference?.options.safeParse({ max: -0.1 }).success).toBe(false);
    expect(size?.options.safeParse({ min: 2.5 }).success).toBe(false);
    expect(size?.options.safeParse({ min: 10 }).success).toBe(true);
    const fnr = biasCheckDefinitions.find((d) => d.id === 'bias.disparity.fnr');
    expect(fnr?.options.safeParse({ tau: 0 }).success).toBe(false);
    expect(fnr?.options.safeParse({ tau: 1.2 }).success).toBe(false);
    expect(fnr?.options.safeParse({ tau: 0.9 }).success).toBe(true);
  });

  it('names a check id per summary and per disparity metric, all new ones off by default', () => {
    const ids = biasCheckDefinitions.map((d) => `${d.id} ${d.defaultLevel}`);
    expect(ids.slice(0, 7)).toEqual([
      'bias.demographic-parity-ratio error',
      'bias.demographic-parity-difference warn',
      'bias.min-group-size warn',
      'bias.equalized-odds-difference off',
      'bias.equalized-odds-ratio off',
      'bias.equal-opportunity-difference off',
      'bias.equal-opportunity-ratio off',
    ]);
    expect(ids.slice(7)).toContain('bias.disparity.selection-rate off');
    expect(ids.slice(7)).toContain('bias.disparity.mean-score off');
    expect(ids).toHaveLength(7 + 16);
  });
});

describe('formatFigure', () => {
  it('keeps at most three decimals without trailing zeros', () => {
    expect(formatFigure(0.62)).toBe('0.62');
    expect(formatFigure(2 / 3)).toBe('0.667');
    expect(formatFigure(1)).toBe('1');
  });
});
