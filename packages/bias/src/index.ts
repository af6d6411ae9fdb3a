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
} from './audit-options.js';
export { auditCountsFile, emitAggregationSql } from './from-counts.js';
export { resolveInputFiles, globToRegExp, isGlobPattern, type InputFiles } from './input-files.js';
export {
  bucketLabels,
  expandIntersections,
  groupingName,
  type Bucketing,
  type GroupingPlan,
  type IntersectionRequest,
} from './grouping-plan.js';
export { readCountsTable, type CountCell, type CountsTable } from './counts-table.js';
export { foldCounts, type FoldedStatistics } from './fold-counts.js';
export type { AuditTiming } from '@rai-audit/core';
export {
  biasCheckDefinitions,
  biasPresets,
  DEMOGRAPHIC_PARITY_DIFFERENCE,
  DEMOGRAPHIC_PARITY_RATIO,
  MIN_GROUP_SIZE,
} from './check-definitions.js';
export { evaluateBiasChecks, formatFigure } from './evaluate-checks.js';
export {
  BIAS_METRIC_IDS,
  MISSING_GROUP,
  OVERALL_ATTRIBUTE,
  OVERALL_GROUP,
  computeDatasetGroupMetrics,
  computeGroupMetrics,
  computeRates,
  type ConfusionMetricId,
} from './metrics.js';
export { wilsonInterval, normalQuantile } from './wilson.js';
export { computeDemographicParity } from './parity.js';
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
} from './aggregation-sql.js';
export {
  buildBiasSection,
  compareGroups,
  type BiasSectionInput,
  type GroupCountRow,
  type GroupCountsSectionInput,
} from './bias-section.js';
export {
  classifyOutcome,
  profileOutcomeValues,
  outcomeOf,
  type DistinctValue,
  type OutcomeClassification,
  type OutcomeColumnProfile,
  type OutcomeEncoding,
} from './outcome-encoding.js';
export { detectFormat, type DataFormat, type DataFormatKind } from './data-format.js';
export { DuckDbSource, SOURCE_VIEW, type ColumnInfo } from './duckdb-source.js';
export {
  resolveColumns,
  assertColumnChoices,
  type RequestedColumns,
  type ResolvedColumns,
} from './resolve-columns.js';
export { chooseReferenceGroups, parseReferenceSpecs, type ReferenceSpec } from './reference-groups.js';
export { computeDisparities, DISPARITY_METRIC_IDS } from './disparities.js';
export { computeFairnessSummaries } from './fairness-summaries.js';
export { bootstrapIntervals } from './bootstrap.js';
export { attachBootstrapIntervals } from './attach-bootstrap-intervals.js';
export { analyzeScores, scoreMetricsKey } from './score-analysis.js';
export { thresholdForTopK, thresholdForTopPercent } from './score-thresholds.js';
export {
  analyzeDataset,
  datasetCheckDefinitions,
  evaluateDatasetChecks,
  PROXY_STRENGTH,
  REPRESENTATION,
} from './dataset-audit.js';
export type { GroupKey, GroupStatistics, ScoreBinning, ScoreHistogram } from './sufficient-statistics.js';
