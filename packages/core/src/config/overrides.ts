import { z } from 'zod';
import { CheckLevelSchema, type Check, type CheckLevel } from '../check.js';

/**
 * Per-path levels: for checks about a file (assets, cards, ledgers) whose path matches one of `files`, the listed
 * checks take another level, e.g. legacy images that may lack credentials. Later overrides win. Only levels change:
 * options change what is computed and belong to `checks`.
 */
export const PolicyOverrideSchema = z
  .object({
    files: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .describe('Globs matched against the check subject file, relative to the working directory'),
    checks: z.record(z.string(), CheckLevelSchema).describe('Check id → level for those files'),
  })
  .strict();
export type PolicyOverride = z.infer<typeof PolicyOverrideSchema>;

/** The status a finished check has at another level: a failure is `fail` at error, `warn` at warn. */
function relevel(check: Check, level: CheckLevel): Check {
  const failed = check.status === 'fail' || check.status === 'warn';
  const status = failed ? (level === 'error' ? 'fail' : 'warn') : check.status;
  return { ...check, level, status };
}

/**
 * Applies the overrides to the checks; `matches(file, glob)` is the glob matcher. A check set to `off` is removed,
 * as a check whose level is off is never reported.
 */
export function applyOverrides(
  checks: readonly Check[],
  overrides: readonly PolicyOverride[],
  matches: (file: string, glob: string) => boolean,
): Check[] {
  if (overrides.length === 0) return [...checks];
  return checks.flatMap((check) => {
    const file = check.subject.file;
    if (file === undefined) return [check];
    let level: CheckLevel | undefined;
    for (const override of overrides) {
      const globs = [override.files].flat();
      const wanted = override.checks[check.id];
      if (wanted !== undefined && globs.some((glob) => matches(file, glob))) level = wanted;
    }
    if (level === undefined || level === check.level) return [check];
    return level === 'off' ? [] : [relevel(check, level)];
  });
}
