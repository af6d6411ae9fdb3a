import type { ScoreAnalysis, ThresholdRule } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, STATUS_COLORS, chunk, dataTable, renderChartFigure } from './chart-figure.js';
import { thinLine } from './line-thinning.js';
import { scoreSeries, seriesEncoding, seriesEntries } from './score-series.js';
import type { ScoreChartContext, ScoreSeries } from './score-series.js';
import { formatNumber, formatRate } from '../presentation.js';

type SweepEntry = ScoreAnalysis['sweep'][number];
type SweepMetric = 'selection_rate' | 'tpr' | 'fpr';

const SWEEP_METRICS: readonly { id: SweepMetric; label: string }[] = [
  { id: 'selection_rate', label: 'Selection rate' },
  { id: 'tpr', label: 'TPR' },
  { id: 'fpr', label: 'FPR' },
];

/** Rows of the data table: evenly spaced thresholds out of the ones drawn. */
const TABLE_THRESHOLDS = 11;

/** The single operating threshold of a rule, when it has one (a per-group rule has several). */
function ruleThreshold(rule: ThresholdRule | undefined): number | undefined {
  return rule === undefined || rule.kind === 'per-group' ? undefined : rule.threshold;
}

function sweepLine(context: ScoreChartContext, series: ScoreSeries): SweepEntry[] {
  const own = seriesEntries(context.scores.sweep, series, context.attribute.key);
  return thinLine([...own].sort((a, b) => a.threshold - b.threshold));
}

function sweepData(context: ScoreChartContext, series: readonly ScoreSeries[]) {
  const lines = series.flatMap((s) =>
    sweepLine(context, s).flatMap((entry) =>
      SWEEP_METRICS.map((metric, metricOrder) => ({
        kind: 'line',
        metric: metric.label,
        metricOrder,
        series: s.label,
        order: s.order,
        threshold: entry.threshold,
        value: entry[metric.id],
      })),
    ),
  );
  const threshold = ruleThreshold(context.scores.rule);
  const rules =
    threshold === undefined
      ? []
      : SWEEP_METRICS.map((metric, metricOrder) => ({
          kind: 'rule',
          metric: metric.label,
          metricOrder,
          threshold,
        }));
  return [...lines, ...rules];
}

/** Selection rate, TPR and FPR against the threshold, one panel each, a line per group, the operating threshold ruled. */
export function buildSweepSpec(context: ScoreChartContext): TopLevelSpec {
  const series = scoreSeries(context, context.scores.sweep);
  const { min, max } = context.scores.range;
  const x = {
    field: 'threshold',
    type: 'quantitative' as const,
    scale: { domain: [min, max], nice: false, zero: false },
    axis: { title: 'Threshold', tickCount: 5, grid: true, gridColor: '#eaeef2' },
  };
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    data: { values: sweepData(context, series) },
    facet: { field: 'metric', type: 'nominal', sort: { field: 'metricOrder', op: 'min' }, title: null },
    columns: 3,
    spacing: { column: 18 },
    spec: {
      width: 230,
      height: 170,
      layer: [
        {
          transform: [{ filter: 'datum.kind === "line" && isValid(datum.value)' }],
          mark: { type: 'line', strokeWidth: 2, interpolate: 'linear' },
          encoding: {
            x,
            y: {
              field: 'value',
              type: 'quantitative',
              scale: { domain: [0, 1], nice: false },
              axis: { title: null, format: '.1f', tickCount: 5, grid: true, gridColor: '#eaeef2' },
            },
            ...seriesEncoding(series),
          },
        },
        {
          transform: [{ filter: 'datum.kind === "rule"' }],
          mark: { type: 'rule', color: STATUS_COLORS.muted, strokeDash: [3, 3], strokeWidth: 1.5 },
          encoding: { x: { ...x } },
        },
      ],
    },
  };
}

function pickThresholds(entries: readonly SweepEntry[]): number[] {
  const all = [...new Set(entries.map((entry) => entry.threshold))].sort((a, b) => a - b);
  return thinLine(all, TABLE_THRESHOLDS);
}

function valueCell(value: number | null | undefined): string {
  if (value === undefined) return '<td class="num"><span class="muted">–</span></td>';
  if (value === null) return '<td class="num"><span class="undefined">undefined</span></td>';
  return `<td class="num">${formatRate(value)}</td>`;
}

function dataTables(context: ScoreChartContext, caption: string): string[] {
  const series = scoreSeries(context, context.scores.sweep);
  const bySeries = series.map((s) => sweepLine(context, s));
  const thresholds = pickThresholds(bySeries.flat());
  return SWEEP_METRICS.flatMap((metric) =>
    chunk(
      series.map((s, i) => ({ s, entries: bySeries[i] ?? [] })),
      6,
    ).map((columns) => {
      const rows = thresholds.map((t) => {
        const cells = columns.map(({ entries }) =>
          valueCell(entries.find((e) => e.threshold === t)?.[metric.id]),
        );
        return `<tr><th scope="row">${formatNumber(t)}</th>${cells.join('')}</tr>`;
      });
      const title = `${metric.label} at ${thresholds.length} of the thresholds drawn. ${caption}`;
      return dataTable(title, ['Threshold', ...columns.map(({ s }) => s.label)], rows);
    }),
  );
}

/** The threshold sweep of an attribute as a `<figure>`, or nothing when the analysis has no sweep for it. */
export async function renderSweepFigure(context: ScoreChartContext): Promise<string> {
  const series = scoreSeries(context, context.scores.sweep);
  if (series.every((s) => s.overall)) return '';
  const threshold = ruleThreshold(context.scores.rule);
  const rule =
    threshold === undefined ? '' : ` The dotted line is the operating threshold ${formatNumber(threshold)}.`;
  const caption =
    `Threshold sweep of “${context.scores.column}” by group of “${context.attribute.label}”: the selection rate, ` +
    `TPR and FPR each group would have at every threshold, on a fixed 0–1 scale; lines differ by colour and dash.${rule}`;
  return renderChartFigure({
    id: `${context.id}-sweep`,
    spec: buildSweepSpec(context),
    caption,
    tables: dataTables(context, caption),
  });
}
