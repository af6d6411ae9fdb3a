import {
  BiasSectionSchema,
  CheckSchema,
  createCatalog,
  defaultPolicy,
  validatePolicy,
  type BiasSection,
  type DatasetAnalysis,
  type ResolvedPolicy,
} from '@rai-audit/core';
import { describe, expect, it } from 'vitest';
import { PROXY_STRENGTH, REPRESENTATION, datasetCheckDefinitions } from './dataset-check-definitions.js';
import { evaluateDatasetChecks } from './dataset-checks.js';

const catalog = createCatalog(datasetCheckDefinitions);
const defaults = defaultPolicy(catalog);

function policyFrom(text: string): ResolvedPolicy {
  const result = validatePolicy(text, { catalog, presets: {} });
  if (!('value' in result)) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

const dataset: DatasetAnalysis = {
  representation: [
    { attribute: 'sex', group: 'female', n: 310, share: 0.31, expectedShare: 0.5 },
    { attribute: 'sex', group: 'male', n: 690, share: 0.69, expectedShare: 0.5 },
    { attribute: 'age', group: 'old', n: 500, share: 0.5 },
    { attribute: 'age', group: 'young', n: 500, share: 0.5 },
  ],
  goodnessOfFit: [{ attribute: 'sex', test: 'chi-square', statistic: 144.4, df: 1, pValue: 3.1e-33 }],
  missingValues: [],
  proxies: [
    { feature: 'personal_status', attribute: 'sex', measure: 'cramers_v', value: 0.999 },
    { feature: 'housing', attribute: 'sex', measure: 'cramers_v', value: 0.228 },
    { feature: 'income', attribute: 'age', measure: 'correlation_ratio', value: 0.31 },
    { feature: 'id', attribute: 'age', measure: 'cramers_v', value: null, reason: 'skipped' },
  ],
};

const section = (analysis: DatasetAnalysis | undefined): BiasSection =>
  BiasSectionSchema.parse({
    kind: 'bias',
    id: 'bias',
    title: 'Bias: people.csv',
    mode: 'dataset',
    columns: { attributes: ['sex', 'age'], label: 'credit' },
    positiveLabel: '1',
    rows: 1000,
    missing: [],
    overall: { attribute: '(overall)', group: '(all)', n: 1000, metrics: {} },
    groups: [],
    summaries: [],
    ...(analysis ? { dataset: analysis } : {}),
  });

describe('evaluateDatasetChecks', () => {
  it('warns per feature above the proxy limit, naming both columns in the message and the fix', () => {
    const checks = evaluateDatasetChecks(section(dataset), defaults);
    checks.forEach((check) => CheckSchema.parse(check));
    const proxies = checks.filter((c) => c.id === PROXY_STRENGTH);
    expect(proxies.map((c) => [c.subject.attribute, c.subject.field, c.status])).toEqual([
      ['sex', 'personal_status', 'warn'],
      ['age', 'income', 'pass'],
    ]);
    expect(proxies[0]?.message).toBe("personal_status stands in for sex: Cramér's V 0.999 is above 0.5");
    expect(proxies[0]?.remediation).toContain('Drop it, replace it by a part that does not encode sex');
    expect(proxies[0]?.evidence).toContain('strongest at or below 0.5: housing 0.228');
  });

  it('fails the representation check at level error when p is below minPValue', () => {
    const policy = policyFrom(
      `checks:\n  bias.representation: [error, { minPValue: 0.01 }]\n  bias.proxy-strength: off\n`,
    );
    const checks = evaluateDatasetChecks(section(dataset), policy);
    expect(checks).toHaveLength(1);
    const [check] = checks;
    expect(check).toMatchObject({ id: REPRESENTATION, level: 'error', status: 'fail', actual: 3.1e-33 });
    expect(check?.expected).toEqual({ operator: '>=', value: 0.01 });
    expect(check?.evidence).toBe('female 31.0% (expected 50.0%), male 69.0% (expected 50.0%)');
    expect(check?.remediation).toContain('Collect more rows of sex=female');
  });

  it('lowers the proxy limit from the policy, and is not applicable when nothing was measured', () => {
    const strict = policyFrom(`checks:\n  bias.proxy-strength: [error, { max: 0.2 }]\n`);
    const failing = evaluateDatasetChecks(section(dataset), strict).filter((c) => c.status === 'fail');
    expect(failing.map((c) => c.subject.field)).toEqual(['personal_status', 'housing', 'income']);
    const empty = { ...dataset, proxies: [], goodnessOfFit: [] };
    const checks = evaluateDatasetChecks(section(empty), defaults);
    expect(checks.map((c) => c.status)).toEqual(['not-applicable', 'not-applicable']);
  });

  it('rejects options out of range and returns nothing without a dataset analysis', () => {
    const result = validatePolicy(`checks:\n  bias.proxy-strength: [warn, { max: 2 }]\n`, {
      catalog,
      presets: {},
    });
    expect('issues' in result).toBe(true);
    expect(evaluateDatasetChecks(section(undefined), defaults)).toEqual([]);
  });
});
