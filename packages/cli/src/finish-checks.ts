import {
  applyOverrides,
  applyWaivers,
  type Check,
  type ResolvedPolicy,
  type RunWarning,
} from '@rai-audit/core';

/**
 * The policy's last word on the computed checks: per-path levels (`overrides`), then waivers as of the run's date
 * (SOURCE_DATE_EPOCH when set), so that a re-run of an old result judges its waivers as of that day.
 */
export async function finishChecks(
  checks: readonly Check[],
  policy: ResolvedPolicy,
  createdAt: Date,
): Promise<{ checks: Check[]; warnings: RunWarning[] }> {
  let levelled = [...checks];
  if (policy.overrides?.length) {
    const { default: picomatch } = await import('picomatch');
    const cache = new Map<string, (path: string) => boolean>();
    const matches = (file: string, glob: string): boolean => {
      let matcher = cache.get(glob);
      if (!matcher) cache.set(glob, (matcher = picomatch(glob, { dot: true })));
      return matcher(file.replace(/^(\.\/)+/, ''));
    };
    levelled = applyOverrides(levelled, policy.overrides, matches);
  }
  if (!policy.waivers?.length) return { checks: levelled, warnings: [] };
  return applyWaivers(levelled, policy.waivers, createdAt.toISOString().slice(0, 10));
}
