/**
 * Bias sections for the check tests (not exported from index.ts, not built): groups from confusion counts, with
 * the pure steps of the audit applied, so that no test depends on the aggregation or DuckDB.
 */
import type { BiasSection, ConfusionCounts, ReferenceGroup } from '@rai-audit/core';
import { computeDisparities } from '../src/metrics/disparities.js';
import { computeFairnessSummaries } from '../src/metrics/fairness-summaries.js';
import { computeGroupMetrics } from '../src/metrics/metrics.js';
import { chooseReferenceGroups } from '../src/metrics/reference-groups.js';

export type GroupRow = [attribute: string, group: string, counts: ConfusionCounts];

/** A group with `selected` of `n` rows predicted positive and labels equal to predictions. */
export const selected = (attribute: string, group: string, chosen: number, n: number): GroupRow => [
  attribute,
  group,
  { tp: chosen, fp: 0, tn: n - chosen, fn: 0 },
];

export interface SectionOptions {
  /** Attributes (default: those of the rows, in order); an `a+b` name becomes an intersection. */
  attributes?: string[];
  /** Choose references and compute disparities (default true); false leaves that to evaluateBiasChecks. */
  disparities?: boolean;
  references?: ReferenceGroup[];
  tau?: number;
  minGroupSize?: number;
  /** Leave groups under minGroupSize out of the summaries (the audit's default); false (here the default): all. */
  sufficientSummaries?: boolean;
}

function sum(rows: readonly GroupRow[]): ConfusionCounts {
  const total = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const [, , c] of rows) for (const cell of ['tp', 'fp', 'tn', 'fn'] as const) total[cell] += c[cell];
  return total;
}

/** A predictions-mode section whose overall row is the sum of the first attribute's groups. */
export function sectionOf(rows: readonly GroupRow[], options: SectionOptions = {}): BiasSection {
  const attributes = options.attributes ?? [...new Set(rows.map(([a]) => a))];
  const overallCounts = sum(rows.filter(([a]) => a === attributes[0]));
  const overall = computeGroupMetrics('(overall)', '(all)', overallCounts, overallCounts);
  let groups = rows.map(([a, g, c]) => computeGroupMetrics(a, g, c, overallCounts));
  const settings = {
    tau: options.tau ?? 0.8,
    minGroupSize: options.minGroupSize ?? 30,
    missing: 'group' as const,
  };
  let references: ReferenceGroup[] | undefined;
  if (options.disparities !== false) {
    references = options.references ?? chooseReferenceGroups(groups, attributes, []);
    groups = computeDisparities(groups, references, settings);
  }
  const plain = attributes.filter((a) => !a.includes('+'));
  const intersections = attributes.filter((a) => a.includes('+')).map((a) => a.split('+'));
  return {
    kind: 'bias',
    id: 'bias',
    title: 'Bias: predictions.csv',
    mode: 'predictions',
    columns: {
      attributes: plain,
      ...(intersections.length > 0 && { intersections }),
      label: 'label',
      prediction: 'prediction',
    },
    positiveLabel: '1',
    rows: overall.n,
    missing: plain.map((attribute) => ({
      attribute,
      rows: groups.find((g) => g.attribute === attribute && g.group === '(missing)')?.n ?? 0,
    })),
    settings,
    ...(references && { references }),
    overall,
    groups,
    summaries: attributes.flatMap((attribute) =>
      computeFairnessSummaries(
        attribute,
        groups,
        overall,
        options.sufficientSummaries ? settings.minGroupSize : 0,
      ),
    ),
  };
}
