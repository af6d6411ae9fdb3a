import type { BiasMetricId, BiasSummary, BiasSummaryId, GroupMetrics } from '@rai-audit/core';
import { metricLabel } from './metric-labels.js';
import { SUMMARY_BASES, equalizedOdds, spreadOf, type Spread, type SummaryBasis } from './summary-spread.js';

interface RatedGroup {
  group: string;
  value: number;
}

/** One rate's spread across the groups, with the reasons when it is undefined and the extreme groups. */
interface MetricSpread {
  metric: BiasMetricId;
  spread: Spread;
  reasons: { difference: string; ratio: string };
  highest?: RatedGroup;
  lowest?: RatedGroup;
}

const valueOf = (group: GroupMetrics | undefined, metric: BiasMetricId): number => {
  const value = group?.metrics[metric]?.value;
  return typeof value === 'number' ? value : NaN;
};

/** The groups with the highest and the lowest defined value; ties go to the first in table order. */
function extremes(groups: readonly GroupMetrics[], metric: BiasMetricId) {
  let highest: RatedGroup | undefined;
  let lowest: RatedGroup | undefined;
  for (const g of groups) {
    const value = valueOf(g, metric);
    if (Number.isNaN(value)) continue;
    if (!highest || value > highest.value) highest = { group: g.group, value };
    if (!lowest || value < lowest.value) lowest = { group: g.group, value };
  }
  return { highest, lowest };
}

function reasonsFor(
  groups: readonly GroupMetrics[],
  metric: BiasMetricId,
  basis: SummaryBasis,
  overall: GroupMetrics | undefined,
  maximum: number | undefined,
): MetricSpread['reasons'] {
  const label = metricLabel(metric);
  const defined = groups.filter((g) => !Number.isNaN(valueOf(g, metric))).length;
  let common: string | undefined;
  if (groups.length < 2) common = 'only one group';
  else if (defined === 0) common = `no group has a defined ${label}`;
  else if (defined === 1) common = `only one group has a defined ${label}`;
  if (common) return { difference: common, ratio: common };
  if (basis === 'between-groups') {
    const zero = maximum === 0 ? `every group has ${label} 0, so min/max is 0/0` : '';
    return { difference: '', ratio: zero };
  }
  const overallValue = overall?.metrics[metric];
  if (typeof overallValue?.value !== 'number') {
    const why = `the overall ${label} is undefined (${overallValue?.reason ?? 'not computed'})`;
    return { difference: why, ratio: why };
  }
  return { difference: '', ratio: `the overall ${label} is 0, so the ratio to it is undefined` };
}

function metricSpread(
  groups: readonly GroupMetrics[],
  metric: BiasMetricId,
  basis: SummaryBasis,
  overall: GroupMetrics | undefined,
): MetricSpread {
  const spread = spreadOf(
    groups.map((g) => valueOf(g, metric)),
    valueOf(overall, metric),
    basis,
  );
  const { highest, lowest } = extremes(groups, metric);
  const reasons = reasonsFor(groups, metric, basis, overall, highest?.value);
  return { metric, spread, reasons, highest, lowest };
}

function entry(
  attribute: string,
  summary: BiasSummaryId,
  basis: SummaryBasis,
  source: MetricSpread,
  kind: 'difference' | 'ratio',
): BiasSummary {
  const value = source.spread[kind];
  const named = {
    ...(source.highest && { highest: { ...source.highest } }),
    ...(source.lowest && { lowest: { ...source.lowest } }),
  };
  const base = { attribute, summary, metric: source.metric, basis };
  return Number.isNaN(value)
    ? { ...base, value: null, reason: source.reasons[kind], ...named }
    : { ...base, value, ...named };
}

/** The component of equalized odds that decides the value (or is undefined): TPR on ties. */
function bindingComponent(tpr: MetricSpread, fpr: MetricSpread, kind: 'difference' | 'ratio'): MetricSpread {
  const [a, b] = [tpr.spread[kind], fpr.spread[kind]];
  if (Number.isNaN(a)) return tpr;
  if (Number.isNaN(b)) return fpr;
  return (kind === 'difference' ? b > a : b < a) ? fpr : tpr;
}

function equalizedOddsEntries(attribute: string, basis: SummaryBasis, tpr: MetricSpread, fpr: MetricSpread) {
  const combined = equalizedOdds(tpr.spread, fpr.spread);
  return (['difference', 'ratio'] as const).map((kind) => {
    const binding = bindingComponent(tpr, fpr, kind);
    const reason = binding.reasons[kind];
    const prefixed = reason === 'only one group' ? reason : `${metricLabel(binding.metric)}: ${reason}`;
    const source = { ...binding, spread: combined, reasons: { difference: prefixed, ratio: prefixed } };
    const id = kind === 'difference' ? 'equalized_odds_difference' : 'equalized_odds_ratio';
    return entry(attribute, id, basis, source, kind);
  });
}

/** True when some group carries the metric at all (a dataset audit has no selection rate, TPR or FPR). */
const computed = (groups: readonly GroupMetrics[], metric: BiasMetricId): boolean =>
  groups.some((g) => g.metrics[metric] !== undefined);

function summariesForBasis(
  attribute: string,
  groups: readonly GroupMetrics[],
  basis: SummaryBasis,
  overall: GroupMetrics | undefined,
  carried: readonly GroupMetrics[] = groups,
): BiasSummary[] {
  const out: BiasSummary[] = [];
  if (computed(carried, 'selection_rate')) {
    const sr = metricSpread(groups, 'selection_rate', basis, overall);
    out.push(entry(attribute, 'demographic_parity_difference', basis, sr, 'difference'));
    out.push(entry(attribute, 'demographic_parity_ratio', basis, sr, 'ratio'));
  }
  if (computed(carried, 'tpr') && computed(carried, 'fpr')) {
    const tpr = metricSpread(groups, 'tpr', basis, overall);
    out.push(...equalizedOddsEntries(attribute, basis, tpr, metricSpread(groups, 'fpr', basis, overall)));
    out.push(entry(attribute, 'equal_opportunity_difference', basis, tpr, 'difference'));
    out.push(entry(attribute, 'equal_opportunity_ratio', basis, tpr, 'ratio'));
  }
  return out;
}

/** "fewer than two groups have n ≥ 30" instead of "only one group" when the minimum group size left some out. */
function sharpenReason(reason: string | undefined, minGroupSize: number): string | undefined {
  return reason?.replace(/^(TPR: |FPR: )?only one group$/, `fewer than two groups have n ≥ ${minGroupSize}`);
}

/**
 * Fairlearn-style summaries of one attribute (an intersection is an attribute `a+b`): demographic parity (selection
 * rate), equalized odds (TPR and FPR) and equal opportunity (TPR), each as difference and ratio, first between groups
 * and then to the overall row. Undefined values are null with the reason; groups with an undefined rate are left out
 * of its max and min (Fairlearn counts them as 0). Summaries whose rates no group carries are omitted. Groups under
 * `minGroupSize` rows are left out (0, the default, keeps every group as Fairlearn does) and `groups` names them.
 */
export function computeFairnessSummaries(
  attribute: string,
  groups: readonly GroupMetrics[],
  overall: GroupMetrics,
  minGroupSize = 0,
): BiasSummary[] {
  const ofAttribute = groups.filter((g) => g.attribute === attribute);
  const compared = ofAttribute.filter((g) => g.n >= minGroupSize);
  const summaries = SUMMARY_BASES.flatMap((basis) =>
    summariesForBasis(attribute, compared, basis, overall, ofAttribute),
  );
  if (compared.length === ofAttribute.length) return summaries;
  const leftOut = ofAttribute.filter((g) => g.n < minGroupSize).map((g) => ({ group: g.group, n: g.n }));
  const groupsNote = { compared: compared.length, total: ofAttribute.length, leftOut };
  return summaries.map((summary) => {
    const reason = ofAttribute.length < 2 ? summary.reason : sharpenReason(summary.reason, minGroupSize);
    return { ...summary, ...(reason !== undefined && { reason }), groups: groupsNote };
  });
}

/** The between-groups summaries only (no overall row needed): what computeDemographicParity builds on. */
export function computeBetweenGroupsSummaries(
  attribute: string,
  groups: readonly GroupMetrics[],
): BiasSummary[] {
  const ofAttribute = groups.filter((g) => g.attribute === attribute);
  return summariesForBasis(attribute, ofAttribute, 'between-groups', undefined);
}
