import type { BiasMetricId, BiasSummaryId } from '@rai-audit/core';
import { BiasMetricIdSchema } from '@rai-audit/core';

export interface MetricLabel {
  /** A column header. */
  readonly short: string;
  /** The full name, for titles and captions. */
  readonly long: string;
}

/** Names of the bias metrics as docs/metrics.md defines them. */
export const METRIC_LABELS: Readonly<Record<BiasMetricId, MetricLabel>> = {
  selection_rate: { short: 'Selection rate', long: 'Selection rate (TP+FP)/n' },
  prevalence: { short: 'Prevalence', long: 'Prevalence (base rate) (TP+FN)/n' },
  accuracy: { short: 'Accuracy', long: 'Accuracy (TP+TN)/n' },
  tpr: { short: 'TPR', long: 'True positive rate TP/(TP+FN)' },
  fpr: { short: 'FPR', long: 'False positive rate FP/(FP+TN)' },
  tnr: { short: 'TNR', long: 'True negative rate TN/(FP+TN)' },
  fnr: { short: 'FNR', long: 'False negative rate FN/(TP+FN)' },
  precision: { short: 'Precision', long: 'Precision (PPV) TP/(TP+FP)' },
  npv: { short: 'NPV', long: 'Negative predictive value TN/(TN+FN)' },
  fdr: { short: 'FDR', long: 'False discovery rate FP/(TP+FP)' },
  for: { short: 'FOR', long: 'False omission rate FN/(TN+FN)' },
  f1: { short: 'F1', long: 'F1 score' },
  ppr: { short: 'PPR', long: 'Share of predicted positives (group TP+FP over all TP+FP)' },
  share: { short: 'Share', long: 'Share of rows' },
};

export const SUMMARY_LABELS: Readonly<Record<BiasSummaryId, string>> = {
  demographic_parity_difference: 'Demographic parity difference (max − min)',
  demographic_parity_ratio: 'Demographic parity ratio (min / max)',
};

/** The metrics the tables lead with; any other metric present follows in the documented order. */
const LEADING_METRICS: readonly BiasMetricId[] = ['selection_rate', 'accuracy', 'tpr', 'fpr'];

/** The metric columns for a set of rows: the leading metrics, then every other metric present, in a fixed order. */
export function metricColumns(present: ReadonlySet<BiasMetricId>): BiasMetricId[] {
  const rest = BiasMetricIdSchema.options.filter((id) => !LEADING_METRICS.includes(id));
  return [...LEADING_METRICS, ...rest].filter((id) => present.has(id));
}
