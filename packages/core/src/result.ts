import { z } from 'zod';
import { AreaSchema, CheckSchema, isFailing, isWarning, type Check } from './check.js';
import { BiasSectionSchema } from './sections/bias.js';
import { ContentCredentialsSectionSchema } from './sections/content-credentials.js';
import { ModelCardSectionSchema } from './sections/model-card.js';
import { DataProvenanceSectionSchema } from './sections/data-provenance.js';

export const SCHEMA_VERSION = '1.0.0';

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

export const InputFileSchema = z
  .object({
    role: z.string().describe('What the file is to the audit: data, policy, asset, card…'),
    path: z.string().describe('The path as given, relative to the working directory where possible'),
    sha256: Sha256Schema,
    size: z.number().int().nonnegative(),
  })
  .strict();
export type InputFile = z.infer<typeof InputFileSchema>;

export const PolicyRefSchema = z
  .object({
    path: z.string().nullable().describe('The policy file, or null when only defaults were used'),
    sha256: Sha256Schema.nullable(),
    failOn: z.enum(['error', 'warn']),
  })
  .strict();
export type PolicyRef = z.infer<typeof PolicyRefSchema>;

export const SectionSchema = z.discriminatedUnion('kind', [
  BiasSectionSchema,
  ContentCredentialsSectionSchema,
  ModelCardSectionSchema,
  DataProvenanceSectionSchema,
]);
export type Section = z.infer<typeof SectionSchema>;

const CountsSchema = z
  .object({
    total: z.number().int().nonnegative(),
    pass: z.number().int().nonnegative(),
    fail: z.number().int().nonnegative(),
    warn: z.number().int().nonnegative(),
    notApplicable: z.number().int().nonnegative(),
    error: z.number().int().nonnegative(),
    waived: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('Checks that did not pass but are accepted by a waiver; present when there are any'),
  })
  .strict();
export type CheckCounts = z.infer<typeof CountsSchema>;

export const VerdictSchema = z.enum(['pass', 'pass-with-warnings', 'fail']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const SummarySchema = z
  .object({
    verdict: VerdictSchema,
    counts: CountsSchema,
    areas: z.partialRecord(AreaSchema, CountsSchema),
  })
  .strict();
export type Summary = z.infer<typeof SummarySchema>;

export const RunWarningSchema = z
  .object({
    code: z.string(),
    message: z.string(),
  })
  .strict();
export type RunWarning = z.infer<typeof RunWarningSchema>;

export const AuditResultSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    tool: z.object({ name: z.literal('rai-audit'), version: z.string() }).strict(),
    command: z.string().describe('The audit that produced the result, e.g. "bias"'),
    createdAt: z.iso
      .datetime()
      .describe('When the audit ran; the only field that differs between identical runs'),
    inputs: z.array(InputFileSchema),
    policy: PolicyRefSchema,
    sections: z.array(SectionSchema),
    checks: z.array(CheckSchema),
    summary: SummarySchema,
    warnings: z.array(RunWarningSchema),
  })
  .strict()
  .describe('rai-audit result: the contract every reporter renders');
export type AuditResult = z.infer<typeof AuditResultSchema>;

function emptyCounts(): CheckCounts {
  return { total: 0, pass: 0, fail: 0, warn: 0, notApplicable: 0, error: 0 };
}

function tally(counts: CheckCounts, check: Check): void {
  counts.total += 1;
  if (check.status === 'not-applicable') counts.notApplicable += 1;
  else if (check.status === 'waived') counts.waived = (counts.waived ?? 0) + 1;
  else counts[check.status] += 1;
}

/** Counts per status and area, and the verdict: FAIL on any failing check, PASS WITH WARNINGS on any warning. */
export function summarizeChecks(checks: readonly Check[]): Summary {
  const counts = emptyCounts();
  const areas: Summary['areas'] = {};
  for (const check of checks) {
    tally(counts, check);
    tally((areas[check.area] ??= emptyCounts()), check);
  }
  const verdict = checks.some(isFailing) ? 'fail' : checks.some(isWarning) ? 'pass-with-warnings' : 'pass';
  return { verdict, counts, areas };
}

/** The exit code of a finished audit: 1 when it failed, or when it has warnings and the policy fails on warnings. */
export function exitCodeForResult(result: Pick<AuditResult, 'summary' | 'policy'>): 0 | 1 {
  const { verdict } = result.summary;
  if (verdict === 'fail') return 1;
  if (verdict === 'pass-with-warnings' && result.policy.failOn === 'warn') return 1;
  return 0;
}
