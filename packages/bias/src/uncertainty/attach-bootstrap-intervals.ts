import type { BiasMetricId, BiasSummary, Disparity, Estimate, GroupMetrics, Interval } from '@rai-audit/core';
import { disparityKey, groupKey, summaryKey, type BootstrapResult } from './bootstrap.js';

/** The estimate with its interval, or, when its value is defined but has none, the reason (no NaN, no guess). */
function withInterval(
  estimate: Estimate,
  interval: Interval | undefined,
  omitted: string | undefined,
): Estimate {
  if (estimate.value === null) return estimate;
  if (interval) return { ...estimate, interval };
  return omitted ? { ...estimate, reason: omitted } : estimate;
}

function groupWithIntervals(group: GroupMetrics, result: BootstrapResult): GroupMetrics {
  if (!group.disparities || group.reference) return group;
  const found = result.disparities.get(groupKey(group.attribute, group.group));
  const disparities: Partial<Record<BiasMetricId, Disparity>> = {};
  for (const [id, disparity] of Object.entries(group.disparities) as Array<[BiasMetricId, Disparity]>) {
    const intervals = found?.[id];
    const reason = (kind: 'ratio' | 'difference'): string | undefined =>
      result.omitted.get(disparityKey(group.attribute, group.group, id, kind));
    disparities[id] = {
      ...disparity,
      ratio: withInterval(disparity.ratio, intervals?.ratio, reason('ratio')),
      difference: withInterval(disparity.difference, intervals?.difference, reason('difference')),
    };
  }
  return { ...group, disparities };
}

function summaryWithInterval(summary: BiasSummary, result: BootstrapResult): BiasSummary {
  if (summary.value === null) return summary;
  const key = summaryKey(summary.attribute, summary.summary, summary.basis ?? 'between-groups');
  const interval = result.summaries.get(key);
  if (interval) return { ...summary, interval };
  const omitted = result.omitted.get(key);
  return omitted ? { ...summary, reason: omitted } : summary;
}

/**
 * Copies of the groups and summaries with the bootstrap intervals of bootstrapIntervals attached to every defined
 * disparity ratio and difference and every defined summary; where a defined value got no interval, `reason` says why.
 */
export function attachBootstrapIntervals(
  groups: readonly GroupMetrics[],
  summaries: readonly BiasSummary[],
  result: BootstrapResult,
): { groups: GroupMetrics[]; summaries: BiasSummary[] } {
  return {
    groups: groups.map((group) => groupWithIntervals(group, result)),
    summaries: summaries.map((summary) => summaryWithInterval(summary, result)),
  };
}
