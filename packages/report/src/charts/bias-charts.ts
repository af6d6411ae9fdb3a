import type { BiasMetricId, GroupMetrics } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  GROUP_CHANNEL,
  GROUP_COLORS,
  STATUS_COLORS,
  chunk,
  dataTable,
  renderChartFigure,
} from './chart-figure.js';
import { chartGroupLabels, flagLegend, groupFlags, smallGroupText } from '../labels/group-labels.js';
import type { AttributeView } from '../labels/group-labels.js';
import { groupHeaderCell } from '../html/group-tables.js';
import { Footnotes } from '../html/footnotes.js';
import { describeIntervals, renderMetricValue } from '../html/metric-values.js';
import { METRIC_LABELS } from '../labels/metric-labels.js';

/** Small multiples of rates: one panel per metric, the groups of one attribute in each, on a fixed 0–1 axis. */
export interface RateChart {
  /** Element id prefix, unique in the document. */
  readonly id: string;
  readonly attribute: AttributeView;
  readonly metrics: readonly BiasMetricId[];
  readonly groups: readonly GroupMetrics[];
  readonly overall: GroupMetrics;
  readonly minGroupSize?: number;
}

interface RateDatum {
  kind: 'group' | 'overall';
  metric: string;
  metricOrder: number;
  group: string | null;
  order: number;
  status: string | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

/** How a group's mark reads in the legend; the words are the report's own, never user text. */
function markStatus(row: GroupMetrics, minGroupSize: number | undefined): string {
  const flags = groupFlags(row);
  if (flags.small) return `Small group (${smallGroupText(minGroupSize)})`;
  if (flags.reference) return 'Reference group';
  return 'Group';
}

function finite(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

function rateData(chart: RateChart): RateDatum[] {
  const labels = chartGroupLabels(chart.groups, chart.attribute, chart.minGroupSize);
  const groupRows = chart.metrics.flatMap((id, metricOrder) =>
    chart.groups.map((row, order) => {
      const metric = row.metrics[id];
      return {
        kind: 'group' as const,
        metric: METRIC_LABELS[id].short,
        metricOrder,
        group: labels[order] ?? row.group,
        order,
        status: markStatus(row, chart.minGroupSize),
        value: finite(metric?.value),
        lower: finite(metric?.interval?.lower),
        upper: finite(metric?.interval?.upper),
      };
    }),
  );
  const overallRows = chart.metrics.flatMap((id, metricOrder) => {
    const value = finite(chart.overall.metrics[id]?.value);
    // Every row counts towards the overall share: a rule at 1 would say nothing.
    if (value === null || id === 'share' || id === 'ppr') return [];
    const base = { metric: METRIC_LABELS[id].short, metricOrder, group: null, order: -1, status: null };
    return [{ ...base, kind: 'overall' as const, value, lower: null, upper: null }];
  });
  return [...groupRows, ...overallRows];
}

const RATE_AXIS = {
  type: 'quantitative' as const,
  scale: { domain: [0, 1], nice: false, zero: true },
  axis: { format: '.1f', tickCount: 5, title: null, grid: true, gridColor: '#eaeef2' },
};

/** The legend of group marks: filled circle, diamond for the reference group, hollow for a small group. */
function statusEncoding(statuses: readonly string[], color: string) {
  const range = (group: string, reference: string, small: string): string[] =>
    statuses.map((status) => (status === 'Group' ? group : status === 'Reference group' ? reference : small));
  const legend = { orient: 'bottom' as const, title: null, direction: 'horizontal' as const };
  const field = { field: 'status', type: 'nominal' as const };
  return {
    shape: { ...field, scale: { domain: statuses, range: range('circle', 'diamond', 'circle') }, legend },
    fill: {
      ...field,
      scale: { domain: statuses, range: range(color, STATUS_COLORS.ink, '#ffffff') },
      legend,
    },
    stroke: {
      ...field,
      scale: { domain: statuses, range: range(color, STATUS_COLORS.ink, STATUS_COLORS.muted) },
      legend,
    },
  };
}

/**
 * One small panel per metric on a fixed 0–1 axis: a point per group with its interval as a bar, the overall rate
 * as a dashed rule, and the word "undefined" where a rate has no value, so a missing point never reads as 0.
 */
export function buildRateChartSpec(chart: RateChart): TopLevelSpec {
  const data = rateData(chart);
  // Every status is in the legend, drawn or not: a key that is the same for every attribute reads the same way, and
  // the spec keeps one shape, compiled once.
  const statuses = ['Group', 'Reference group', `Small group (${smallGroupText(chart.minGroupSize)})`];
  const y = GROUP_CHANNEL;
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    data: { values: data },
    columns: Math.min(4, chart.metrics.length),
    facet: {
      field: 'metric',
      type: 'nominal',
      sort: { field: 'metricOrder', op: 'min' },
      title: null,
      header: { labelAnchor: 'start' },
    },
    spacing: { row: 14, column: 18 },
    // Every panel gets its own 0–1 axis, so a panel in a short last row is never read against an axis far below it.
    resolve: { axis: { x: 'independent' } },
    spec: {
      width: 180,
      height: { step: 17 },
      layer: [
        {
          transform: [{ filter: 'datum.kind === "overall"' }],
          mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 1.5, color: STATUS_COLORS.ink },
          encoding: { x: { ...RATE_AXIS, field: 'value' } },
        },
        {
          transform: [{ filter: 'datum.kind === "group" && isValid(datum.lower)' }],
          mark: { type: 'rule', color: STATUS_COLORS.ink, strokeWidth: 1.5 },
          encoding: { y, x: { ...RATE_AXIS, field: 'lower' }, x2: { field: 'upper' } },
        },
        {
          transform: [{ filter: 'datum.kind === "group" && isValid(datum.value)' }],
          mark: { type: 'point', size: 60, strokeWidth: 1.5, opacity: 1 },
          encoding: {
            y,
            x: { ...RATE_AXIS, field: 'value' },
            ...statusEncoding(statuses, GROUP_COLORS[0] ?? ''),
          },
        },
        {
          transform: [{ filter: 'datum.kind === "group" && !isValid(datum.value)' }],
          mark: { type: 'text', align: 'left', dx: 4, fontStyle: 'italic', color: STATUS_COLORS.muted },
          encoding: { y, x: { ...RATE_AXIS, datum: 0 }, text: { value: 'undefined' } },
        },
      ],
    },
  };
}

function chartCaption(chart: RateChart): string {
  const names = chart.metrics.map((id) => METRIC_LABELS[id].short).join(', ');
  return (
    `${names} by group of “${chart.attribute.label}”, one panel per metric on a fixed 0–1 scale; bars are intervals, ` +
    `the dashed line is the overall rate; hollow points are small groups. ${flagLegend(chart.minGroupSize)}`
  );
}

function dataTables(chart: RateChart, caption: string): string[] {
  const notes = new Footnotes(`${chart.id}-note`);
  const tables = chunk(chart.metrics, 4).map((metrics) => {
    const rows = [chart.overall, ...chart.groups];
    const { note, style } = describeIntervals(
      rows.flatMap((r) => metrics.map((id) => r.metrics[id]?.interval)),
    );
    const row = (header: string, metricsRow: GroupMetrics): string =>
      `<tr>${header}${metrics.map((id) => `<td class="num">${renderMetricValue(metricsRow.metrics[id], notes, style)}</td>`).join('')}</tr>`;
    const body = [
      row('<th scope="row"><em>Overall</em></th>', chart.overall),
      ...chart.groups.map((g) => row(groupHeaderCell(g, chart.attribute, chart.minGroupSize), g)),
    ];
    return dataTable(`${caption}${note}`, ['Group', ...metrics.map((id) => METRIC_LABELS[id].short)], body);
  });
  return [...tables, notes.render()];
}

/** The small multiples of an attribute as a `<figure>` with its caption and data tables. */
export async function renderRateChartFigure(chart: RateChart): Promise<string> {
  const caption = chartCaption(chart);
  return renderChartFigure({
    id: chart.id,
    spec: buildRateChartSpec(chart),
    caption,
    tables: dataTables(chart, caption),
  });
}
