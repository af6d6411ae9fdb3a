import {
  CheckSchema,
  createCatalog,
  defaultPolicy,
  type BiasSection,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { buildBiasSection } from './bias-section.js';
import { biasCheckDefinitions, biasPresets } from './check-definitions.js';
import { evaluateBiasChecks, formatFigure } from './evaluate-checks.js';
import type { GroupCountRow } from './aggregation-sql.js';

function row(attribute: string | null, group: string | null, selected: number, n: number): GroupCountRow {
  return { attribute, group, n, counts: { tp: selected, fp: 0, tn: n - selected, fn: 0 } };
}

/** sex: male 62/100, female 41/100, 12 rows without a value; age: two groups at 0.5. */
function sampleSection(): BiasSection {
  return buildBiasSection({
    file: 'data/predictions.csv',
    attributes: ['sex', 'age'],
    label: 'label',
    prediction: 'prediction',
    positiveLabel: '1',
    rows: [
      row(null, null, 109, 212),
      row('sex', 'male', 62, 100),
      row('sex', 'female', 41, 100),
      row('sex', null, 6, 12),
      row('age', 'old', 53, 106),
      row('age', 'young', 53, 106),
    ],
  });
}

const catalog = createCatalog(biasCheckDefinitions);
const policyWith = (overrides: ResolvedPolicy['checks']): ResolvedPolicy => {
  const policy = defaultPolicy(catalog);
  return { ...policy, checks: { ...policy.checks, ...overrides } };
};

describe('evaluateBiasChecks', () => {
  const section = sampleSection();

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
    const single = buildBiasSection({
      file: 'x.csv',
      attributes: ['sex'],
      label: 'y',
      prediction: 'p',
      positiveLabel: '1',
      rows: [row(null, null, 5, 10), row('sex', 'female', 5, 10)],
    });
    const [ratio, difference] = evaluateBiasChecks(single, defaultPolicy(catalog));
    expect(ratio).toMatchObject({
      status: 'error',
      actual: null,
      message: 'sex: demographic parity ratio is undefined (only one group)',
    });
    expect(difference?.status).toBe('error');
  });

  it('uses the definition defaults for check ids the policy does not mention', () => {
    const checks = evaluateBiasChecks(section, { failOn: 'error', checks: {} });
    expect(checks.find((c) => c.id === 'bias.demographic-parity-ratio')?.status).toBe('fail');
  });
});

describe('biasPresets.recommended', () => {
  it('sets the four-fifths rule as an error and validates against the definitions', () => {
    expect(biasPresets.recommended?.['bias.demographic-parity-ratio']).toEqual(['error', { min: 0.8 }]);
    for (const [id, entry] of Object.entries(biasPresets.recommended ?? {})) {
      const definition = biasCheckDefinitions.find((d) => d.id === id);
      const options = Array.isArray(entry) ? entry[1] : undefined;
      expect(definition?.options.safeParse(options).success).toBe(true);
    }
  });

  it('rejects out-of-range and unknown options', () => {
    const [ratio, difference, size] = biasCheckDefinitions;
    expect(ratio?.options.safeParse({ min: 1.5 }).success).toBe(false);
    expect(ratio?.options.safeParse({ min: 0.8, tau: 1 }).success).toBe(false);
    expect(difference?.options.safeParse({ max: -0.1 }).success).toBe(false);
    expect(size?.options.safeParse({ min: 2.5 }).success).toBe(false);
    expect(size?.options.safeParse({ min: 10 }).success).toBe(true);
  });
});

describe('formatFigure', () => {
  it('keeps at most three decimals without trailing zeros', () => {
    expect(formatFigure(0.62)).toBe('0.62');
    expect(formatFigure(2 / 3)).toBe('0.667');
    expect(formatFigure(1)).toBe('1');
  });
});
