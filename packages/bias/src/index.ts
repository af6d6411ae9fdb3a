export { runBiasAudit, auditSource, type BiasAuditOptions, type BiasAuditOutcome } from './run-bias-audit.js';
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
  computeGroupMetrics,
  computeRates,
} from './metrics.js';
export { wilsonInterval, normalQuantile } from './wilson.js';
export { computeDemographicParity } from './parity.js';
export {
  buildAggregationSql,
  outcomeSql,
  quoteIdentifier,
  quoteLiteral,
  readAggregationRows,
  type AggregationSpec,
  type GroupCountRow,
} from './aggregation-sql.js';
export { buildBiasSection, compareGroups, type BiasSectionInput } from './bias-section.js';
export {
  classifyOutcome,
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
