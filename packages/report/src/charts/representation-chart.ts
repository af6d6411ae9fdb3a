import type { DatasetAnalysis, GroupMetrics } from '@rai-audit/core';
import type { TopLevelSpec } from 'vega-lite';
import {
  CHART_CONFIG,
  GROUP_CHANNEL,
  GROUP_COLORS,
  STATUS_COLORS,
  renderChartFigure,
} from './chart-figure.js';
import { escapeHtml } from '../escape.js';
import { groupLabel, uniqueLabels } from '../labels/group-labels.js';
import type { AttributeView } from '../labels/group-labels.js';
import { formatNumber, formatRate } from '../presentation.js';
import { scrollRegionStart } from '../html/scroll-region.js';

type RepresentationRow = DatasetAnalysis['representation'][number];

/** The representation of one attribute's groups: their share of rows, and the share expected when given. */
export interface RepresentationChart {
  readonly id: string;
  readonly attribute: AttributeView;
  readonly rows: readonly RepresentationRow[];
  /** The attribute's groups, for their order and intersection values. */
  readonly groups: readonly GroupMetrics[];
}

/** The rows in the groups' order; rows of groups the table does not list come last, sorted. */
function orderedRows(chart: RepresentationChart): RepresentationRow[] {
  const rank = (row: RepresentationRow): number => {
    const index = chart.groups.findIndex((g) => g.group === row.group);
    return index < 0 ? chart.groups.length : index;
  };
  return [...chart.rows].sort(
    (a, b) => rank(a) - rank(b) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
}

function labelsOf(chart: RepresentationChart, rows: readonly RepresentationRow[]): string[] {
  return uniqueLabels(
    rows.map((row) => {
      const group = chart.groups.find((g) => g.group === row.group);
      return groupLabel(group ?? { group: row.group }, chart.attribute);
    }),
  );
}

/** A bar per group for its share of rows, with a tick at the expected share when one was given. */
export function buildRepresentationSpec(chart: RepresentationChart): TopLevelSpec {
  const rows = orderedRows(chart);
  const labels = labelsOf(chart, rows);
  const values = rows.map((row, order) => ({
    group: labels[order] ?? row.group,
    order,
    share: Number.isFinite(row.share) ? row.share : null,
    expected: row.expectedShare ?? null,
  }));
  // Room past the largest share or expected share, so a tick at the maximum is not lost in the frame.
  const top = Math.max(0.1, ...values.map((v) => Math.max(v.share ?? 0, v.expected ?? 0))) * 1.1;
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, Math.min(1, Math.ceil(top * 10) / 10)], nice: false },
    axis: { title: 'Share of rows', format: '.0%', tickCount: 5, grid: true, gridColor: '#eaeef2' },
  };
  return {
    background: 'transparent',
    config: CHART_CONFIG,
    data: { values },
    width: 520,
    height: { step: 22 },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.share)' }],
        mark: { type: 'bar', color: GROUP_COLORS[0], height: { band: 0.7 } },
        encoding: { y: GROUP_CHANNEL, x: { ...x, field: 'share' } },
      },
      {
        transform: [{ filter: 'isValid(datum.expected)' }],
        mark: { type: 'tick', color: STATUS_COLORS.ink, thickness: 3, bandSize: 20, opacity: 1 },
        encoding: { y: GROUP_CHANNEL, x: { ...x, field: 'expected' } },
      },
    ],
  };
}

/** The representation table: n, share, expected share and the gap, one row per group. */
export function renderRepresentationTable(chart: RepresentationChart, caption: string): string {
  const rows = orderedRows(chart);
  const labels = labelsOf(chart, rows);
  const body = rows.map((row, index) => {
    const expected = row.expectedShare;
    const gap = expected === undefined ? '–' : formatRate(row.share - expected);
    return (
      `<tr><th scope="row">${escapeHtml(labels[index] ?? row.group)}</th><td class="num">${formatNumber(row.n)}</td>` +
      `<td class="num">${formatRate(row.share)}</td><td class="num">${expected === undefined ? '–' : formatRate(expected)}</td>` +
      `<td class="num">${gap}</td></tr>`
    );
  });
  const header = ['Group', 'n', 'Share', 'Expected share', 'Share − expected']
    .map((h) => `<th scope="col">${h}</th>`)
    .join('');
  return `${scrollRegionStart(caption)}<table><caption>${escapeHtml(caption)}</caption><thead><tr>${header}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** The representation chart of an attribute as a `<figure>` with the same data as a table. */
export async function renderRepresentationFigure(chart: RepresentationChart): Promise<string> {
  const hasExpected = chart.rows.some((row) => row.expectedShare !== undefined);
  const caption =
    `Representation of the groups of “${chart.attribute.label}”: each group's share of rows` +
    (hasExpected ? ' (bars) against the expected share (black ticks).' : '; no expected shares were given.');
  return renderChartFigure({
    id: chart.id,
    spec: buildRepresentationSpec(chart),
    caption,
    tables: [renderRepresentationTable(chart, caption)],
  });
}
