import { UsageError, type ThresholdRule } from '@rai-audit/core';
import type { PredictionSource } from './sql/aggregation-sql.js';
import type { BiasAuditOptions } from './plan/audit-options.js';
import { quantileEdges, topKThreshold, topPercentThreshold } from './sql/data-driven-cutoffs.js';
import type { DuckDbSource } from './sql/duckdb-source.js';
import {
  bucketingFromEdges,
  expandIntersections,
  type Bucketing,
  type GroupingPlan,
} from './plan/grouping-plan.js';
import type { ResolvedColumns } from './plan/resolve-columns.js';

/** How the prediction of each row is obtained, and the rule the section reports. */
export interface PredictionPlan {
  source?: PredictionSource;
  rule?: ThresholdRule;
  perGroup?: { attribute: string; fallback?: number };
}

/** Maps a name as the user spelled an attribute to the file's spelling. */
function resolvedAttribute(options: BiasAuditOptions, columns: ResolvedColumns, name: string): string {
  const index = options.attributes.indexOf(name);
  return columns.attributes[index] ?? name;
}

function needsData(flag: string, why: string): never {
  throw new UsageError(`${flag} needs the data, which ${why} does not read`, {
    hint: `Compute it where the data is and pass the result instead (--bins with the edges, --threshold with the cut-off)`,
  });
}

/**
 * The groupings of the audit: attributes, intersections (in the file's spelling), and the buckets of numeric
 * attributes — quantile edges come from one query on the data (`source` undefined: --emit-sql or --from-counts).
 */
export async function planGroupings(
  options: BiasAuditOptions,
  columns: ResolvedColumns,
  source: DuckDbSource | undefined,
  mode = 'this run',
): Promise<GroupingPlan> {
  const resolve = (name: string): string => resolvedAttribute(options, columns, name);
  const intersections = expandIntersections(options.intersections ?? [], options.attributes).map((set) =>
    set.map(resolve),
  );
  const buckets: Record<string, Bucketing> = {};
  for (const [name, edges] of Object.entries(options.bins ?? {})) {
    buckets[resolve(name)] = bucketingFromEdges(name, edges, 'bins');
  }
  for (const [name, count] of Object.entries(options.quantiles ?? {})) {
    if (!source) needsData('--quantiles', mode);
    buckets[resolve(name)] = bucketingFromEdges(
      name,
      await quantileEdges(source, resolve(name), count),
      'quantiles',
    );
  }
  return { attributes: [...columns.attributes], intersections, buckets };
}

async function thresholdRule(
  options: BiasAuditOptions,
  score: string,
  source: DuckDbSource | undefined,
  mode: string,
): Promise<ThresholdRule | undefined> {
  if (options.topK !== undefined) {
    if (!source) needsData('--top-k', mode);
    return { kind: 'top-k', k: options.topK, threshold: await topKThreshold(source, score, options.topK) };
  }
  if (options.topPercent !== undefined) {
    if (!source) needsData('--top-percent', mode);
    const { threshold } = await topPercentThreshold(source, score, options.topPercent);
    return { kind: 'top-percent', percent: options.topPercent, threshold };
  }
  if (options.threshold !== undefined) return { kind: 'threshold', threshold: options.threshold };
  return undefined;
}

/**
 * Where predictions come from: the prediction column when there is one (a score is then analysed only), else the
 * score against a threshold — given, the exact top-k / top-percent cut (one query on the data), or one per group.
 */
export async function planPredictions(
  options: BiasAuditOptions,
  columns: ResolvedColumns,
  source: DuckDbSource | undefined,
  mode = 'this run',
): Promise<PredictionPlan> {
  if (columns.prediction !== undefined) return { source: { kind: 'column', column: columns.prediction } };
  const score = columns.score;
  if (score === undefined) return {};
  const grouped = options.groupThresholds;
  if (grouped) {
    const attribute = columns.attributes[0] ?? '';
    const thresholds = Object.entries(grouped.thresholds).map(([group, threshold]) => ({ group, threshold }));
    return {
      source: {
        kind: 'per-group',
        attribute,
        thresholds,
        ...(options.threshold !== undefined ? { fallback: options.threshold } : {}),
      },
      rule: { kind: 'per-group', thresholds: { ...grouped.thresholds } },
      perGroup: { attribute, ...(options.threshold !== undefined ? { fallback: options.threshold } : {}) },
    };
  }
  const rule = await thresholdRule(options, score, source, mode);
  if (!rule || rule.kind === 'per-group') return {};
  return { source: { kind: 'threshold', threshold: rule.threshold }, rule };
}
