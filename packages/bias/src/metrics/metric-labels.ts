import type { BiasMetricId } from '@rai-audit/core';

// Short names for messages and evidence: the abbreviations practitioners read in Fairlearn and Aequitas output.
const LABELS: Record<BiasMetricId, string> = {
  share: 'share of rows',
  prevalence: 'base rate',
  selection_rate: 'selection rate',
  ppr: 'share of predicted positives',
  accuracy: 'accuracy',
  tpr: 'TPR',
  fpr: 'FPR',
  tnr: 'TNR',
  fnr: 'FNR',
  precision: 'precision',
  npv: 'NPV',
  fdr: 'FDR',
  for: 'FOR',
  f1: 'F1',
  auc: 'AUC',
  mean_score: 'mean score',
  brier: 'Brier score',
  calibration_error: 'calibration error',
};

/** The short name of a metric for messages ("TPR", "selection rate"). */
export function metricLabel(metric: BiasMetricId): string {
  return LABELS[metric];
}
