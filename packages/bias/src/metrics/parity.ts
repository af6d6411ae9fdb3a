import type { BiasSummary, GroupMetrics } from '@rai-audit/core';
import { computeBetweenGroupsSummaries } from './fairness-summaries.js';

/**
 * Demographic parity of one attribute across its groups (Fairlearn's between-groups convention):
 * difference = max SR − min SR and ratio = min SR / max SR, over the groups whose selection rate is defined.
 * Kept for callers of the first slice; computeFairnessSummaries gives these and the other summaries.
 */
export function computeDemographicParity(attribute: string, groups: readonly GroupMetrics[]): BiasSummary[] {
  const summaries = computeBetweenGroupsSummaries(attribute, groups).filter(
    (s) => s.summary === 'demographic_parity_difference' || s.summary === 'demographic_parity_ratio',
  );
  if (summaries.length > 0) return summaries;
  // No group carries a selection rate at all: still answer, as the first slice did, with both undefined.
  const base = { attribute, metric: 'selection_rate' as const, basis: 'between-groups' as const };
  const reason = groups.some((g) => g.attribute === attribute)
    ? 'no group has a defined selection rate'
    : 'only one group';
  return [
    { ...base, summary: 'demographic_parity_difference', value: null, reason },
    { ...base, summary: 'demographic_parity_ratio', value: null, reason },
  ];
}
