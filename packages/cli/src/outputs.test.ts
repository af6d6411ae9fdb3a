import { describe, expect, it } from 'vitest';
import { summarizeChecks, type AuditResult, type Check } from '@rai-audit/core';
import { createPainter } from './io.js';
import { formatRunSummary } from './outputs.js';

function check(id: string, level: Check['level'], status: Check['status']): Check {
  return {
    id,
    area: 'bias',
    title: id,
    level,
    status,
    message: `${id} ${status}`,
    expected: null,
    actual: null,
    subject: {},
    evidence: '',
    remediation: '',
  };
}

function resultWith(checks: Check[]): AuditResult {
  return {
    schemaVersion: '1.0.0',
    tool: { name: 'rai-audit', version: '0.1.0' },
    command: 'bias',
    createdAt: '2025-06-01T12:00:00.000Z',
    inputs: [],
    policy: { path: null, sha256: null, failOn: 'error' },
    sections: [],
    checks,
    summary: summarizeChecks(checks),
    warnings: [],
  };
}

describe('formatRunSummary', () => {
  it('lists failures first, then warnings, and counts one warning in the singular', () => {
    const text = formatRunSummary(
      resultWith([
        check('bias.a', 'warn', 'warn'),
        check('bias.b', 'error', 'fail'),
        check('bias.c', 'error', 'pass'),
      ]),
      [],
      '/',
      createPainter(false),
    );
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('1 failed, 1 warning, 0 not evaluated');
    expect(lines.slice(1)).toEqual(['  ✖ bias.b: bias.b fail', '  ▲ bias.a: bias.a warn']);
  });
});
