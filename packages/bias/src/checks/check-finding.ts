import type {
  BiasSection,
  Check,
  CheckDefinition,
  CheckLevel,
  CheckStatus,
  Expected,
  Subject,
} from '@rai-audit/core';

/** What one check found for one subject, before the policy level turns it into a status. */
export interface Finding {
  /** true: within the threshold; false: outside it; undefined: could not be computed; not-applicable: nothing to judge. */
  passed: boolean | undefined | 'not-applicable';
  expected: Expected;
  actual: number | null;
  subject: Subject;
  message: string;
  evidence: string;
  remediation: string;
}

/** Evaluates one check for one attribute (an intersection is an attribute `a+b`): one finding or one per group. */
export type Evaluator = (
  section: BiasSection,
  attribute: string,
  options: Record<string, unknown>,
) => Finding[];

/** A number option of a check, or the fallback when the policy left it out. */
export function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' ? value : fallback;
}

function statusOf(passed: Finding['passed'], level: CheckLevel): CheckStatus {
  if (passed === 'not-applicable') return 'not-applicable';
  if (passed === undefined) return 'error';
  if (passed) return 'pass';
  return level === 'error' ? 'fail' : 'warn';
}

/** The Check of a finding at the policy's level. */
export function toCheck(definition: CheckDefinition, level: CheckLevel, finding: Finding): Check {
  const { passed, ...rest } = finding;
  return {
    id: definition.id,
    area: 'bias',
    title: definition.title,
    level,
    status: statusOf(passed, level),
    ...rest,
  };
}
