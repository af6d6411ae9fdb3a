import { InputError, createStepTimer, type ResolvedPolicy } from '@rai-audit/core';
import { buildAggregationSql } from './sql/aggregation-sql.js';
import { resolveAuditSettings, type BiasAuditOptions } from './plan/audit-options.js';
import { finishAudit, type BiasAuditOutcome } from './audit-outcome.js';
import { planGroupings, planPredictions } from './audit-plan.js';
import { aggregationSpec } from './audit-spec.js';
import { auditCountsTable, countsAuditContext } from './counts/counts-audit.js';
import { readCountsTable, type CountsTable } from './counts/counts-table.js';
import { assertConsistentCounts } from './counts/counts-consistency.js';
import { DuckDbSource, SOURCE_VIEW } from './sql/duckdb-source.js';
import { groupingName, groupingSets, type GroupingPlan } from './plan/grouping-plan.js';
import { OVERALL_ATTRIBUTE } from './metrics/metrics.js';
import { assertColumnChoices, type ResolvedColumns } from './plan/resolve-columns.js';
import { assertPortableSqlText, quoteIdentifier } from './sql/sql-text.js';
import type { AggregationSpec } from './sql/aggregation-spec.js';

/** The columns as the flags name them: with --emit-sql and --from-counts there is no file to check them against. */
function columnsAsGiven(options: BiasAuditOptions): ResolvedColumns {
  return {
    attributes: [...options.attributes],
    label: options.label,
    ...(options.prediction !== undefined ? { prediction: options.prediction } : {}),
    ...(options.score !== undefined ? { score: options.score } : {}),
    ...(options.weight !== undefined ? { weight: options.weight } : {}),
  };
}

/**
 * The aggregation query for a table in a warehouse (`schema.table` allowed), for the same flags as an audit; the
 * counts table it returns is what --from-counts reads. Reads no data: --quantiles and --top-k/--top-percent, which
 * need it, are usage errors.
 */
export async function emitAggregationSql(table: string, options: BiasAuditOptions): Promise<string> {
  assertColumnChoices(options);
  const settings = resolveAuditSettings(options);
  const columns = columnsAsGiven(options);
  const plan = await planGroupings(options, columns, undefined, '--emit-sql');
  const predictions = await planPredictions(options, columns, undefined, '--emit-sql');
  const spec = aggregationSpec(table, columns, plan, predictions, settings, 'from-data');
  assertPortableSpec(spec);
  const sql = buildAggregationSql(spec);
  // The comment carries no user text: a name with a line break would end it and run as SQL.
  const header = [
    '-- rai-audit bias: the counts table of an audit (rai-audit bias --emit-sql).',
    '-- Run it where the data lives, save the result (CSV or Parquet) and audit it with the same flags plus',
    '-- --from-counts FILE. BigQuery spells VARCHAR and DOUBLE as STRING and FLOAT64, Spark VARCHAR as STRING.',
  ];
  return `${header.join('\n')}\n${sql};\n`;
}

/** Every user-supplied text the emitted query quotes: the table, the columns and the groups named by --thresholds. */
function assertPortableSpec(spec: AggregationSpec): void {
  assertPortableSqlText(spec.table, 'the table name');
  for (const attribute of spec.attributes) assertPortableSqlText(attribute, 'the attribute');
  assertPortableSqlText(spec.label, 'the label column');
  if (spec.score) assertPortableSqlText(spec.score.column, 'the score column');
  if (spec.weight !== undefined) assertPortableSqlText(spec.weight, 'the weight column');
  const prediction = spec.prediction;
  if (prediction?.kind === 'column') assertPortableSqlText(prediction.column, 'the prediction column');
  if (prediction?.kind === 'per-group') {
    for (const { group } of prediction.thresholds)
      assertPortableSqlText(group, '--thresholds names the group');
  }
  for (const bucket of Object.values(spec.buckets ?? {})) {
    for (const label of bucket.labels) assertPortableSqlText(label, 'the bucket');
  }
}

function assertGroupings(table: CountsTable, plan: GroupingPlan, file: string): void {
  const present = new Set(table.cells.map((cell) => cell.grouping));
  const expected = [OVERALL_ATTRIBUTE, ...groupingSets(plan).map(groupingName)];
  const absent = expected.filter((name) => !present.has(name));
  if (absent.length > 0 && table.cells.length > 0) {
    throw new InputError(
      `the counts table has no rows for ${absent.join(', ')}; it holds ${[...present].sort().join(', ')}`,
      {
        file,
        hint: 'Audit it with the --attribute and --intersect flags of the --emit-sql run that produced it',
      },
    );
  }
}

async function readCounts(
  source: DuckDbSource,
  options: BiasAuditOptions,
  mode: 'predictions' | 'dataset',
): Promise<CountsTable> {
  // Group values stay text whatever they look like ("01" must not become 1).
  const text = source.columns.filter((c) => c.name === 'attribute' || /^v\d+$/.test(c.name));
  // Labels and predictions stay as written too (yes/no, not booleans): --positive-label names them so.
  const booleans = source.columns.filter(
    (c) => (c.name === 'label' || c.name === 'prediction') && /^BOOLEAN$/i.test(c.type),
  );
  const types = [...text, ...booleans].map((c) => [c.name, 'VARCHAR']);
  await source.retype({ types: Object.fromEntries(types) });
  const { columns, rows } = await source.queryWithTypes(`SELECT * FROM ${quoteIdentifier(SOURCE_VIEW)}`);
  return readCountsTable(columns, rows, source.file, {
    prediction: mode === 'predictions',
    score: options.score !== undefined,
    weight: options.weight !== undefined,
  });
}

/**
 * Audits a pre-aggregated counts table (CSV, Parquet, … read through DuckDB) with exactly the columns the --emit-sql
 * query returns, to the same numbers as auditing the data directly. A dataset audit's proxy and missing-value
 * analyses need the data itself and are left out.
 */
export async function auditCountsFile(
  file: string,
  options: BiasAuditOptions,
  policy: ResolvedPolicy,
): Promise<BiasAuditOutcome> {
  assertColumnChoices(options);
  const settings = resolveAuditSettings(options);
  const timer = createStepTimer(() => performance.now());
  const columns = columnsAsGiven(options);
  const plan = await planGroupings(options, columns, undefined, '--from-counts');
  const predictions = await planPredictions(options, columns, undefined, '--from-counts');
  const source = await DuckDbSource.open([file]);
  try {
    const table = await readCounts(source, options, settings.mode);
    assertGroupings(table, plan, file);
    assertConsistentCounts(table, file);
    timer.mark('read counts');
    const result = auditCountsTable(
      table,
      countsAuditContext({ file, columns, plan, settings }, options, predictions),
    );
    timer.mark('analysis');
    const outcome = finishAudit(result, policy, timer.timings(), [...source.files]);
    if (settings.mode === 'dataset') {
      outcome.warnings.push({
        code: 'bias.dataset-from-counts',
        message:
          'a counts table has the groups and label rates only: missing values and proxies need the data rows',
      });
    }
    return outcome;
  } finally {
    source.close();
  }
}
