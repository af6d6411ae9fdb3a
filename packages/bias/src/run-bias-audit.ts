import { createStepTimer, type ResolvedPolicy, type StepTimer } from '@rai-audit/core';
import { buildAggregationSql, type AggregationSpec } from './sql/aggregation-sql.js';
import { resolveAuditSettings, type BiasAuditOptions } from './plan/audit-options.js';
import { finishAudit, type BiasAuditOutcome } from './audit-outcome.js';
import { planGroupings, planPredictions } from './audit-plan.js';
import { aggregationSpec } from './audit-spec.js';
import { auditCountsTable, countsAuditContext } from './counts/counts-audit.js';
import { readCountsTable, rowsOutsideBinning, type CountsTable } from './counts/counts-table.js';
import { assertNumericColumn, scoreRange } from './sql/data-driven-cutoffs.js';
import { runDatasetAnalysis } from './dataset/dataset-mode.js';
import { DuckDbSource, SOURCE_VIEW } from './sql/duckdb-source.js';
import { auditCountsFile } from './from-counts.js';
import type { GroupingPlan } from './plan/grouping-plan.js';
import { assertColumnChoices, resolveColumns, type ResolvedColumns } from './plan/resolve-columns.js';

export type { BiasAuditOptions } from './plan/audit-options.js';
export type { BiasAuditOutcome } from './audit-outcome.js';

/** Scores are binned over [0, 1] first, so that the common case needs no pre-query for the range. */
const UNIT_RANGE = { min: 0, max: 1 };

async function assertColumnTypes(
  source: DuckDbSource,
  columns: ResolvedColumns,
  plan: GroupingPlan,
): Promise<void> {
  if (columns.score !== undefined) await assertNumericColumn(source, columns.score, 'score');
  if (columns.weight !== undefined) await assertNumericColumn(source, columns.weight, 'weight');
  for (const attribute of Object.keys(plan.buckets))
    await assertNumericColumn(source, attribute, 'attribute');
}

async function aggregate(source: DuckDbSource, spec: AggregationSpec): Promise<CountsTable> {
  const { columns, rows } = await source.queryWithTypes(buildAggregationSql(spec));
  return readCountsTable(columns, rows, source.file, {
    prediction: spec.prediction !== undefined,
    score: spec.score !== undefined,
    weight: spec.weight !== undefined,
  });
}

/**
 * The one aggregation. Scores are binned over [0, 1] first, so the common case needs no pre-query; only when some
 * score lies outside it does one MIN/MAX query find the range and the aggregation run again over it.
 */
async function aggregateOnce(source: DuckDbSource, spec: AggregationSpec): Promise<CountsTable> {
  const table = await aggregate(source, spec);
  if (!spec.score || rowsOutsideBinning(table) === 0) return table;
  const range = await scoreRange(source, spec.score.column);
  return aggregate(source, { ...spec, score: { ...spec.score, range } });
}

/** What a caller may hear of while an audit runs. */
export interface AuditHooks {
  /**
   * The aggregation query is running on DuckDB's threads, the longest wait of the audit: a caller may use the idle
   * main thread meanwhile (the CLI loads the chart engine of the HTML report).
   */
  aggregating?: () => void;
}

/** Audits an opened data source: validate columns, plan, aggregate once, compute, judge. */
export async function auditSource(
  source: DuckDbSource,
  options: BiasAuditOptions,
  policy: ResolvedPolicy,
  timer: StepTimer = createStepTimer(() => performance.now()),
  hooks: AuditHooks = {},
): Promise<BiasAuditOutcome> {
  const settings = resolveAuditSettings(options);
  const columns = resolveColumns(
    options,
    source.columns.map((column) => column.name),
    source.file,
  );
  await source.keepBooleansAsText([columns.label, ...(columns.prediction ? [columns.prediction] : [])]);
  const plan = await planGroupings(options, columns, source);
  await assertColumnTypes(source, columns, plan);
  const predictions = await planPredictions(options, columns, source);
  timer.mark('pre-queries');
  const aggregation = aggregateOnce(
    source,
    aggregationSpec(SOURCE_VIEW, columns, plan, predictions, settings, UNIT_RANGE),
  );
  hooks.aggregating?.();
  const table = await aggregation;
  timer.mark('aggregation');
  const result = auditCountsTable(
    table,
    countsAuditContext({ file: source.file, columns, plan, settings }, options, predictions),
  );
  timer.mark('analysis');
  if (settings.mode === 'dataset') {
    result.section.dataset = await runDatasetAnalysis(source, { options, columns, plan, result });
    timer.mark('dataset');
  }
  const outcome = finishAudit(result, policy, [], [...source.files]);
  timer.mark('checks');
  return { ...outcome, timings: timer.timings() };
}

/**
 * Checks the options that make no sense whatever the data holds (UsageError, exit 2), without reading anything:
 * callers run it before they open or hash the inputs, so that `--tau 5` is reported before a missing file.
 */
export function checkBiasAuditOptions(options: BiasAuditOptions): void {
  assertColumnChoices(options);
  resolveAuditSettings(options);
}

/**
 * Audits a prediction log (or, without predictions, a dataset) for bias: one aggregation on DuckDB, per-group
 * metrics, disparities, summaries, bootstrap intervals, score analysis or the dataset audit, and the policy's checks.
 */
export async function runBiasAudit(
  options: BiasAuditOptions,
  policy: ResolvedPolicy,
  hooks: AuditHooks = {},
): Promise<BiasAuditOutcome> {
  checkBiasAuditOptions(options);
  if (options.fromCounts !== undefined) return auditCountsFile(options.fromCounts, options, policy);
  const timer = createStepTimer(() => performance.now());
  const source = await DuckDbSource.open(typeof options.file === 'string' ? [options.file] : options.file);
  timer.mark('open');
  try {
    return await auditSource(source, options, policy, timer, hooks);
  } finally {
    source.close();
  }
}
