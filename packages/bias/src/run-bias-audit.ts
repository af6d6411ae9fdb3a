import { InputError } from '@rai-audit/core';
import type { BiasSection, Check, ResolvedPolicy, RunWarning } from '@rai-audit/core';
import { buildAggregationSql, readAggregationRows } from './aggregation-sql.js';
import { buildBiasSection } from './bias-section.js';
import { DuckDbSource, SOURCE_VIEW, type ColumnInfo } from './duckdb-source.js';
import { evaluateBiasChecks } from './evaluate-checks.js';
import { classifyOutcome, type OutcomeClassification } from './outcome-encoding.js';
import { assertColumnChoices, resolveColumns, type ResolvedColumns } from './resolve-columns.js';
import { collectRunWarnings } from './run-warnings.js';

export interface BiasAuditOptions {
  /** Path to a CSV, TSV, Parquet, JSON or NDJSON file, as the user gave it. */
  file: string;
  /** One or more sensitive attribute columns. */
  attributes: string[];
  /** Ground-truth column. */
  label: string;
  /** Predicted-class column. */
  prediction: string;
  /** Which value is positive when the label or prediction holds strings (or numbers other than 0/1). */
  positiveLabel?: string;
}

export interface BiasAuditOutcome {
  section: BiasSection;
  checks: Check[];
  warnings: RunWarning[];
}

interface Outcomes {
  label: OutcomeClassification;
  prediction: OutcomeClassification;
}

function columnInfo(source: DuckDbSource, name: string): ColumnInfo {
  const info = source.columns.find((column) => column.name === name);
  if (!info) throw new Error(`column ${name} was resolved but is not in the file`);
  return info;
}

async function classifyOutcomes(
  source: DuckDbSource,
  columns: ResolvedColumns,
  positiveLabel: string | undefined,
): Promise<Outcomes> {
  const label = await source.profileOutcome('label', columnInfo(source, columns.label));
  const prediction = await source.profileOutcome('prediction', columnInfo(source, columns.prediction));
  return {
    label: classifyOutcome(label, source.file, positiveLabel),
    prediction: classifyOutcome(prediction, source.file, positiveLabel),
  };
}

/** Audits an opened data source: validate columns, map outcomes to 0/1, aggregate once, compute and judge. */
export async function auditSource(
  source: DuckDbSource,
  options: BiasAuditOptions,
  policy: ResolvedPolicy,
): Promise<BiasAuditOutcome> {
  const columns = resolveColumns(
    options,
    source.columns.map((column) => column.name),
    source.file,
  );
  if (!(await source.hasRows())) {
    throw new InputError('the file has no data rows', {
      file: source.file,
      hint: 'Check that the file holds the predictions, not only a header',
    });
  }
  const outcomes = await classifyOutcomes(source, columns, options.positiveLabel);
  const sql = buildAggregationSql({
    table: SOURCE_VIEW,
    attributes: columns.attributes,
    label: { column: columns.label, encoding: outcomes.label.encoding },
    prediction: { column: columns.prediction, encoding: outcomes.prediction.encoding },
  });
  const section = buildBiasSection({
    file: source.file,
    attributes: columns.attributes,
    label: columns.label,
    prediction: columns.prediction,
    positiveLabel: outcomes.label.positiveLabel,
    rows: readAggregationRows(await source.query(sql)),
  });
  return {
    section,
    checks: evaluateBiasChecks(section, policy),
    warnings: collectRunWarnings(section, outcomes),
  };
}

/** Audits a prediction log for bias: one aggregation on DuckDB, per-group metrics, demographic parity, checks. */
export async function runBiasAudit(
  options: BiasAuditOptions,
  policy: ResolvedPolicy,
): Promise<BiasAuditOutcome> {
  assertColumnChoices(options);
  const source = await DuckDbSource.open(options.file);
  try {
    return await auditSource(source, options, policy);
  } finally {
    source.close();
  }
}
