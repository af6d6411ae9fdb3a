import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from '../escape.js';
import { renderVegaLiteSvg } from './vega-svg.js';
import { scrollRegionStart } from '../html/scroll-region.js';

/**
 * The font vega writes on every text element: a short generic name, since the stylesheet sets the report's font
 * stack on chart text (CSS wins over SVG presentation attributes), which keeps the inline SVG small.
 */
export const CHART_FONT = 'sans-serif';

/**
 * Shared vega-lite config: the report's font and muted frame, readable label sizes. Per-mark ARIA labels are off:
 * each chart is one image labelled by its caption, with its data in the table beside it, and the labels would
 * multiply the size of the SVG.
 */
export const CHART_CONFIG = {
  aria: false,
  font: CHART_FONT,
  view: { stroke: '#d0d7de' },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titlePadding: 8,
    labelColor: '#1f2328',
    titleColor: '#1f2328',
  },
  header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12, labelColor: '#1f2328' },
  legend: { labelFontSize: 11, titleFontSize: 12, symbolSize: 90, labelLimit: 260 },
} as const;

/** Colours of statuses, the same as the stylesheet's; always paired with a shape and a word. */
export const STATUS_COLORS = {
  pass: '#1a7f37',
  fail: '#cf222e',
  muted: '#6e7781',
  ink: '#1f2328',
  band: '#dafbe1',
} as const;

/**
 * Series colours for groups (Okabe–Ito, distinguishable with the common colour-vision deficiencies); lines also
 * differ by dash pattern, so a group never depends on colour alone.
 */
export const GROUP_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#f0e442',
];

/** A chart to put in the report: its spec, caption and the same data as tables. */
export interface ChartFigure {
  /** Element id prefix, unique in the document. */
  readonly id: string;
  readonly spec: TopLevelSpec;
  /** Plain text; escaped here. */
  readonly caption: string;
  /** HTML of the data tables (already escaped), shown collapsed under the chart. */
  readonly tables: readonly string[];
  /** HTML (already escaped) shown under the caption: a key to marks that text cannot carry in the caption. */
  readonly key?: string;
}

/** A chart as a `<figure>`: the inline SVG, a caption, and the same data as an accessible table. */
export async function renderChartFigure(figure: ChartFigure): Promise<string> {
  const captionId = `${figure.id}-caption`;
  const svg = await renderVegaLiteSvg(figure.spec, captionId);
  return [
    '<figure class="chart">',
    `<div class="chart-image">${svg}</div>`,
    `<figcaption id="${captionId}">${escapeHtml(figure.caption)}</figcaption>`,
    figure.key ?? '',
    '<details class="chart-data"><summary>Data table for this chart</summary>',
    ...figure.tables,
    '</details>',
    '</figure>',
  ].join('');
}

/** A data table for a chart: a caption, column headers, and rows whose first cell is the row header. */
export function dataTable(caption: string, headers: readonly string[], rows: readonly string[]): string {
  return groupedDataTable(caption, headers, [`<tbody>${rows.join('')}</tbody>`]);
}

/** A data table whose rows come in groups, each a whole `<tbody>` that starts with a row-group header. */
export function groupedDataTable(
  caption: string,
  headers: readonly string[],
  bodies: readonly string[],
): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  return `${scrollRegionStart(caption)}<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead>${bodies.join('')}</table></div>`;
}

/**
 * The group channel of the charts. Groups keep the result's order through a numeric field: an explicit sort
 * array would make vega-lite write the group names into vega expressions, which user text must never enter.
 */
export const GROUP_CHANNEL = {
  field: 'group',
  type: 'nominal' as const,
  sort: { field: 'order', op: 'min' as const },
  title: null,
  axis: { labelLimit: 260 },
};

/** Splits columns into chunks of at most `size`, so a wide data table becomes several narrow ones. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
