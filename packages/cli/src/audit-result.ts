import {
  AuditResultSchema,
  InternalError,
  SCHEMA_VERSION,
  summarizeChecks,
  type AuditResult,
  type Check,
  type InputFile,
  type PolicyRef,
  type RunWarning,
  type Section,
} from '@rai-audit/core';

export interface AuditParts {
  command: string;
  version: string;
  createdAt: Date;
  inputs: InputFile[];
  policy: PolicyRef;
  sections: Section[];
  checks: Check[];
  warnings: RunWarning[];
}

/** Puts the parts of an audit into the AuditResult contract and validates it, so no reporter sees a malformed result. */
export function assembleAuditResult(parts: AuditParts): AuditResult {
  const candidate: AuditResult = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'rai-audit', version: parts.version },
    command: parts.command,
    createdAt: parts.createdAt.toISOString(),
    inputs: parts.inputs,
    policy: parts.policy,
    sections: parts.sections,
    checks: parts.checks,
    summary: summarizeChecks(parts.checks),
    warnings: parts.warnings,
  };
  const parsed = AuditResultSchema.safeParse(candidate);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new InternalError(
      `the ${parts.command} audit produced a result that breaks the AuditResult contract at ${first?.path.join('.') ?? '?'}: ${first?.message ?? ''}`,
      { hint: 'This is a bug in rai-audit; please report it with --debug output' },
    );
  }
  return parsed.data;
}

/** The clock of a run: SOURCE_DATE_EPOCH (seconds) when set, for reproducible outputs; otherwise now. */
export function runTimestamp(env: Readonly<Record<string, string | undefined>>): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}
