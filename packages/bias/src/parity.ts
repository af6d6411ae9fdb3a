import type { BiasSummary, GroupMetrics } from '@rai-audit/core';

interface RatedGroup {
  group: string;
  value: number;
}

/** The groups with the highest and the lowest value; ties go to the group that comes first in table order. */
function extremes(rated: readonly RatedGroup[]): { highest: RatedGroup; lowest: RatedGroup } | undefined {
  const [first, ...rest] = rated;
  if (!first) return undefined;
  let highest = first;
  let lowest = first;
  for (const entry of rest) {
    if (entry.value > highest.value) highest = entry;
    if (entry.value < lowest.value) lowest = entry;
  }
  return { highest, lowest };
}

function undefinedReason(groupCount: number, definedCount: number): string {
  if (groupCount < 2) return 'only one group';
  return definedCount === 0
    ? 'no group has a defined selection rate'
    : 'only one group has a defined selection rate';
}

/**
 * Demographic parity of one attribute across its groups (Fairlearn's between-groups convention):
 * difference = max SR − min SR and ratio = min SR / max SR, over the groups whose selection rate is defined.
 */
export function computeDemographicParity(attribute: string, groups: readonly GroupMetrics[]): BiasSummary[] {
  const ofAttribute = groups.filter((g) => g.attribute === attribute);
  const rated: RatedGroup[] = [];
  for (const g of ofAttribute) {
    const value = g.metrics.selection_rate?.value;
    if (typeof value === 'number') rated.push({ group: g.group, value });
  }
  const base = { attribute, metric: 'selection_rate' as const };
  const ends = rated.length >= 2 ? extremes(rated) : undefined;
  if (!ends) {
    const reason = undefinedReason(ofAttribute.length, rated.length);
    return [
      { ...base, summary: 'demographic_parity_difference', value: null, reason },
      { ...base, summary: 'demographic_parity_ratio', value: null, reason },
    ];
  }
  const { highest, lowest } = ends;
  const named = { highest: { ...highest }, lowest: { ...lowest } };
  const difference: BiasSummary = {
    ...base,
    summary: 'demographic_parity_difference',
    value: highest.value - lowest.value,
    ...named,
  };
  const ratio: BiasSummary =
    highest.value === 0
      ? {
          ...base,
          summary: 'demographic_parity_ratio',
          value: null,
          reason: 'every group has selection rate 0, so min/max is 0/0',
          ...named,
        }
      : { ...base, summary: 'demographic_parity_ratio', value: lowest.value / highest.value, ...named };
  return [difference, ratio];
}
