import { z } from 'zod';

export const AreaSchema = z
  .enum(['bias', 'model-card', 'data-provenance', 'content-credentials'])
  .describe('The audit area a check or section belongs to');
export type Area = z.infer<typeof AreaSchema>;

export const CheckLevelSchema = z
  .enum(['error', 'warn', 'off'])
  .describe('How much a failure of the check matters');
export type CheckLevel = z.infer<typeof CheckLevelSchema>;

export const CheckStatusSchema = z
  .enum(['pass', 'fail', 'warn', 'not-applicable', 'error', 'waived'])
  .describe(
    'pass; fail (failed at level error); warn (failed at level warn); not-applicable (nothing to judge, e.g. insufficient data); error (could not be evaluated); waived (did not pass, accepted by an unexpired waiver: see `waiver`)',
  );
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const OperatorSchema = z.enum([
  '>=',
  '<=',
  '>',
  '<',
  '==',
  '!=',
  'between',
  'in',
  'not-in',
  'present',
]);
export type Operator = z.infer<typeof OperatorSchema>;

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof ScalarSchema>;

export const CheckValueSchema = z.union([ScalarSchema, z.array(ScalarSchema)]);
export type CheckValue = z.infer<typeof CheckValueSchema>;

export const ExpectedSchema = z
  .object({
    operator: OperatorSchema,
    value: CheckValueSchema,
  })
  .strict();
export type Expected = z.infer<typeof ExpectedSchema>;

export const SubjectSchema = z
  .object({
    attribute: z.string().optional(),
    group: z.string().optional(),
    metric: z.string().optional(),
    file: z.string().optional(),
    field: z.string().optional(),
  })
  .strict()
  .describe('What the check is about: an attribute and group, a file, a card field');
export type Subject = z.infer<typeof SubjectSchema>;

/** The waiver that turned a failure into `waived`: who accepted it, why, until when, and what the check said. */
export const CheckWaiverSchema = z
  .object({
    reason: z.string().min(1),
    owner: z.string().min(1),
    expires: z.iso.date().describe('Last day (UTC) the waiver applies, YYYY-MM-DD'),
    status: z.enum(['fail', 'warn', 'error']).describe('The status the check had before it was waived'),
  })
  .strict();
export type CheckWaiver = z.infer<typeof CheckWaiverSchema>;

export const CHECK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

export const CheckSchema = z
  .object({
    id: z.string().regex(CHECK_ID_PATTERN).describe('Stable id, e.g. bias.demographic-parity-ratio'),
    area: AreaSchema,
    title: z.string().min(1),
    level: CheckLevelSchema,
    status: CheckStatusSchema,
    message: z.string().describe('One line saying what was found'),
    expected: ExpectedSchema.nullable(),
    actual: CheckValueSchema,
    subject: SubjectSchema,
    evidence: z.string().describe('The figures the verdict rests on'),
    remediation: z.string().describe('What to do when the check does not pass'),
    waiver: CheckWaiverSchema.optional().describe('Present when status is waived'),
  })
  .strict();
export type Check = z.infer<typeof CheckSchema>;

/** True when the check makes the verdict FAIL: it failed at level error, or could not be evaluated at level error. */
export function isFailing(check: Check): boolean {
  return check.status === 'fail' || (check.status === 'error' && check.level === 'error');
}

/** True when the check makes the verdict PASS WITH WARNINGS. */
export function isWarning(check: Check): boolean {
  return check.status === 'warn' || (check.status === 'error' && check.level === 'warn');
}
