import type { BiasMetricId, GroupMetrics } from '@rai-audit/core';
import { escapeHtml } from '../escape.js';
import {
  REFERENCE_MARK,
  SMALL_GROUP_MARK,
  groupFlags,
  groupLabel,
  smallGroupText,
} from '../labels/group-labels.js';
import type { AttributeView } from '../labels/group-labels.js';
import type { Footnotes } from './footnotes.js';
import { describeIntervals, renderMetricValue } from './metric-values.js';
import type { IntervalStyle } from './metric-values.js';
import { METRIC_FAMILIES, METRIC_LABELS } from '../labels/metric-labels.js';
import { formatNumber } from '../presentation.js';
import { scrollRegionStart } from './scroll-region.js';

/** What a per-group table needs besides its rows. */
export interface GroupTableContext {
  readonly attribute: AttributeView;
  readonly overall: GroupMetrics;
  readonly minGroupSize: number | undefined;
  readonly notes: Footnotes;
}

/** The row header of a group: its label, then its flags as shape and word. */
export function groupHeaderCell(row: GroupMetrics, attribute: AttributeView, minGroupSize?: number): string {
  const flags = groupFlags(row);
  const marks = [
    flags.reference
      ? `<span class="flag reference" title="The reference group of its attribute: disparities are taken against it">${REFERENCE_MARK} reference</span>`
      : '',
    flags.small
      ? `<span class="flag small" title="Below the minimum group size: its verdicts are insufficient data">${SMALL_GROUP_MARK} ${escapeHtml(smallGroupText(minGroupSize))}</span>`
      : '',
  ].filter((mark) => mark !== '');
  return `<th scope="row">${[escapeHtml(groupLabel(row, attribute)), ...marks].join(' ')}</th>`;
}

function metricHeader(id: BiasMetricId): string {
  const label = METRIC_LABELS[id];
  return `<th scope="col"><abbr title="${escapeHtml(label.long)}">${escapeHtml(label.short)}</abbr></th>`;
}

/** The counts a row rests on: confusion counts with predictions, label counts in a dataset audit. */
function countsText(row: GroupMetrics): string {
  if (row.counts !== undefined) {
    const { tp, fp, tn, fn } = row.counts;
    return [tp, fp, tn, fn].map(formatNumber).join(' / ');
  }
  if (row.labelCounts !== undefined) {
    return `${formatNumber(row.labelCounts.positive)} / ${formatNumber(row.labelCounts.negative)}`;
  }
  return '–';
}

interface TableShape {
  readonly metrics: readonly BiasMetricId[];
  readonly weight: boolean;
  /** The counts column header, or null for no counts column. */
  readonly counts: string | null;
  readonly style: IntervalStyle;
}

function tableRow(row: GroupMetrics, header: string, shape: TableShape, notes: Footnotes): string {
  const weight = shape.weight
    ? `<td class="num">${row.weight === undefined ? '–' : formatNumber(row.weight)}</td>`
    : '';
  const cells = shape.metrics.map(
    (id) => `<td class="num">${renderMetricValue(row.metrics[id], notes, shape.style)}</td>`,
  );
  const counts = shape.counts === null ? '' : `<td class="num counts">${countsText(row)}</td>`;
  return `<tr>${header}<td class="num">${formatNumber(row.n)}</td>${weight}${cells.join('')}${counts}</tr>`;
}

function countsHeader(rows: readonly GroupMetrics[]): string | null {
  if (rows.some((row) => row.counts !== undefined)) return 'TP / FP / TN / FN';
  if (rows.some((row) => row.labelCounts !== undefined)) return 'Label positive / negative';
  return null;
}

function familyTable(
  title: string,
  shape: TableShape,
  groups: readonly GroupMetrics[],
  context: GroupTableContext,
  note: string,
): string {
  const { attribute, overall, minGroupSize, notes } = context;
  const header = [
    '<th scope="col">Group</th><th scope="col">n</th>',
    shape.weight ? '<th scope="col">Weight</th>' : '',
    shape.metrics.map(metricHeader).join(''),
    shape.counts === null ? '' : `<th scope="col">${shape.counts}</th>`,
  ].join('');
  const rows = [
    tableRow(overall, '<th scope="row"><em>Overall</em></th>', shape, notes),
    ...groups.map((row) => tableRow(row, groupHeaderCell(row, attribute, minGroupSize), shape, notes)),
  ];
  return [
    `${scrollRegionStart(`${title} by group of “${attribute.label}”`)}<table class="metrics">`,
    `<caption>${escapeHtml(title)} by group of <q>${escapeHtml(attribute.label)}</q>.${escapeHtml(note)}</caption>`,
    `<thead><tr>${header}</tr></thead><tbody>${rows.join('')}</tbody>`,
    '</table></div>',
  ].join('');
}

/**
 * Per-group metrics of one attribute as accessible tables, the overall row first: one table per family of
 * metrics present (representation and selection, error rates, predictive values, scores), so none is too wide.
 */
export function renderGroupMetricsTables(
  groups: readonly GroupMetrics[],
  context: GroupTableContext,
): string {
  const rows = [context.overall, ...groups];
  const present = new Set(rows.flatMap((row) => Object.keys(row.metrics) as BiasMetricId[]));
  const weight = rows.some((row) => row.weight !== undefined);
  const tables = METRIC_FAMILIES.flatMap((family, index) => {
    const metrics = family.metrics.filter((id) => present.has(id));
    if (metrics.length === 0 && index > 0) return [];
    const intervals = rows.flatMap((row) => metrics.map((id) => row.metrics[id]?.interval));
    const { note, style } = describeIntervals(intervals);
    // The first table carries the weight and counts columns: the others stay narrow enough to read.
    const first = index === 0;
    const shape = { metrics, weight: first && weight, counts: first ? countsHeader(rows) : null, style };
    return [familyTable(family.title, shape, groups, context, note)];
  });
  return tables.join('\n');
}
