import type { GroupMetrics, ScoreAnalysis } from '@rai-audit/core';
import { GROUP_COLORS, STATUS_COLORS } from './chart-figure.js';
import { chartGroupName, flaggedGroupLabel, uniqueLabels } from '../labels/group-labels.js';
import type { AttributeView } from '../labels/group-labels.js';

/** The attribute value of score entries about all rows. */
export const OVERALL_ATTRIBUTE = '(overall)';

/** What the score charts of one attribute need. */
export interface ScoreChartContext {
  /** Element id prefix, unique in the document. */
  readonly id: string;
  readonly attribute: AttributeView;
  /** The attribute's groups (labels, flags, order). */
  readonly groups: readonly GroupMetrics[];
  readonly scores: ScoreAnalysis;
  readonly minGroupSize?: number;
}

/** One line of a score chart: a group of the attribute, or all rows. */
export interface ScoreSeries {
  /** The `group` value of the score entries. */
  readonly group: string;
  readonly overall: boolean;
  /** The legend label, unique in the chart. */
  readonly label: string;
  /** Drawing order; the overall line first. */
  readonly order: number;
}

const OVERALL_LABEL = 'Overall';

/**
 * The lines of an attribute's score charts: the overall line when the analysis has one, then every group that has
 * score entries, in the groups' order (groups the analysis names but the table does not come last, sorted).
 */
export function scoreSeries(
  context: ScoreChartContext,
  entries: readonly { attribute: string; group: string }[],
): ScoreSeries[] {
  const { attribute, minGroupSize } = context;
  const own = new Set(groupsWithEntries(entries, attribute.key));
  const hasOverall = groupsWithEntries(entries, OVERALL_ATTRIBUTE).length > 0;
  const known = context.groups.filter((row) => own.has(row.group));
  const unknown = [...own].filter((group) => !known.some((row) => row.group === group)).sort();
  const labels = uniqueLabels(
    [
      ...known.map((row) => flaggedGroupLabel(row, attribute, minGroupSize)),
      ...unknown.map((group) => chartGroupName({ group }, attribute)),
    ],
    hasOverall ? [OVERALL_LABEL] : [],
  );
  const offset = hasOverall ? 1 : 0;
  const groups = [...known.map((row) => row.group), ...unknown];
  return [
    ...(hasOverall ? [{ group: '', overall: true, label: OVERALL_LABEL, order: 0 }] : []),
    ...groups.map((group, i) => ({ group, overall: false, label: labels[i] ?? group, order: i + offset })),
  ];
}

interface ScoreEntry {
  readonly attribute: string;
  readonly group: string;
}

/** Entries by attribute, then group; built once per array, since every chart and table of every attribute asks. */
const indexes = new WeakMap<readonly ScoreEntry[], Map<string, Map<string, ScoreEntry[]>>>();

function indexOf<T extends ScoreEntry>(entries: readonly T[]): Map<string, Map<string, T[]>> {
  let index = indexes.get(entries);
  if (index === undefined) {
    index = new Map();
    for (const entry of entries) {
      let groups = index.get(entry.attribute);
      if (groups === undefined) index.set(entry.attribute, (groups = new Map()));
      let list = groups.get(entry.group);
      if (list === undefined) groups.set(entry.group, (list = []));
      list.push(entry);
    }
    indexes.set(entries, index);
  }
  return index as Map<string, Map<string, T[]>>;
}

/** The groups of an attribute that have entries, in first-seen order. */
function groupsWithEntries(entries: readonly ScoreEntry[], attribute: string): string[] {
  return [...(indexOf(entries).get(attribute)?.keys() ?? [])];
}

/** The entries of one series: a group of the attribute, or every overall entry. */
export function seriesEntries<T extends ScoreEntry>(
  entries: readonly T[],
  series: ScoreSeries,
  attribute: string,
): T[] {
  const index = indexOf(entries);
  if (series.overall) return [...(index.get(OVERALL_ATTRIBUTE)?.values() ?? [])].flat();
  return index.get(attribute)?.get(series.group) ?? [];
}

/**
 * Dash patterns: seven, one fewer than the group colours, so colour and dash recycle with coprime periods and no
 * two of the first 56 lines (63 with the overall line) share both.
 */
export const DASHES: readonly number[][] = [
  [1, 0],
  [7, 3],
  [2, 3],
  [9, 3, 2, 3],
  [4, 4],
  [12, 4],
  [2, 6],
];

/**
 * Colour and dash by series, merged into one legend: the overall line is ink-coloured and solid, each group has its
 * own colour and its own dash pattern, so no line depends on colour alone.
 */
export function seriesEncoding(series: readonly ScoreSeries[], placement: 'bottom' | 'right' = 'bottom') {
  const colors = series[0]?.overall === true ? [STATUS_COLORS.ink, ...GROUP_COLORS] : GROUP_COLORS;
  const legend = {
    orient: placement,
    title: null,
    columns: placement === 'bottom' ? 3 : 1,
    symbolType: 'stroke',
    symbolStrokeWidth: 2.5,
    labelLimit: 220,
  };
  // Series keep their order through a numeric field, and the ranges are whole palettes (recycled past their end):
  // no label enters the spec, so every attribute's chart has one shape, compiled once.
  const field = {
    field: 'series',
    type: 'nominal' as const,
    sort: { field: 'order', op: 'min' as const },
    legend,
  };
  return {
    color: { ...field, scale: { range: colors } },
    strokeDash: { ...field, scale: { range: DASHES } },
  };
}
