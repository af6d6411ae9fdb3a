// The package's public API: what the CLI uses and what README.md documents. Everything else is internal; tests
// import it from its module. The check definitions alone, without DuckDB, are the entry `@rai-audit/bias/checks`.

// The audit (README "API").
export {
  runBiasAudit,
  checkBiasAuditOptions,
  type AuditHooks,
  type BiasAuditOptions,
  type BiasAuditOutcome,
} from './run-bias-audit.js';
export type { GroupThresholds } from './plan/audit-options.js';
export type { AuditTiming } from '@rai-audit/core';
export { auditCountsFile, emitAggregationSql } from './from-counts.js';
export { resolveInputFiles, type InputFiles } from './sql/input-files.js';
export { DuckDbSource } from './sql/duckdb-source.js';

// Options as the CLI parses them.
export { expandIntersections, groupingName, type IntersectionRequest } from './plan/grouping-plan.js';
export { parseReferenceSpecs, type ReferenceSpec } from './metrics/reference-groups.js';

// The aggregation and its counts table (docs/metrics.md, README "The counts table").
export { buildAggregationSql, type AggregationSpec } from './sql/aggregation-sql.js';
export { readCountsTable, type CountCell, type CountsTable } from './counts/counts-table.js';
export { foldCounts, type FoldedStatistics } from './counts/fold-counts.js';
export type {
  GroupKey,
  GroupStatistics,
  ScoreBinning,
  ScoreHistogram,
} from './metrics/sufficient-statistics.js';

// The pure statistics, each usable on its own.
export {
  MISSING_GROUP,
  OVERALL_ATTRIBUTE,
  OVERALL_GROUP,
  computeDatasetGroupMetrics,
  computeGroupMetrics,
  computeRates,
} from './metrics/metrics.js';
export { chooseReferenceGroups } from './metrics/reference-groups.js';
export { computeDisparities } from './metrics/disparities.js';
export { computeFairnessSummaries } from './metrics/fairness-summaries.js';
export { bootstrapIntervals } from './uncertainty/bootstrap.js';
export { analyzeScores } from './scores/score-analysis.js';
export { analyzeDataset } from './dataset/dataset-audit.js';

// The checks.
export { biasCheckDefinitions, biasPresets } from './checks/check-definitions.js';
export { datasetCheckDefinitions } from './checks/dataset-check-definitions.js';
export { evaluateBiasChecks } from './checks/evaluate-checks.js';
