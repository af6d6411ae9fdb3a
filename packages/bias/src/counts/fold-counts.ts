import type { ConfusionCounts } from '@rai-audit/core';
import type { CountCell } from './counts-table.js';
import { compareGroups } from '../metrics/group-order.js';
import { GROUP_VALUE_JOINER, groupingName, groupingSets, type GroupingPlan } from '../plan/grouping-plan.js';
import { MISSING_GROUP, OVERALL_ATTRIBUTE, OVERALL_GROUP, groupNameOf } from '../metrics/metrics.js';
import {
  emptyScoreHistogram,
  type GroupStatistics,
  type ScoreBinning,
  type ScoreHistogram,
} from '../metrics/sufficient-statistics.js';

/** How to fold the cells: the groupings, each cell's 0/1 label and prediction, missing values, weights, score bins. */
export interface FoldSpec {
  plan: GroupingPlan;
  /** The cell's label as 0/1. */
  labelOf: (cell: CountCell) => 0 | 1;
  /** The cell's prediction as 0/1; absent in a dataset audit, where every row counts as predicted as its label. */
  predictionOf?: (cell: CountCell) => 0 | 1;
  missing: 'group' | 'drop';
  weighted: boolean;
  binning?: ScoreBinning;
}

/** The sufficient statistics of the audit, groups in report order, with the rows each attribute is missing on. */
export interface FoldedStatistics {
  overall: GroupStatistics;
  groups: GroupStatistics[];
  overallHistogram?: ScoreHistogram;
  histograms: ScoreHistogram[];
  /** Rows without a value of each attribute (dropped from its groups with `missing: 'drop'`). */
  missingRows: Record<string, number>;
}

interface Accumulator {
  statistics: GroupStatistics;
  histogram?: ScoreHistogram;
}

const emptyCounts = (): ConfusionCounts => ({ tp: 0, fp: 0, tn: 0, fn: 0 });

function cellName(label: 0 | 1, prediction: 0 | 1): keyof ConfusionCounts {
  if (label === 1) return prediction === 1 ? 'tp' : 'fn';
  return prediction === 1 ? 'fp' : 'tn';
}

function addCell(target: Accumulator, cell: CountCell, spec: FoldSpec): void {
  const label = spec.labelOf(cell);
  const prediction = spec.predictionOf ? spec.predictionOf(cell) : label;
  const amount = spec.weighted ? (cell.weight ?? 0) : cell.n;
  const stats = target.statistics;
  stats.n += cell.n;
  if (spec.weighted) stats.weight = (stats.weight ?? 0) + amount;
  stats.counts[cellName(label, prediction)] += amount;
  const histogram = target.histogram;
  const bin = cell.scoreBin;
  if (!histogram || bin === null || bin === undefined || bin < 0 || bin >= histogram.positives.length) return;
  const counts = label === 1 ? histogram.positives : histogram.negatives;
  const sums = label === 1 ? histogram.positiveScoreSums : histogram.negativeScoreSums;
  counts[bin] = (counts[bin] ?? 0) + amount;
  sums[bin] = (sums[bin] ?? 0) + (cell.scoreSum ?? 0);
  histogram.sumSquaredScores += cell.scoreSquaredSum ?? 0;
}

/** Group key and values of a cell in its grouping; undefined when the cell is dropped for a missing value. */
function groupOf(
  cell: CountCell,
  set: readonly string[],
  missing: FoldSpec['missing'],
): { group: string; values?: Record<string, string> } | undefined {
  const parts = set.map((_, i) => cell.values[i] ?? null);
  if (missing === 'drop' && parts.some((part) => part === null)) return undefined;
  const named = parts.map(groupNameOf);
  if (set.length === 1) return { group: named[0] ?? MISSING_GROUP };
  return {
    group: named.join(GROUP_VALUE_JOINER),
    values: Object.fromEntries(set.map((attribute, i) => [attribute, named[i] ?? MISSING_GROUP])),
  };
}

function accumulatorFor(
  table: Map<string, Accumulator>,
  attribute: string,
  group: { group: string; values?: Record<string, string> },
  spec: FoldSpec,
): Accumulator {
  // By each part's name: joined with "|", the groups x|y + z and x + y|z of an intersection would share a key.
  const key = JSON.stringify([attribute, group.values ? Object.values(group.values) : group.group]);
  let found = table.get(key);
  if (!found) {
    const groupKey = { attribute, group: group.group, ...(group.values ? { values: group.values } : {}) };
    found = {
      statistics: { ...groupKey, n: 0, counts: emptyCounts(), ...(spec.weighted ? { weight: 0 } : {}) },
      ...(spec.binning ? { histogram: emptyScoreHistogram(groupKey, spec.binning.bins) } : {}),
    };
    table.set(key, found);
  }
  return found;
}

/** Orders groups as the report lists them: by each part's value, buckets by their edges, "(missing)" last. */
function groupComparator(plan: GroupingPlan, set: readonly string[]) {
  const partsOf = (stats: GroupStatistics): string[] =>
    set.length === 1 ? [stats.group] : set.map((attribute) => stats.values?.[attribute] ?? MISSING_GROUP);
  const compareParts = (attribute: string, a: string, b: string): number => {
    const labels = plan.buckets[attribute]?.labels;
    if (!labels || a === MISSING_GROUP || b === MISSING_GROUP) return compareGroups(a, b);
    return labels.indexOf(a) - labels.indexOf(b);
  };
  return (a: GroupStatistics, b: GroupStatistics): number => {
    const left = partsOf(a);
    const right = partsOf(b);
    for (let i = 0; i < set.length; i++) {
      const order = compareParts(set[i] ?? '', left[i] ?? '', right[i] ?? '');
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** A total order on cells, so that floating-point sums over them do not depend on the order the rows arrived in. */
function cellKey(cell: CountCell): string {
  return JSON.stringify([
    cell.grouping,
    cell.values,
    String(cell.label),
    String(cell.prediction),
    cell.scoreBin ?? -1,
  ]);
}

/**
 * Folds the cells of the counts table into the sufficient statistics: confusion counts (weight sums with a weight
 * column) and score histograms per group of each attribute and intersection, and overall; groups sorted for the report.
 */
export function foldCounts(cells: readonly CountCell[], spec: FoldSpec): FoldedStatistics {
  const sets = groupingSets(spec.plan);
  const setByName = new Map(sets.map((set) => [groupingName(set), set]));
  const table = new Map<string, Accumulator>();
  const overall = accumulatorFor(new Map(), OVERALL_ATTRIBUTE, { group: OVERALL_GROUP }, spec);
  const missingRows: Record<string, number> = Object.fromEntries(spec.plan.attributes.map((a) => [a, 0]));
  const keyed = cells.map((cell) => ({ key: cellKey(cell), cell }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { cell } of keyed) {
    if (cell.grouping === OVERALL_ATTRIBUTE) {
      addCell(overall, cell, spec);
      continue;
    }
    const set = setByName.get(cell.grouping);
    if (!set) continue;
    if (set.length === 1 && cell.values[0] === null)
      missingRows[cell.grouping] = (missingRows[cell.grouping] ?? 0) + cell.n;
    const group = groupOf(cell, set, spec.missing);
    if (group) addCell(accumulatorFor(table, cell.grouping, group, spec), cell, spec);
  }
  const ordered = sets.flatMap((set) => {
    const name = groupingName(set);
    return [...table.values()]
      .filter((entry) => entry.statistics.attribute === name)
      .sort((a, b) => groupComparator(spec.plan, set)(a.statistics, b.statistics));
  });
  return {
    overall: overall.statistics,
    groups: ordered.map((entry) => entry.statistics),
    ...(overall.histogram ? { overallHistogram: overall.histogram } : {}),
    histograms: ordered.flatMap((entry) => (entry.histogram ? [entry.histogram] : [])),
    missingRows,
  };
}
