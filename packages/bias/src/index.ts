export {
  runBiasAudit,
  auditSource,
  type AuditHooks,
  type BiasAuditOptions,
  type BiasAuditOutcome,
} from './run-bias-audit.js';
export {
  DEFAULT_SETTINGS,
  resolveAuditSettings,
  type AuditSettings,
  type GroupThresholds,
} from './plan/audit-options.js';
export { auditCountsFile, emitAggregationSql } from './from-counts.js';
export { resolveInputFiles, globToRegExp, isGlobPattern, type InputFiles } from './sql/input-files.js';
export {
  bucketLabels,
  expandIntersections,
  groupingName,
  type Bucketing,
  type GroupingPlan,
  type IntersectionRequest,
} from './plan/grouping-plan.js';
export { readCountsTable, type CountCell, type CountsTable } from './counts/counts-table.js';
export { foldCounts, type FoldedStatistics } from './counts/fold-counts.js';
export type { AuditTiming } from '@rai-audit/core';
export {
  biasCheckDefinitions,
  biasPresets,
  DEMOGRAPHIC_PARITY_DIFFERENCE,
  DEMOGRAPHIC_PARITY_RATIO,
  MIN_GROUP_SIZE,
} from './checks/check-definitions.js';
export { evaluateBiasChecks, formatFigure } from './checks/evaluate-checks.js';
export {
  BIAS_METRIC_IDS,
  MISSING_GROUP,
  OVERALL_ATTRIBUTE,
  OVERALL_GROUP,
  computeDatasetGroupMetrics,
  computeGroupMetrics,
  computeRates,
  type ConfusionMetricId,
} from './metrics/metrics.js';
export { wilsonInterval, normalQuantile } from './metrics/wilson.js';
export { computeDemographicParity } from './metrics/parity.js';
export {
  buildAggregationSql,
  bucketLabelSql,
  outcomeSql,
  quoteIdentifier,
  quoteLiteral,
  type AggregationSpec,
  type PredictionSource,
  type ScoreBinningSpec,
  type ScoreRange,
} from './sql/aggregation-sql.js';
export {
  buildBiasSection,
  compareGroups,
  type BiasSectionInput,
  type GroupCountRow,
  type GroupCountsSectionInput,
} from './counts/bias-section.js';
export {
  classifyOutcome,
  profileOutcomeValues,
  outcomeOf,
  type DistinctValue,
  type OutcomeClassification,
  type OutcomeColumnProfile,
  type OutcomeEncoding,
} from './plan/outcome-encoding.js';
export { detectFormat, type DataFormat, type DataFormatKind } from './sql/data-format.js';
export { DuckDbSource, SOURCE_VIEW, type ColumnInfo } from './sql/duckdb-source.js';
export {
  resolveColumns,
  assertColumnChoices,
  type RequestedColumns,
  type ResolvedColumns,
} from './plan/resolve-columns.js';
export {
  chooseReferenceGroups,
  parseReferenceSpecs,
  type ReferenceSpec,
} from './metrics/reference-groups.js';
export { computeDisparities, DISPARITY_METRIC_IDS } from './metrics/disparities.js';
export { computeFairnessSummaries } from './metrics/fairness-summaries.js';
export { bootstrapIntervals } from './uncertainty/bootstrap.js';
export { attachBootstrapIntervals } from './uncertainty/attach-bootstrap-intervals.js';
export { analyzeScores, scoreMetricsKey } from './scores/score-analysis.js';
export { thresholdForTopK, thresholdForTopPercent } from './scores/score-thresholds.js';
export {
  analyzeDataset,
  datasetCheckDefinitions,
  evaluateDatasetChecks,
  PROXY_STRENGTH,
  REPRESENTATION,
} from './dataset/dataset-audit.js';
export type {
  GroupKey,
  GroupStatistics,
  ScoreBinning,
  ScoreHistogram,
} from './metrics/sufficient-statistics.js';
