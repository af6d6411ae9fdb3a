import { z } from 'zod';
import {
  CHECK_ID_PATTERN,
  SubjectSchema,
  type Area,
  type Check,
  type CheckWaiver,
  type Subject,
} from '../check.js';
import type { RunWarning } from '../result.js';

/**
 * A waiver accepts one known failure for a while: a check id, the subject it is about (every key given must equal
 * the check's), why, who owns it and until when. A waived failure is reported as `waived`, never hidden; after its
 * expiry date the waiver stops applying and is itself a failing check, so that waivers cannot be forgotten.
 */
export const WaiverSchema = z
  .object({
    check: z.string().regex(CHECK_ID_PATTERN, 'expected a check id such as bias.demographic-parity-ratio'),
    subject: SubjectSchema.optional().describe(
      'Which results of the check it covers: every key given must equal the check subject (no subject: all)',
    ),
    reason: z.string().min(1).describe('Why the failure is accepted for now'),
    owner: z.string().min(1).describe('Who answers for the waiver (a person or a team)'),
    expires: z.iso.date().describe('Last day the waiver applies (YYYY-MM-DD, UTC); after it, the run fails'),
  })
  .strict();
export type Waiver = z.infer<typeof WaiverSchema>;

/** A waiver with the area of its check, from the catalog, so that an expired one is reported in that area. */
export interface ResolvedWaiver extends Waiver {
  area: Area;
}

export const WAIVER_EXPIRED_CHECK_ID = 'policy.waiver-expired';

function subjectMatches(wanted: Subject | undefined, subject: Subject): boolean {
  if (wanted === undefined) return true;
  return (Object.keys(wanted) as Array<keyof Subject>).every((key) => wanted[key] === subject[key]);
}

function describeWaiverSubject(subject: Subject | undefined): string {
  if (subject === undefined) return 'every subject';
  return Object.entries(subject)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
}

function waivable(check: Check): check is Check & { status: CheckWaiver['status'] } {
  return check.status === 'fail' || check.status === 'warn' || check.status === 'error';
}

function expiredCheck(waiver: ResolvedWaiver, today: string, covered: number): Check {
  return {
    id: WAIVER_EXPIRED_CHECK_ID,
    area: waiver.area,
    title: 'Waiver has not expired',
    level: 'error',
    status: 'fail',
    message: `the waiver of ${waiver.check} (${describeWaiverSubject(waiver.subject)}) owned by ${waiver.owner} expired on ${waiver.expires}`,
    expected: { operator: '>=', value: today },
    actual: waiver.expires,
    subject: { field: `waivers[${waiver.check}]` },
    evidence: `reason given: ${waiver.reason}; ${covered} result(s) of the check would have been waived`,
    remediation: `Fix the finding, or ask ${waiver.owner} to renew the waiver with a new expiry date`,
  };
}

/**
 * Applies the waivers to the checks as of `today` (YYYY-MM-DD): an unexpired waiver turns each matching check that
 * did not pass into `waived` (keeping its old status in `waiver.status`); an expired waiver leaves its checks as
 * they are and adds a failing `policy.waiver-expired` check. A waiver that matches nothing gives a run warning.
 */
export function applyWaivers(
  checks: readonly Check[],
  waivers: readonly ResolvedWaiver[],
  today: string,
): { checks: Check[]; warnings: RunWarning[] } {
  const out = [...checks];
  const extra: Check[] = [];
  const warnings: RunWarning[] = [];
  for (const waiver of waivers) {
    const matching = out.flatMap((check, index) =>
      check.id === waiver.check && subjectMatches(waiver.subject, check.subject) ? [index] : [],
    );
    const failing = matching.filter((index) => waivable(out[index]!));
    if (waiver.expires < today) {
      extra.push(expiredCheck(waiver, today, failing.length));
      continue;
    }
    if (matching.length === 0) {
      warnings.push({
        code: 'waiver-unused',
        message: `the waiver of ${waiver.check} (${describeWaiverSubject(waiver.subject)}) matches no check of this run; remove it if the finding is gone`,
      });
    }
    for (const index of failing) {
      const check = out[index]! as Check & { status: CheckWaiver['status'] };
      out[index] = {
        ...check,
        status: 'waived',
        message: `waived until ${waiver.expires} (${waiver.owner}): ${check.message}`,
        waiver: { reason: waiver.reason, owner: waiver.owner, expires: waiver.expires, status: check.status },
      };
    }
  }
  return { checks: [...out, ...extra], warnings };
}
