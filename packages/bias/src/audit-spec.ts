import type { AggregationSpec, ScoreRange } from './sql/aggregation-sql.js';
import type { AuditSettings } from './plan/audit-options.js';
import type { PredictionPlan } from './audit-plan.js';
import type { GroupingPlan } from './plan/grouping-plan.js';
import type { ResolvedColumns } from './plan/resolve-columns.js';

/** The aggregation spec of an audit over `table`, with the score binned over `range`. */
export function aggregationSpec(
  table: string,
  columns: ResolvedColumns,
  plan: GroupingPlan,
  predictions: PredictionPlan,
  settings: AuditSettings,
  range: ScoreRange,
): AggregationSpec {
  return {
    table,
    attributes: plan.attributes,
    intersections: plan.intersections,
    buckets: plan.buckets,
    label: columns.label,
    ...(predictions.source ? { prediction: predictions.source } : {}),
    ...(columns.score !== undefined
      ? { score: { column: columns.score, bins: settings.scoreBins, range } }
      : {}),
    ...(columns.weight !== undefined ? { weight: columns.weight } : {}),
  };
}
