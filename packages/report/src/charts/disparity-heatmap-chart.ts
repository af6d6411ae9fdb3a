import type { BiasMetricId, GroupMetrics } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  GROUP_CHANNEL,
  STATUS_COLORS,
  chunk,
  dataTable,
  renderChartFigure,
} from './chart-figure.js';
import { escapeHtml } from '../escape.js';
import { shownVerdict, verdictStyles, type DisparityChartInput } from './disparity-verdicts.js';
import { chartGroupLabels } from '../labels/group-labels.js';
import { Footnotes } from '../html/footnotes.js';
import { groupHeaderCell } from '../html/group-tables.js';
import { describeIntervals, renderEstimate } from '../html/metric-values.js';
import { METRIC_LABELS } from '../labels/metric-labels.js';
import { formatNumber } from '../presentation.js';

/** A heatmap of disparity ratios: groups of one attribute by metric. */
export type DisparityHeatmap = DisparityChartInput;

interface CellDatum {
  metric: string;
  metricOrder: number;
  group: string;
  order: number;
  /** The colour class of the ratio, a label of the legend. */
  color: string;
  text: string;
  /** Strong colour: the text is drawn white. */
  dark: boolean;
}

/** A cell's text: the ratio with two decimals, after the verdict's shape when it is not a plain pass. */
function cellText(ratio: number | null, parity: string | undefined): string {
  if (ratio === null) return '—';
  const value = ratio.toFixed(2);
  if (parity === 'fail') return `✖ ${value}`;
  if (parity === 'insufficient-data') return `▲ ${value}`;
  if (parity === 'reference') return `◆ ${value}`;
  return value;
}

/** Seven colours from far below 1 (dark blue) through parity (near white) to far above 1 (dark orange), then grey. */
const CLASS_COLORS = ['#08519c', '#6baed6', '#c6dbef', '#f6f8fa', '#fdd0a2', '#fd8d3c', '#a63603', '#d8dee4'];

/**
 * The colour classes of the ratios, in steps of the parity band: [tau, 1/tau] is parity, each further class is one
 * more factor of tau away (0.8: 0.51, 0.64, 0.8 | 1.25, 1.56, 1.95).
 */
export function colorBreaks(tau: number): number[] {
  return [tau ** 3, tau ** 2, tau, 1 / tau, 1 / tau ** 2, 1 / tau ** 3];
}

/** The legend labels of the classes, lowest first, and the undefined class last. */
export function colorClasses(tau: number): string[] {
  const b = colorBreaks(tau).map((x) => x.toFixed(2));
  const ranges = b.slice(1).map((upper, i) => `${b[i] ?? ''}–${upper}`);
  return [`< ${b[0] ?? ''}`, ...ranges, `≥ ${b.at(-1) ?? ''}`, 'undefined (—)'];
}

function classOf(ratio: number | null, tau: number): number {
  if (ratio === null) return CLASS_COLORS.length - 1;
  const index = colorBreaks(tau).findIndex((edge) => ratio < edge);
  return index < 0 ? CLASS_COLORS.length - 2 : index;
}

function cellDatum(
  map: DisparityHeatmap,
  id: BiasMetricId,
  row: GroupMetrics,
  order: number,
  label: string,
): CellDatum {
  const disparity = row.disparities?.[id];
  const raw = disparity?.ratio.value ?? null;
  const ratio = raw !== null && Number.isFinite(raw) ? raw : null;
  const index = classOf(ratio, map.tau);
  return {
    metric: METRIC_LABELS[id].short,
    metricOrder: map.metrics.indexOf(id),
    group: label,
    order,
    color: colorClasses(map.tau)[index] ?? '',
    text: cellText(ratio, disparity === undefined ? undefined : shownVerdict(map, row, id)),
    dark: index === 0 || index === CLASS_COLORS.length - 2,
  };
}

/** The colour channel: a class per ratio range, a swatch per class in the legend. */
function classColor(tau: number) {
  return {
    field: 'color',
    type: 'nominal' as const,
    scale: { domain: colorClasses(tau), range: CLASS_COLORS },
    legend: {
      title: 'Ratio to the reference group',
      orient: 'bottom' as const,
      direction: 'horizontal' as const,
      columns: 4,
      symbolType: 'square',
      symbolSize: 150,
      symbolStrokeColor: '#8c959f',
      symbolStrokeWidth: 0.5,
    },
  };
}

/**
 * Groups by metric, each cell coloured by its ratio's distance from 1 in classes of the parity band's width (blue
 * below, orange above) with the ratio printed in it, so colour is never the only carrier; undefined cells are grey
 * with "—". Classes rather than a continuous scale also keep the legend a row of swatches: a gradient legend needs
 * an SVG gradient whose id vega numbers per process, which would make the report's bytes depend on earlier renders.
 */
export function buildDisparityHeatmapSpec(map: DisparityHeatmap): TopLevelSpec {
  const labels = chartGroupLabels(map.groups, map.attribute, map.minGroupSize);
  const data = map.metrics.flatMap((id) =>
    map.groups.map((row, order) => cellDatum(map, id, row, order, labels[order] ?? row.group)),
  );
  const x = {
    field: 'metric',
    type: 'nominal' as const,
    sort: { field: 'metricOrder', op: 'min' as const },
    title: null,
    axis: {
      orient: 'top' as const,
      labelAngle: -35,
      labelAlign: 'left' as const,
      domain: false,
      ticks: false,
    },
  };
  const encoding = {
    x,
    y: { ...GROUP_CHANNEL, axis: { ...GROUP_CHANNEL.axis, domain: false, ticks: false } },
  };
  return {
    background: 'transparent',
    config: { ...CHART_CONFIG, view: { stroke: null } },
    data: { values: data },
    width: { step: 58 },
    height: { step: 24 },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          ...encoding,
          color: classColor(map.tau),
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          ...encoding,
          text: { field: 'text' },
          color: { condition: { test: 'datum.dark', value: '#ffffff' }, value: STATUS_COLORS.ink },
        },
      },
    ],
  };
}

function caption(map: DisparityHeatmap): string {
  return (
    `Disparity ratios of the groups of “${map.attribute.label}” by metric: colour shows how far each ratio is from ` +
    `1, in steps of the parity band [${formatNumber(map.tau)}, ${formatNumber(1 / map.tau)}] (blue below, orange ` +
    'above); the ratio is printed in each cell, ✖ outside the parity band where a check at level error or warn ' +
    'judges it, ▲ insufficient data, ◆ the reference group, — undefined.'
  );
}

function dataTables(map: DisparityHeatmap, text: string): string[] {
  const notes = new Footnotes(`${map.id}-note`);
  const styles = verdictStyles(map.minGroupSize);
  const tables = chunk(map.metrics, 5).map((metrics) => {
    const intervals = map.groups.flatMap((row) => metrics.map((id) => row.disparities?.[id]?.ratio.interval));
    const { note, style } = describeIntervals(intervals);
    const rows = map.groups.map((row) => {
      const cells = metrics.map((id) => {
        const disparity = row.disparities?.[id];
        if (disparity === undefined) return '<td class="num"><span class="muted">–</span></td>';
        const verdict = styles[disparity.parity];
        const unjudged = shownVerdict(map, row, id) === 'not-judged' ? ` (${styles['not-judged'].text})` : '';
        return `<td class="num">${renderEstimate(disparity.ratio, notes, style)}<span class="interval">${verdict.icon} ${escapeHtml(verdict.text + unjudged)}</span></td>`;
      });
      return `<tr>${groupHeaderCell(row, map.attribute, map.minGroupSize)}${cells.join('')}</tr>`;
    });
    return dataTable(`${text}${note}`, ['Group', ...metrics.map((id) => METRIC_LABELS[id].short)], rows);
  });
  return [...tables, notes.render()];
}

/** The disparity heatmap of an attribute as a `<figure>` with its data tables. */
export async function renderDisparityHeatmapFigure(map: DisparityHeatmap): Promise<string> {
  const text = caption(map);
  return renderChartFigure({
    id: map.id,
    spec: buildDisparityHeatmapSpec(map),
    caption: text,
    tables: dataTables(map, text),
  });
}
