import { describe, expect, it } from 'vitest';
import type { Check } from './check.js';
import { exitCodeForResult, summarizeChecks } from './result.js';

function check(
  status: Check['status'],
  level: Check['level'] = 'error',
  area: Check['area'] = 'bias',
): Check {
  return {
    id: 'bias.demographic-parity-ratio',
    area,
    title: 't',
    level,
    status,
    message: 'm',
    expected: { operator: '>=', value: 0.8 },
    actual: 0.5,
    subject: { attribute: 'sex' },
    evidence: '',
    remediation: '',
  };
}

describe('summarizeChecks', () => {
  it('passes with no checks', () => {
    expect(summarizeChecks([]).verdict).toBe('pass');
  });

  it('fails on a failed check, or an unevaluable one at level error', () => {
    expect(summarizeChecks([check('pass'), check('fail')]).verdict).toBe('fail');
    expect(summarizeChecks([check('error', 'error')]).verdict).toBe('fail');
  });

  it('warns on a warning, or an unevaluable check at level warn', () => {
    expect(summarizeChecks([check('pass'), check('warn', 'warn')]).verdict).toBe('pass-with-warnings');
    expect(summarizeChecks([check('error', 'warn')]).verdict).toBe('pass-with-warnings');
    expect(summarizeChecks([check('not-applicable')]).verdict).toBe('pass');
  });

  it('counts by status and by area', () => {
    const summary = summarizeChecks([
      check('pass'),
      check('fail'),
      check('not-applicable', 'warn', 'content-credentials'),
    ]);
    expect(summary.counts).toEqual({ total: 3, pass: 1, fail: 1, warn: 0, notApplicable: 1, error: 0 });
    expect(summary.areas['content-credentials']).toEqual({
      total: 1,
      pass: 0,
      fail: 0,
      warn: 0,
      notApplicable: 1,
      error: 0,
    });
  });
});

describe('exitCodeForResult', () => {
  const policy = (failOn: 'error' | 'warn') => ({ path: null, sha256: null, failOn });
  it('is 1 on fail, and on warnings only when the policy fails on warnings', () => {
    const warned = summarizeChecks([check('warn', 'warn')]);
    expect(exitCodeForResult({ summary: summarizeChecks([check('fail')]), policy: policy('error') })).toBe(1);
    expect(exitCodeForResult({ summary: warned, policy: policy('error') })).toBe(0);
    expect(exitCodeForResult({ summary: warned, policy: policy('warn') })).toBe(1);
  });
});
