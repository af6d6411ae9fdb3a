import type { BiasMetricId, GroupMetrics } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';
import { Footnotes } from './html-footnotes.js';
import { renderMetricValue } from './html-bias-tables.js';
import { METRIC_LABELS } from './metric-labels.js';
import { renderVegaLiteSvg } from './vega-svg.js';

/** The rates a chart can show; each chart is one or more of them on the same fixed 0–1 axis. */
export interface RateChart {
  /** Element id prefix, unique in the document. */
  readonly id: string;
  readonly attribute: string;
  readonly metrics: readonly BiasMetricId[];
  readonly groups: readonly GroupMetrics[];
  readonly overall: GroupMetrics;
}

interface BarDatum {
  group: string;
  order: number;
  metric: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

// Blue and orange stay distinguishable for the common colour-vision deficiencies.
const SERIES_COLOURS = ['#3b6ea8', '#d9822b', '#2a9d8f', '#7b5ea7'];
const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

function barData(chart: RateChart): BarDatum[] {
  return chart.groups.flatMap((row, order) =>
    chart.metrics.map((id) => {
      const metric = row.metrics[id];
      const value = metric?.value ?? null;
      return {
        group: row.group,
        order,
        metric: METRIC_LABELS[id].short,
        value: value !== null && Number.isFinite(value) ? value : null,
        lower: metric?.interval?.lower ?? null,
        upper: metric?.interval?.upper ?? null,
      };
    }),
  );
}

function overallData(chart: RateChart): { metric: string; value: number }[] {
  return chart.metrics.flatMap((id) => {
    const value = chart.overall.metrics[id]?.value;
    return value === undefined || value === null ? [] : [{ metric: METRIC_LABELS[id].short, value }];
  });
}

function rateAxis(several: boolean, label: string) {
  const title = several ? 'Rate (dashed lines: overall)' : `${label} (dashed line: overall)`;
  return {
    type: 'quantitative' as const,
    scale: { domain: [0, 1], nice: false, zero: true },
    axis: { format: '.1f', tickCount: 10, title },
  };
}

function seriesColour(labels: string[], several: boolean) {
  const legend = several ? { orient: 'bottom' as const, title: null } : null;
  return {
    field: 'metric',
    type: 'nominal' as const,
    scale: { domain: labels, range: SERIES_COLOURS },
    legend,
  };
}

// Groups keep the result's order through a numeric field: an explicit sort array would make vega-lite write the
// group names into vega expressions, which user text must never enter (and some characters cannot).
function groupChannels(chart: RateChart, labels: string[], several: boolean) {
  const y = {
    field: 'group',
    type: 'nominal' as const,
    sort: { field: 'order', op: 'min' as const },
    // The caption and the section heading name the attribute; a long name would stretch a rotated axis title.
    title: null,
    axis: { labelLimit: 220 },
  };
  if (!several) return { y };
  return {
    y,
    yOffset: { field: 'metric', type: 'nominal' as const, sort: labels, scale: { domain: labels } },
  };
}

/**
 * A horizontal bar per group (and per metric, side by side) on a fixed 0–1 axis, whiskers for intervals, the
 * overall rate as a dashed rule, and the word "undefined" where a rate has no value: a missing bar never reads as 0.
 */
export function buildRateChartSpec(chart: RateChart): TopLevelSpec {
  const labels = chart.metrics.map((id) => METRIC_LABELS[id].short);
  const several = labels.length > 1;
  const x = rateAxis(several, labels.join(', '));
  const colour = seriesColour(labels, several);
  const groups = groupChannels(chart, labels, several);
  const undefinedLabel = {
    type: 'text' as const,
    align: 'left' as const,
    dx: 4,
    fontStyle: 'italic',
    color: '#57606a',
  };
  return {
    width: 620,
    height: { step: several ? 15 : 26 },
    background: 'transparent',
    config: {
      font: CHART_FONT,
      view: { stroke: '#d0d7de' },
      axis: { labelFontSize: 12, titleFontSize: 13, titlePadding: 10 },
      legend: { labelFontSize: 12, symbolSize: 120 },
    },
    data: { values: barData(chart) },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.value)' }],
        mark: { type: 'bar', height: { band: 0.8 } },
        encoding: { ...groups, x: { ...x, field: 'value' }, color: colour },
      },
      {
        transform: [{ filter: 'isValid(datum.lower)' }],
        mark: { type: 'rule', color: '#1f2328' },
        encoding: { ...groups, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
      },
      {
        transform: [{ filter: '!isValid(datum.value)' }],
        mark: undefinedLabel,
        encoding: { ...groups, x: { ...x, datum: 0 }, text: { value: 'undefined' } },
      },
      {
        data: { values: overallData(chart) },
        mark: { type: 'rule', strokeDash: [5, 4], strokeWidth: 2 },
        encoding: { x: { ...x, field: 'value' }, color: several ? colour : { value: '#1f2328' } },
      },
    ],
  };
}

function chartCaption(chart: RateChart): string {
  const names = chart.metrics.map((id) => METRIC_LABELS[id].long).join(' and ');
  return `${names} by group of “${chart.attribute}”, on a fixed 0–1 scale; the dashed line is the overall rate.`;
}

function dataTable(chart: RateChart, caption: string): string {
  const notes = new Footnotes(`${chart.id}-note`);
  const header = chart.metrics
    .map((id) => `<th scope="col">${escapeHtml(METRIC_LABELS[id].short)}</th>`)
    .join('');
  const row = (label: string, metrics: GroupMetrics): string =>
    `<tr><th scope="row">${label}</th>${chart.metrics.map((id) => `<td class="num">${renderMetricValue(metrics.metrics[id], notes)}</td>`).join('')}</tr>`;
  const rows = [
    row('<em>Overall</em>', chart.overall),
    ...chart.groups.map((g) => row(escapeHtml(g.group), g)),
  ];
  return [
    '<details class="chart-data"><summary>Data table for this chart</summary>',
    `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Group</th>${header}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody></table>${notes.render()}</details>`,
  ].join('');
}

/** A chart as a `<figure>`: the inline SVG, a caption, and the same data as an accessible table. */
export async function renderRateChartFigure(chart: RateChart): Promise<string> {
  const captionId = `${chart.id}-caption`;
  const caption = chartCaption(chart);
  const svg = await renderVegaLiteSvg(buildRateChartSpec(chart), captionId);
  return [
    '<figure class="chart">',
    `<div class="chart-image">${svg}</div>`,
    `<figcaption id="${captionId}">${escapeHtml(caption)}</figcaption>`,
    dataTable(chart, caption),
    '</figure>',
  ].join('');
}
