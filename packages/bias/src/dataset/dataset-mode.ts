import type { DatasetAnalysis } from '@rai-audit/core';
import { bucketLabelSql, outcomeSql } from '../sql/aggregation-sql.js';
import type { BiasAuditOptions } from '../plan/audit-options.js';
import type { CountsAuditResult } from '../counts/counts-audit.js';
import { analyzeDataset } from './dataset-audit.js';
import type { DuckDbSource } from '../sql/duckdb-source.js';
import type { GroupingPlan } from '../plan/grouping-plan.js';
import type { ResolvedColumns } from '../plan/resolve-columns.js';

export interface DatasetModeInput {
  options: BiasAuditOptions;
  columns: ResolvedColumns;
  plan: GroupingPlan;
  result: CountsAuditResult;
}

/** The columns measured as proxies: the user's list, or every column that is not an attribute, the label or the weight. */
function proxyFeatures(source: DuckDbSource, input: DatasetModeInput): string[] {
  if (input.options.features) return [...input.options.features];
  const { columns } = input;
  const excluded = new Set([...columns.attributes, columns.label, columns.weight]);
  return source.columns.map((column) => column.name).filter((name) => !excluded.has(name));
}

/**
 * The dataset audit of a file without predictions: representation with goodness of fit, missing values per group and
 * proxy strength (dataset-audit.ts), read with the same groups (buckets, intersections, missing rule) as the counts.
 */
export async function runDatasetAnalysis(
  source: DuckDbSource,
  input: DatasetModeInput,
): Promise<DatasetAnalysis> {
  const { options, columns, plan, result } = input;
  const attributeSql = Object.fromEntries(
    Object.entries(plan.buckets).map(([attribute, bucketing]) => [
      attribute,
      bucketLabelSql(attribute, bucketing),
    ]),
  );
  return analyzeDataset(source, {
    attributes: plan.attributes,
    label: columns.label,
    labelSql: outcomeSql(columns.label, result.outcomes.label.encoding),
    features: proxyFeatures(source, input),
    ...(options.expectedShares ? { expectedShares: options.expectedShares } : {}),
    missing: result.section.settings?.missing === 'drop' ? 'drop' : 'group',
    intersections: plan.intersections,
    attributeSql,
  });
}
