import type { Check, CheckLevel, CheckValue, Expected, Subject } from '@rai-audit/core';
import { modelCardCheckDefinitions } from './check-definitions.js';

/** What one lint rule found, before the policy's level turns it into a Check. */
export interface CardFinding {
  readonly id: string;
  readonly outcome: 'pass' | 'fail' | 'not-applicable';
  readonly message: string;
  readonly subject: Subject;
  readonly expected?: Expected | null;
  readonly actual?: CheckValue;
  readonly evidence?: string;
  readonly remediation: string;
}

const TITLES = new Map(modelCardCheckDefinitions.map((d) => [d.id, d.title]));

/** The finding as a Check at `level`; undefined at level off. */
export function toCardCheck(finding: CardFinding, level: CheckLevel): Check | undefined {
  if (level === 'off') return undefined;
  return {
    id: finding.id,
    area: 'model-card',
    title: TITLES.get(finding.id) ?? finding.id,
    level,
    status: finding.outcome === 'fail' ? (level === 'error' ? 'fail' : 'warn') : finding.outcome,
    message: finding.message,
    expected: finding.expected ?? null,
    actual: finding.actual ?? null,
    subject: finding.subject,
    evidence: finding.evidence ?? '',
    remediation: finding.remediation,
  };
}
