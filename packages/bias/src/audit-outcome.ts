import type { AuditTiming, BiasSection, Check, ResolvedPolicy, RunWarning } from '@rai-audit/core';
import type { CountsAuditResult } from './counts/counts-audit.js';
import { evaluateDatasetChecks } from './checks/dataset-checks.js';
import { evaluateBiasChecks } from './checks/evaluate-checks.js';
import { collectRunWarnings } from './run-warnings.js';

export interface BiasAuditOutcome {
  section: BiasSection;
  checks: Check[];
  warnings: RunWarning[];
  /** How long each step took, for the CLI's RAI_AUDIT_TIMINGS; never part of the result. */
  timings: AuditTiming[];
  /** The data files read (a glob or folder expanded); for --from-counts, the counts file. */
  files: string[];
}

/** The checks of the policy and the run warnings of a finished section. */
export function finishAudit(
  result: CountsAuditResult,
  policy: ResolvedPolicy,
  timings: AuditTiming[],
  files: string[],
): BiasAuditOutcome {
  const { section } = result;
  const checks = [
    ...evaluateBiasChecks(section, policy),
    ...(section.mode === 'dataset' ? evaluateDatasetChecks(section, policy) : []),
  ];
  return { section, checks, warnings: collectRunWarnings(section, result), timings, files };
}
