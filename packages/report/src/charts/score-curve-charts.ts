import type { ScoreAnalysis } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  STATUS_COLORS,
  dataTable,
  groupedDataTable,
  renderChartFigure,
} from './chart-figure.js';
import { escapeHtml } from '../escape.js';
import { Footnotes } from '../html/footnotes.js';
import { renderUndefined } from '../html/metric-values.js';
import { thinLine } from './line-thinning.js';
import { formatNumber, formatRate } from '../presentation.js';
import { scoreSeries, seriesEncoding, seriesEntries } from './score-series.js';
import type { ScoreChartContext, ScoreSeries } from './score-series.js';

type RocEntry = ScoreAnalysis['roc'][number];
type CalibrationBin = ScoreAnalysis['calibration']['bins'][number];

const SQUARE = 240;
const UNIT_AXIS = { domain: [0, 1], nice: false };
const GRID = { grid: true, gridColor: '#eaeef2', format: '.1f', tickCount: 5 };

/** The dashed diagonal: chance on a ROC chart, perfect calibration on a calibration chart. */
function diagonal(x: string, y: string) {
  return {
    data: {
      values: [
        { [x]: 0, [y]: 0 },
        { [x]: 1, [y]: 1 },
      ],
    },
    mark: { type: 'line' as const, color: STATUS_COLORS.muted, strokeDash: [4, 4], strokeWidth: 1 },
    encoding: {
      x: { field: x, type: 'quantitative' as const, scale: UNIT_AXIS },
      y: { field: y, type: 'quantitative' as const, scale: UNIT_AXIS },
    },
  };
}

function rocEntry(context: ScoreChartContext, series: ScoreSeries): RocEntry | undefined {
  return seriesEntries(context.scores.roc, series, context.attribute.key)[0];
}

function aucText(entry: RocEntry | undefined): string {
  return entry?.auc === null || entry?.auc === undefined ? 'AUC undefined' : `AUC ${formatRate(entry.auc)}`;
}

/** ROC series: each legend label carries the group's AUC. */
function rocSeries(context: ScoreChartContext): ScoreSeries[] {
  return scoreSeries(context, context.scores.roc).map((s) => ({
    ...s,
    label: `${s.label} (${aucText(rocEntry(context, s))})`,
  }));
}

function rocPoints(entry: RocEntry | undefined) {
  const sorted = [...(entry?.points ?? [])].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr);
  return thinLine(sorted);
}

/** ROC curves per group, with the chance diagonal; the legend names each group's AUC. */
export function buildRocSpec(context: ScoreChartContext): TopLevelSpec {
  const series = rocSeries(context);
  const values = series.flatMap((s) =>
    rocPoints(rocEntry(context, s)).map((p, index) => ({ series: s.label, order: s.order, index, ...p })),
  );
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    width: SQUARE,
    height: SQUARE,
    data: { values },
    layer: [
      diagonal('fpr', 'tpr'),
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: {
            field: 'fpr',
            type: 'quantitative',
            scale: UNIT_AXIS,
            axis: { title: 'False positive rate', ...GRID },
          },
          y: {
            field: 'tpr',
            type: 'quantitative',
            scale: UNIT_AXIS,
            axis: { title: 'True positive rate', ...GRID },
          },
          order: { field: 'index', type: 'quantitative' },
          ...seriesEncoding(series, 'right'),
        },
      },
    ],
  };
}

function calibrationBins(context: ScoreChartContext, series: ScoreSeries): CalibrationBin[] {
  return [...seriesEntries(context.scores.calibration.bins, series, context.attribute.key)].sort(
    (a, b) => a.lower - b.lower,
  );
}

/** Calibration curves per group: mean score against the observed positive rate in each score bin. */
export function buildCalibrationSpec(context: ScoreChartContext): TopLevelSpec {
  const series = scoreSeries(context, context.scores.calibration.bins);
  const values = series.flatMap((s) =>
    calibrationBins(context, s).map((bin) => ({ series: s.label, order: s.order, ...bin })),
  );
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    width: SQUARE,
    height: SQUARE,
    data: { values },
    layer: [
      diagonal('meanScore', 'observedRate'),
      {
        mark: { type: 'line', strokeWidth: 2, point: { size: 30, filled: true } },
        encoding: {
          x: {
            field: 'meanScore',
            type: 'quantitative',
            scale: UNIT_AXIS,
            axis: { title: 'Mean score in bin', ...GRID },
          },
          y: {
            field: 'observedRate',
            type: 'quantitative',
            scale: UNIT_AXIS,
            axis: { title: 'Observed positive rate', ...GRID },
          },
          ...seriesEncoding(series, 'right'),
        },
      },
    ],
  };
}

function rocTable(context: ScoreChartContext, caption: string, notes: Footnotes): string {
  const rows = scoreSeries(context, context.scores.roc).map((s) => {
    const entry = rocEntry(context, s);
    const auc =
      entry?.auc === null || entry === undefined
        ? renderUndefined(entry?.reason, notes)
        : formatRate(entry.auc);
    const points = thinLine(rocPoints(entry), 11)
      .map((p) => `(${formatRate(p.fpr)}, ${formatRate(p.tpr)})`)
      .join(' ');
    return `<tr><th scope="row">${escapeHtml(s.label)}</th><td class="num">${auc}</td><td class="points">${points}</td></tr>`;
  });
  return dataTable(
    `${caption} Curve points as (FPR, TPR), up to 11 per group.`,
    ['Group', 'AUC', 'Curve points'],
    rows,
  );
}

function calibrationTable(context: ScoreChartContext, caption: string): string {
  const bodies = scoreSeries(context, context.scores.calibration.bins).map((s) => {
    const rows = calibrationBins(context, s).map(
      (bin) =>
        `<tr><th scope="row">[${formatNumber(bin.lower)}, ${formatNumber(bin.upper)})</th><td class="num">${formatNumber(bin.n)}</td>` +
        `<td class="num">${formatRate(bin.meanScore)}</td><td class="num">${formatRate(bin.observedRate)}</td></tr>`,
    );
    const heading = `<tr class="rowgroup"><th scope="rowgroup" colspan="4">${escapeHtml(s.label)}</th></tr>`;
    return `<tbody>${heading}${rows.join('')}</tbody>`;
  });
  return groupedDataTable(caption, ['Score bin', 'n', 'Mean score', 'Observed rate'], bodies);
}

/** The ROC curves of an attribute as a `<figure>`, or nothing when the analysis has none for it. */
export async function renderRocFigure(context: ScoreChartContext): Promise<string> {
  if (scoreSeries(context, context.scores.roc).every((s) => s.overall)) return '';
  const caption =
    `ROC curves of “${context.scores.column}” by group of “${context.attribute.label}”, with each group's AUC in ` +
    'the legend; the dashed diagonal is chance.';
  const notes = new Footnotes(`${context.id}-roc-note`);
  const table = rocTable(context, caption, notes);
  return renderChartFigure({
    id: `${context.id}-roc`,
    spec: buildRocSpec(context),
    caption,
    tables: [table, notes.render()],
  });
}

/** The calibration curves of an attribute as a `<figure>`, or nothing when there are no bins for it. */
export async function renderCalibrationFigure(context: ScoreChartContext): Promise<string> {
  if (scoreSeries(context, context.scores.calibration.bins).every((s) => s.overall)) return '';
  const caption =
    `Calibration of “${context.scores.column}” by group of “${context.attribute.label}”: the observed positive ` +
    'rate against the mean score in each score bin; the dashed diagonal is perfect calibration.';
  return renderChartFigure({
    id: `${context.id}-calibration`,
    spec: buildCalibrationSpec(context),
    caption,
    tables: [calibrationTable(context, caption)],
  });
}
