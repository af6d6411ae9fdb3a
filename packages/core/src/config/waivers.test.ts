import { describe, expect, it } from 'vitest';
import type { Check } from '../check.js';
import { summarizeChecks } from '../result.js';
import { applyWaivers, WAIVER_EXPIRED_CHECK_ID, type ResolvedWaiver } from './waivers.js';

function check(status: Check['status'], group: string): Check {
  return {
    id: 'bias.demographic-parity-ratio',
    area: 'bias',
    title: 'Demographic parity ratio',
    level: 'error',
    status,
    message: `ratio for ${group}`,
    expected: { operator: '>=', value: 0.8 },
    actual: 0.5,
    subject: { attribute: 'sex', group },
    evidence: '',
    remediation: '',
  };
}

const waiver: ResolvedWaiver = {
  check: 'bias.demographic-parity-ratio',
  subject: { attribute: 'sex', group: 'female' },
  reason: 'retraining scheduled',
  owner: 'ml-team',
  expires: '2026-06-30',
  area: 'bias',
};

describe('applyWaivers', () => {
  it('turns a matching failure into waived, keeping its old status, and leaves other subjects alone', () => {
    const { checks, warnings } = applyWaivers(
      [check('fail', 'female'), check('fail', 'male')],
      [waiver],
      '2026-06-30',
    );
    expect(checks[0]).toMatchObject({
      status: 'waived',
      waiver: { owner: 'ml-team', expires: '2026-06-30', status: 'fail', reason: 'retraining scheduled' },
    });
    expect(checks[1]?.status).toBe('fail');
    expect(warnings).toEqual([]);
    const summary = summarizeChecks(checks);
    expect(summary.verdict).toBe('fail');
    expect(summary.counts).toMatchObject({ fail: 1, waived: 1 });
  });

  it('a waived failure no longer fails the verdict', () => {
    const { checks } = applyWaivers([check('fail', 'female')], [waiver], '2026-01-01');
    expect(summarizeChecks(checks).verdict).toBe('pass');
  });

  it('an expired waiver does not apply and is itself a failing check', () => {
    const { checks } = applyWaivers([check('fail', 'female')], [waiver], '2026-07-01');
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['bias.demographic-parity-ratio', 'fail'],
      [WAIVER_EXPIRED_CHECK_ID, 'fail'],
    ]);
    expect(checks[1]?.message).toContain('expired on 2026-06-30');
    expect(summarizeChecks(checks).verdict).toBe('fail');
  });

  it('an expired waiver fails even when its finding is fixed', () => {
    const { checks } = applyWaivers([check('pass', 'female')], [waiver], '2027-01-01');
    expect(summarizeChecks(checks).verdict).toBe('fail');
  });

  it('warns about a waiver that matches no check', () => {
    const { warnings } = applyWaivers([check('fail', 'male')], [waiver], '2026-01-01');
    expect(warnings.map((w) => w.code)).toEqual(['waiver-unused']);
  });

  it('does not waive a passing check', () => {
    const { checks } = applyWaivers([check('pass', 'female')], [waiver], '2026-01-01');
    expect(checks[0]?.status).toBe('pass');
  });
});
