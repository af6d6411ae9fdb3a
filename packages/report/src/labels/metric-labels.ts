import type { BiasMetricId, BiasSummary, BiasSummaryId } from '@rai-audit/core';
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
  auc: { short: 'AUC', long: 'Area under the ROC curve of the score' },
  mean_score: { short: 'Mean score', long: 'Mean score' },
  brier: { short: 'Brier', long: 'Brier score: mean squared difference between score and label' },
  calibration_error: {
    short: 'Calib. error',
    long: 'Calibration error: mean gap between score and observed rate over score bins',
  },
};

/** Names of the fairness summaries: short for table rows, long (with the formula) for titles. */
export const SUMMARY_LABELS: Readonly<Record<BiasSummaryId, MetricLabel>> = {
  demographic_parity_difference: {
    short: 'Demographic parity difference',
    long: 'Demographic parity difference: max − min selection rate (to overall: the largest gap to the overall rate)',
  },
  demographic_parity_ratio: {
    short: 'Demographic parity ratio',
    long: 'Demographic parity ratio: min / max selection rate (to overall: the smallest ratio to the overall rate)',
  },
  equalized_odds_difference: {
    short: 'Equalized odds difference',
    long: 'Equalized odds difference: the larger of the TPR difference and the FPR difference',
  },
  equalized_odds_ratio: {
    short: 'Equalized odds ratio',
    long: 'Equalized odds ratio: the smaller of the TPR ratio and the FPR ratio',
  },
  equal_opportunity_difference: {
    short: 'Equal opportunity difference',
    long: 'Equal opportunity difference: max − min true positive rate',
  },
  equal_opportunity_ratio: {
    short: 'Equal opportunity ratio',
    long: 'Equal opportunity ratio: min / max true positive rate',
  },
};

/** Short names of the summaries, for compact tables (Markdown). */
export const SUMMARY_SHORT_LABELS: Readonly<Record<BiasSummaryId, string>> = {
  demographic_parity_difference: 'DP diff.',
  demographic_parity_ratio: 'DP ratio',
  equalized_odds_difference: 'EO diff.',
  equalized_odds_ratio: 'EO ratio',
  equal_opportunity_difference: 'EOpp diff.',
  equal_opportunity_ratio: 'EOpp ratio',
};

export type SummaryBasis = NonNullable<BiasSummary['basis']>;

export const BASIS_LABELS: Readonly<Record<SummaryBasis, string>> = {
  'between-groups': 'Between groups',
  'to-overall': 'To overall',
};

/** A summary without a basis was taken between groups (the contract's default). */
export function summaryBasis(summary: BiasSummary): SummaryBasis {
  return summary.basis ?? 'between-groups';
}

/**
 * The per-group tables, split by what a metric is conditioned on, so no table is too wide to read: who is in the
 * data and who is selected; error rates (conditioned on the label); predictive values (conditioned on the
 * prediction); and the score metrics.
 */
export const METRIC_FAMILIES: readonly { title: string; metrics: readonly BiasMetricId[] }[] = [
  {
    title: 'Representation and selection',
    metrics: ['share', 'prevalence', 'selection_rate', 'ppr', 'accuracy'],
  },
  { title: 'Error rates (given the label)', metrics: ['tpr', 'fnr', 'fpr', 'tnr'] },
  { title: 'Predictive values (given the prediction)', metrics: ['precision', 'fdr', 'npv', 'for', 'f1'] },
  { title: 'Score metrics', metrics: ['auc', 'mean_score', 'brier', 'calibration_error'] },
];

/** Rates bounded by 0 and 1 that the small multiples draw, in this order, when present. */
export const SMALL_MULTIPLE_METRICS: readonly BiasMetricId[] = [
  'selection_rate',
  'prevalence',
  'tpr',
  'fpr',
  'precision',
  'npv',
  'accuracy',
  'share',
];

/** The disparities the strip draws (Aequitas's usual set), in this order, when present. */
export const STRIP_METRICS: readonly BiasMetricId[] = [
  'selection_rate',
  'prevalence',
  'tpr',
  'fnr',
  'fpr',
  'precision',
  'fdr',
  'for',
];

/** Every metric id in the documented order (the contract's), restricted to those present. */
export function documentedOrder(present: ReadonlySet<BiasMetricId>): BiasMetricId[] {
  return BiasMetricIdSchema.options.filter((id) => present.has(id));
}
