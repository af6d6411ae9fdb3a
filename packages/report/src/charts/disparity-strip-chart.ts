import type { BiasMetricId, Disparity, GroupMetrics } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  GROUP_CHANNEL,
  STATUS_COLORS,
  groupedDataTable,
  renderChartFigure,
} from './chart-figure.js';
import {
  shownVerdict,
  verdictEncoding,
  verdictStyles,
  type DisparityChartInput,
} from './disparity-verdicts.js';
import { escapeHtml } from '../escape.js';
import { chartGroupLabels, flagLegend, groupLabel } from '../labels/group-labels.js';
import { Footnotes } from '../html/footnotes.js';
import { groupHeaderCell } from '../html/group-tables.js';
import { describeIntervals, renderEstimate } from '../html/metric-values.js';
import type { IntervalStyle } from '../html/metric-values.js';
import { METRIC_LABELS } from '../labels/metric-labels.js';
import { formatNumber, formatRate } from '../presentation.js';

/** An Aequitas-style disparity strip: per metric, each group's ratio to the reference group. */
export type DisparityStrip = DisparityChartInput;

interface StripDatum {
  metric: string;
  metricOrder: number;
  group: string;
  order: number;
  first: boolean;
  verdict: string;
  x: number | null;
  lower: number | null;
  upper: number | null;
  clamp: 'low' | 'high' | null;
  clampText: string | null;
}

/** The ratio axis: log scale from 1/4 to 4, wider when tau asks for it, with the band edges as ticks. */
export function ratioAxis(tau: number): { domain: [number, number]; ticks: number[] } {
  const low = Math.min(0.25, tau / 2);
  const high = 1 / low;
  const ticks = [...new Set([low, 0.5, tau, 1, 1 / tau, 2, high])]
    .filter((tick) => tick >= low && tick <= high)
    .sort((a, b) => a - b);
  return { domain: [low, high], ticks };
}

function clampRatio(value: number | null | undefined, domain: [number, number]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  return Math.min(domain[1], Math.max(domain[0], value));
}

function stripDatum(
  strip: DisparityStrip,
  id: BiasMetricId,
  row: GroupMetrics,
  order: number,
  label: string,
): StripDatum {
  const { domain } = ratioAxis(strip.tau);
  const disparity = row.disparities?.[id];
  const ratio = disparity?.ratio.value ?? null;
  const verdict = shownVerdict(strip, row, id);
  const drawn = ratio !== null && Number.isFinite(ratio) && verdict !== 'undefined' ? ratio : null;
  const clamp = drawn === null ? null : drawn < domain[0] ? 'low' : drawn > domain[1] ? 'high' : null;
  const clampText =
    drawn === null || clamp === null
      ? null
      : clamp === 'low'
        ? `◀ ${formatRate(drawn)}`
        : `${formatRate(drawn)} ▶`;
  return {
    metric: METRIC_LABELS[id].short,
    metricOrder: strip.metrics.indexOf(id),
    group: label,
    order,
    first: order === 0,
    verdict: verdictStyles(strip.minGroupSize)[verdict].legend,
    x: clampRatio(drawn, domain),
    lower: drawn === null ? null : clampRatio(disparity?.ratio.interval?.lower, domain),
    upper: drawn === null ? null : clampRatio(disparity?.ratio.interval?.upper, domain),
    clamp,
    clampText,
  };
}

function edgeText(side: 'low' | 'high', x: object) {
  return {
    transform: [{ filter: `datum.clamp === "${side}"` }],
    mark: {
      type: 'text' as const,
      align: side === 'low' ? ('left' as const) : ('right' as const),
      dx: side === 'low' ? 8 : -8,
      fontSize: 10,
      color: STATUS_COLORS.ink,
    },
    encoding: { y: GROUP_CHANNEL, x: { ...x, field: 'x' }, text: { field: 'clampText' } },
  };
}

/** The ratio channel: a log scale with the band edges as ticks. */
function ratioChannel(tau: number) {
  const { domain, ticks } = ratioAxis(tau);
  return {
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain, nice: false },
    // No label at 1: the rule marks it, and its label would crowd the band edges' labels.
    axis: {
      values: ticks.filter((t) => t !== 1),
      format: '~g',
      title: null,
      grid: true,
      gridColor: '#eaeef2',
    },
  };
}

/** The layers of a panel: band, rule at 1, intervals, points, edge annotations, "undefined". */
function stripLayers(strip: DisparityStrip) {
  const x = ratioChannel(strip.tau);
  const styles = Object.values(verdictStyles(strip.minGroupSize));
  // Every drawn verdict is in the legend whether or not this attribute has it: one key for every attribute, and one
  // spec shape, compiled once. "Undefined" is never a point: it reads as text in the panel.
  const legends = styles.map((s) => s.legend).filter((legend) => legend !== 'Undefined');
  const band = { filter: 'datum.first' };
  const y = GROUP_CHANNEL;
  return [
    {
      transform: [band],
      mark: { type: 'rect' as const, color: STATUS_COLORS.band, opacity: 0.9 },
      encoding: { x: { ...x, datum: strip.tau }, x2: { datum: 1 / strip.tau } },
    },
    {
      transform: [band],
      mark: { type: 'rule' as const, color: STATUS_COLORS.ink, strokeWidth: 1 },
      encoding: { x: { ...x, datum: 1 } },
    },
    {
      transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
      mark: { type: 'rule' as const, color: STATUS_COLORS.ink, strokeWidth: 1.5 },
      encoding: { y, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
    },
    {
      transform: [{ filter: 'isValid(datum.x)' }],
      mark: { type: 'point' as const, size: 70, strokeWidth: 1.5, opacity: 1 },
      encoding: { y, x: { ...x, field: 'x' }, ...verdictEncoding(legends, styles) },
    },
    edgeText('low', x),
    edgeText('high', x),
    {
      transform: [{ filter: '!isValid(datum.x)' }],
      mark: {
        type: 'text' as const,
        align: 'left' as const,
        dx: 4,
        fontStyle: 'italic',
        color: STATUS_COLORS.muted,
      },
      encoding: { y, x: { ...x, datum: x.scale.domain[0] }, text: { value: 'undefined' } },
    },
  ];
}

/** One panel per metric: the shaded parity band, a rule at 1, each group as a point with its interval. */
export function buildDisparityStripSpec(strip: DisparityStrip): TopLevelSpec {
  const labels = chartGroupLabels(strip.groups, strip.attribute, strip.minGroupSize);
  const data = strip.metrics.flatMap((id) =>
    strip.groups.map((row, order) => stripDatum(strip, id, row, order, labels[order] ?? row.group)),
  );
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    data: { values: data },
    columns: Math.min(4, strip.metrics.length),
    facet: { field: 'metric', type: 'nominal', sort: { field: 'metricOrder', op: 'min' }, title: null },
    spacing: { row: 14, column: 18 },
    resolve: { axis: { x: 'independent' } },
    spec: { width: 180, height: { step: 17 }, layer: stripLayers(strip) },
  };
}

function verdictCell(
  disparity: Disparity | undefined,
  strip: DisparityStrip,
  row: GroupMetrics,
  id: BiasMetricId,
): string {
  if (disparity === undefined) return '<td><span class="muted">not reported</span></td>';
  const styles = verdictStyles(strip.minGroupSize);
  const style = styles[disparity.parity];
  // The table keeps the band comparison of an unjudged value, and says that no check rests on it.
  const unjudged = shownVerdict(strip, row, id) === 'not-judged' ? ` (${styles['not-judged'].text})` : '';
  return `<td class="verdict-${disparity.parity}"><span aria-hidden="true">${style.icon}</span> ${escapeHtml(style.text + unjudged)}</td>`;
}

function metricRows(strip: DisparityStrip, id: BiasMetricId, notes: Footnotes, style: IntervalStyle): string {
  const rows = strip.groups.map((row) => {
    const disparity = row.disparities?.[id];
    const ratio =
      disparity === undefined
        ? '<span class="muted">–</span>'
        : renderEstimate(disparity.ratio, notes, style);
    const difference =
      disparity === undefined
        ? '<span class="muted">–</span>'
        : renderEstimate(disparity.difference, notes, style);
    return `<tr>${groupHeaderCell(row, strip.attribute, strip.minGroupSize)}<td class="num">${formatNumber(row.n)}</td><td class="num">${ratio}</td><td class="num">${difference}</td>${verdictCell(disparity, strip, row, id)}</tr>`;
  });
  const heading = `<tr class="rowgroup"><th scope="rowgroup" colspan="5">${escapeHtml(METRIC_LABELS[id].long)}</th></tr>`;
  return `<tbody>${heading}${rows.join('')}</tbody>`;
}

function referenceName(strip: DisparityStrip): string {
  const reference = strip.groups.find((row) => row.reference === true);
  return reference === undefined ? 'the reference group' : `◆ ${groupLabel(reference, strip.attribute)}`;
}

function caption(strip: DisparityStrip): string {
  const { domain } = ratioAxis(strip.tau);
  return (
    `Disparities of the groups of “${strip.attribute.label}” against ${referenceName(strip)}: each metric's ratio ` +
    `to the reference group's, on a log scale from ${formatNumber(domain[0])} to ${formatNumber(domain[1])}. ` +
    `The shaded band is parity (${formatNumber(strip.tau)} ≤ ratio ≤ ${formatNumber(1 / strip.tau)}); bars are ` +
    'intervals; a ratio beyond the axis sits at its edge with its value (◀ or ▶). ● within and ✖ outside the ' +
    'band mark values a check at level error or warn judged; a grey square marks a value no such check judges. ' +
    flagLegend(strip.minGroupSize)
  );
}

/** The disparity strip of an attribute as a `<figure>`, with a long-form data table (n per group, verdicts). */
export async function renderDisparityStripFigure(strip: DisparityStrip): Promise<string> {
  const text = caption(strip);
  const notes = new Footnotes(`${strip.id}-note`);
  const estimates = strip.groups.flatMap((row) =>
    strip.metrics.flatMap((id) => {
      const d = row.disparities?.[id];
      return [d?.ratio.interval, d?.difference.interval];
    }),
  );
  const { note, style } = describeIntervals(estimates);
  const body = strip.metrics.map((id) => metricRows(strip, id, notes, style));
  const table = groupedDataTable(`${text}${note}`, ['Group', 'n', 'Ratio', 'Difference', 'Verdict'], body);
  return renderChartFigure({
    id: strip.id,
    spec: buildDisparityStripSpec(strip),
    caption: text,
    tables: [table, notes.render()],
  });
}
