/**
 * Metrics, disparities and summaries for the full-featured reporter fixtures (not exported from index.ts), derived
 * from confusion counts the way the bias package derives them, so every table and chart of a fixture agrees.
 */
import type {
  BiasMetricId,
  BiasSummary,
  BiasSummaryId,
  ConfusionCounts,
  Disparity,
  GroupMetrics,
  Interval,
  MetricValue,
  ParityVerdict,
} from '@rai-audit/core';

const Z = 1.959964;

function wilson(successes: number, trials: number): Interval {
  const p = successes / trials;
  const z2 = Z * Z;
  const center = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (Z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    lower: Math.max(0, center - half),
    upper: Math.min(1, center + half),
    level: 0.95,
    method: 'wilson',
  };
}

/** A rate with its Wilson interval, or undefined with the reason. */
export function rateOf(numerator: number, denominator: number, reason: string): MetricValue {
  if (denominator === 0) return { value: null, numerator, denominator, reason };
  return { value: numerator / denominator, numerator, denominator, interval: wilson(numerator, denominator) };
}

/** Every confusion-count metric of docs/metrics.md; share and ppr against the given totals. */
export function confusionMetrics(
  counts: ConfusionCounts,
  totals: { n: number; predictedPositive: number },
): Partial<Record<BiasMetricId, MetricValue>> {
  const { tp, fp, tn, fn } = counts;
  const n = tp + fp + tn + fn;
  const f1 = 2 * tp + fp + fn;
  return {
    share: rateOf(n, totals.n, 'the data has no rows'),
    prevalence: rateOf(tp + fn, n, 'no rows (n = 0)'),
    selection_rate: rateOf(tp + fp, n, 'no rows (n = 0)'),
    ppr: rateOf(tp + fp, totals.predictedPositive, 'no predicted positives overall'),
    accuracy: rateOf(tp + tn, n, 'no rows (n = 0)'),
    tpr: rateOf(tp, tp + fn, 'no actual positives (TP+FN = 0)'),
    fnr: rateOf(fn, tp + fn, 'no actual positives (TP+FN = 0)'),
    fpr: rateOf(fp, fp + tn, 'no actual negatives (FP+TN = 0)'),
    tnr: rateOf(tn, fp + tn, 'no actual negatives (FP+TN = 0)'),
    precision: rateOf(tp, tp + fp, 'no predicted positives (TP+FP = 0)'),
    fdr: rateOf(fp, tp + fp, 'no predicted positives (TP+FP = 0)'),
    npv: rateOf(tn, tn + fn, 'no predicted negatives (TN+FN = 0)'),
    for: rateOf(fn, tn + fn, 'no predicted negatives (TN+FN = 0)'),
    f1:
      f1 === 0
        ? { value: null, reason: 'no actual or predicted positives (2TP+FP+FN = 0)' }
        : { value: (2 * tp) / f1, numerator: 2 * tp, denominator: f1 },
  };
}

function bootstrap(lower: number, upper: number): Interval {
  return { lower, upper, level: 0.95, method: 'bootstrap' };
}

/** A disparity of one metric against the reference, with delta-method stand-ins for bootstrap intervals. */
function disparityOf(
  metric: MetricValue | undefined,
  reference: MetricValue | undefined,
  verdictFor: (ratio: number) => ParityVerdict,
): Disparity {
  const value = metric?.value ?? null;
  const base = reference?.value ?? null;
  if (value === null || base === null || base === 0) {
    const reason =
      value === null
        ? 'the metric has no value for this group'
        : 'the reference group’s metric is 0 or missing';
    return { ratio: { value: null, reason }, difference: { value: null, reason }, parity: 'undefined' };
  }
  const ratio = value / base;
  const spread =
    Z * Math.sqrt(1 / Math.max(1, metric?.numerator ?? 1) + 1 / Math.max(1, reference?.numerator ?? 1));
  const difference = value - base;
  const half =
    Z *
    Math.sqrt(
      (value * (1 - value)) / Math.max(1, metric?.denominator ?? 1) +
        (base * (1 - base)) / Math.max(1, reference?.denominator ?? 1),
    );
  return {
    ratio: { value: ratio, interval: bootstrap(ratio * Math.exp(-spread), ratio * Math.exp(spread)) },
    difference: { value: difference, interval: bootstrap(difference - half, difference + half) },
    parity: verdictFor(ratio),
  };
}

/** Copies of the groups of one attribute with disparities against its largest group, flags and verdicts set. */
export function withDisparities(
  groups: readonly GroupMetrics[],
  settings: { tau: number; minGroupSize: number },
  metrics: readonly BiasMetricId[],
): GroupMetrics[] {
  const reference = groups.reduce((a, b) => (b.n > a.n ? b : a));
  return groups.map((row) => {
    const isReference = row === reference;
    const small = row.n < settings.minGroupSize;
    const verdictFor = (ratio: number): ParityVerdict =>
      isReference
        ? 'reference'
        : small
          ? 'insufficient-data'
          : ratio >= settings.tau && ratio <= 1 / settings.tau
            ? 'pass'
            : 'fail';
    const disparities: Partial<Record<BiasMetricId, Disparity>> = {};
    for (const id of metrics) {
      if (row.metrics[id] === undefined) continue;
      disparities[id] = disparityOf(row.metrics[id], reference.metrics[id], verdictFor);
    }
    return { ...row, reference: isReference, smallGroup: small, disparities };
  });
}

const SUMMARY_METRICS: readonly [BiasSummaryId, BiasMetricId[]][] = [
  ['demographic_parity_difference', ['selection_rate']],
  ['demographic_parity_ratio', ['selection_rate']],
  ['equalized_odds_difference', ['tpr', 'fpr']],
  ['equalized_odds_ratio', ['tpr', 'fpr']],
  ['equal_opportunity_difference', ['tpr']],
  ['equal_opportunity_ratio', ['tpr']],
];

function spreadOf(groups: readonly GroupMetrics[], id: BiasMetricId, overall: GroupMetrics | null) {
  const rates = groups.flatMap((g) =>
    g.metrics[id]?.value == null ? [] : [{ group: g.group, value: g.metrics[id].value }],
  );
  if (rates.length < 2) return null;
  const highest = rates.reduce((a, b) => (b.value > a.value ? b : a));
  const lowest = rates.reduce((a, b) => (b.value < a.value ? b : a));
  const o = overall?.metrics[id]?.value ?? null;
  if (overall !== null && o !== null) {
    const difference = Math.max(highest.value - o, o - lowest.value);
    const ratio = o === 0 ? null : Math.min(lowest.value / o, highest.value === 0 ? 1 : o / highest.value);
    return { highest, lowest, difference, ratio };
  }
  return {
    highest,
    lowest,
    difference: highest.value - lowest.value,
    ratio: highest.value === 0 ? null : lowest.value / highest.value,
  };
}

/** All six summaries, between groups and to overall, with bootstrap-style intervals. */
export function summariesOf(
  attribute: string,
  groups: readonly GroupMetrics[],
  overall: GroupMetrics,
): BiasSummary[] {
  return (['between-groups', 'to-overall'] as const).flatMap((basis) =>
    SUMMARY_METRICS.map(([summary, ids]) => {
      const spreads = ids.map((id) => spreadOf(groups, id, basis === 'to-overall' ? overall : null));
      const first = spreads[0];
      const metric = ids[0] ?? 'selection_rate';
      if (first === null || first === undefined || spreads.some((s) => s === null)) {
        return {
          attribute,
          summary,
          metric,
          basis,
          value: null,
          reason: 'fewer than two groups with a defined rate',
        };
      }
      const isRatio = summary.endsWith('_ratio');
      const values = spreads.map((s) => (isRatio ? (s?.ratio ?? null) : (s?.difference ?? null)));
      if (values.some((v) => v === null)) {
        return { attribute, summary, metric, basis, value: null, reason: 'every group has rate 0 (0/0)' };
      }
      const numbers = values as number[];
      const value = isRatio ? Math.min(...numbers) : Math.max(...numbers);
      const half = isRatio ? 0.06 : 0.03;
      return {
        attribute,
        summary,
        metric,
        basis,
        value,
        interval: bootstrap(Math.max(0, value - half), value + half),
        highest: first.highest,
        lowest: first.lowest,
      };
    }),
  );
}
