import type { Check, CheckLevel, CheckValue, Expected } from '@rai-audit/core';
import { contentCredentialsCheckDefinitions } from './check-definitions.js';

/** What one evaluator found about one asset, before the policy's level turns it into a Check. */
export interface Finding {
  /** pass; fail (becomes warn at level warn); not-applicable; error (could not be evaluated). */
  readonly outcome: 'pass' | 'fail' | 'not-applicable' | 'error';
  readonly message: string;
  readonly expected: Expected | null;
  readonly actual: CheckValue;
  readonly evidence: string;
  readonly remediation: string;
}

const TITLES = new Map(
  contentCredentialsCheckDefinitions.map((definition) => [definition.id, definition.title]),
);

/** Turns a finding into a Check at `level`; undefined at level off. */
export function toCheck(id: string, level: CheckLevel, file: string, finding: Finding): Check | undefined {
  if (level === 'off') return undefined;
  const status = finding.outcome === 'fail' ? (level === 'error' ? 'fail' : 'warn') : finding.outcome;
  return {
    id,
    area: 'content-credentials',
    title: TITLES.get(id) ?? id,
    level,
    status,
    message: finding.message,
    expected: finding.expected,
    actual: finding.actual,
    subject: { file },
    evidence: finding.evidence,
    remediation: finding.remediation,
  };
}

/** `rule generated/**` or `rules a, b`: where a requirement came from, for evidence lines. */
export function describeGlobs(globs: readonly string[]): string {
  return `${globs.length === 1 ? 'rule' : 'rules'} ${globs.map((glob) => `"${glob}"`).join(', ')}`;
}
