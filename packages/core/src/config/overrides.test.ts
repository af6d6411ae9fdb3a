import { describe, expect, it } from 'vitest';
import type { Check } from '../check.js';
import { applyOverrides } from './overrides.js';

function assetCheck(file: string, status: Check['status']): Check {
  return {
    id: 'c2pa.manifest-valid',
    area: 'content-credentials',
    title: 'C2PA manifest is valid',
    level: 'error',
    status,
    message: '',
    expected: null,
    actual: null,
    subject: { file },
    evidence: '',
    remediation: '',
  };
}

const prefix = (file: string, glob: string): boolean => file.startsWith(glob.replace('/**', '/'));

describe('applyOverrides', () => {
  it('re-levels the checks of matching files only; a failure at warn becomes a warning', () => {
    const checks = applyOverrides(
      [assetCheck('legacy/a.png', 'fail'), assetCheck('new/b.png', 'fail')],
      [{ files: 'legacy/**', checks: { 'c2pa.manifest-valid': 'warn' } }],
      prefix,
    );
    expect(checks.map((c) => [c.subject.file, c.level, c.status])).toEqual([
      ['legacy/a.png', 'warn', 'warn'],
      ['new/b.png', 'error', 'fail'],
    ]);
  });

  it('off removes the check; the last matching override wins', () => {
    const overrides = [
      { files: ['legacy/**'], checks: { 'c2pa.manifest-valid': 'off' as const } },
      { files: 'legacy/**', checks: { 'c2pa.manifest-valid': 'error' as const } },
    ];
    expect(applyOverrides([assetCheck('legacy/a.png', 'fail')], overrides.slice(0, 1), prefix)).toEqual([]);
    expect(applyOverrides([assetCheck('legacy/a.png', 'fail')], overrides, prefix)[0]?.status).toBe('fail');
  });
});
