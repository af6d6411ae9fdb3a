import type {
  BiasMetricId,
  BiasSection,
  BiasSummary,
  GroupMetrics,
  Interval,
  MetricValue,
} from '@rai-audit/core';
import { escapeHtml } from './escape.js';
import type { Footnotes } from './html-footnotes.js';
import { METRIC_LABELS, SUMMARY_LABELS, metricColumns } from './metric-labels.js';
import { formatNumber, formatRate } from './presentation.js';

const UNDEFINED_WITHOUT_REASON = 'The value is undefined; the producer gave no reason.';

/** An interval as `[0.412, 0.498] 95% Wilson`. */
export function formatInterval(interval: Interval): string {
  const level = `${formatNumber(interval.level * 100)}%`;
  const method = interval.method === 'wilson' ? 'Wilson' : 'bootstrap';
  return `[${formatRate(interval.lower)}, ${formatRate(interval.upper)}] ${level} ${method}`;
}

/**
 * A rate for a table cell: the value with its interval, or "undefined" with the reason (in a title and a
 * footnote), never 0 or NaN. A metric the producer did not report reads "not reported".
 */
export function renderMetricValue(metric: MetricValue | undefined, notes: Footnotes): string {
  if (metric === undefined) return '<span class="muted">not reported</span>';
  if (metric.value === null || !Number.isFinite(metric.value)) {
    const reason = metric.reason ?? UNDEFINED_WITHOUT_REASON;
    return `<span class="undefined" title="${escapeHtml(reason)}">undefined</span>${notes.reference(reason)}`;
  }
  const ratio =
    metric.numerator !== undefined && metric.denominator !== undefined
      ? ` title="${formatNumber(metric.numerator)} / ${formatNumber(metric.denominator)}"`
      : '';
  const interval =
    metric.interval === undefined ? '' : `<span class="interval">${formatInterval(metric.interval)}</span>`;
  return `<span class="value"${ratio}>${formatRate(metric.value)}</span>${interval}`;
}

function metricHeader(id: BiasMetricId): string {
  const label = METRIC_LABELS[id];
  return `<th scope="col"><abbr title="${escapeHtml(label.long)}">${escapeHtml(label.short)}</abbr></th>`;
}

function groupRow(
  row: GroupMetrics,
  columns: readonly BiasMetricId[],
  notes: Footnotes,
  label: string,
): string {
  const { tp, fp, tn, fn } = row.counts;
  const counts = [tp, fp, tn, fn].map(formatNumber).join(' / ');
  const cells = columns.map((id) => `<td class="num">${renderMetricValue(row.metrics[id], notes)}</td>`);
  return `<tr><th scope="row">${label}</th><td class="num">${formatNumber(row.n)}</td>${cells.join('')}<td class="num counts">${counts}</td></tr>`;
}

/** Per-group metrics of one attribute, with the overall row first, as an accessible table. */
export function renderGroupMetricsTable(
  attribute: string,
  groups: readonly GroupMetrics[],
  overall: GroupMetrics,
  notes: Footnotes,
): string {
  const present = new Set<BiasMetricId>();
  for (const row of [overall, ...groups])
    for (const id of Object.keys(row.metrics)) present.add(id as BiasMetricId);
  const columns = metricColumns(present);
  const header = `<tr><th scope="col">Group</th><th scope="col">n</th>${columns.map(metricHeader).join('')}<th scope="col">TP / FP / TN / FN</th></tr>`;
  const rows = [
    groupRow(overall, columns, notes, '<em>Overall</em>'),
    ...groups.map((row) => groupRow(row, columns, notes, escapeHtml(row.group))),
  ];
  return [
    '<div class="table-scroll"><table class="metrics">',
    `<caption>Metrics by group of <q>${escapeHtml(attribute)}</q></caption>`,
    `<thead>${header}</thead><tbody>${rows.join('')}</tbody>`,
    '</table></div>',
  ].join('');
}

function extremeCell(extreme: BiasSummary['highest']): string {
  return extreme === undefined
    ? '<td>–</td>'
    : `<td>${escapeHtml(extreme.group)} (${formatRate(extreme.value)})</td>`;
}

function summaryValue(summary: BiasSummary, notes: Footnotes): string {
  if (summary.value !== null) return formatRate(summary.value);
  const reason = summary.reason ?? UNDEFINED_WITHOUT_REASON;
  return `<span class="undefined" title="${escapeHtml(reason)}">undefined</span>${notes.reference(reason)}`;
}

/** The disparity summaries (demographic parity difference and ratio per attribute) as a table. */
export function renderSummariesTable(summaries: readonly BiasSummary[], notes: Footnotes): string {
  if (summaries.length === 0) return '<p class="muted">No summaries were computed.</p>';
  const rows = summaries.map(
    (summary) =>
      `<tr><th scope="row">${escapeHtml(summary.attribute)}</th><td>${escapeHtml(SUMMARY_LABELS[summary.summary])}</td>` +
      `<td>${escapeHtml(METRIC_LABELS[summary.metric].short)}</td><td class="num">${summaryValue(summary, notes)}</td>` +
      `${extremeCell(summary.highest)}${extremeCell(summary.lowest)}</tr>`,
  );
  const header =
    '<tr><th scope="col">Attribute</th><th scope="col">Summary</th><th scope="col">Over</th>' +
    '<th scope="col">Value</th><th scope="col">Highest group</th><th scope="col">Lowest group</th></tr>';
  return `<div class="table-scroll"><table><caption>Demographic parity across the groups of each attribute</caption><thead>${header}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Rows without a value of each attribute; they form the "(missing)" group unless the user dropped them. */
export function renderMissingTable(section: BiasSection): string {
  const rows = section.columns.attributes.map((attribute) => {
    const missing = section.missing.find((entry) => entry.attribute === attribute)?.rows ?? 0;
    const share = section.rows === 0 ? 'undefined' : `${formatNumber((missing / section.rows) * 100)}%`;
    return `<tr><th scope="row">${escapeHtml(attribute)}</th><td class="num">${formatNumber(missing)}</td><td class="num">${share}</td></tr>`;
  });
  const header =
    '<tr><th scope="col">Attribute</th><th scope="col">Rows without a value</th><th scope="col">Share of rows</th></tr>';
  return `<table><caption>Rows without a value, out of ${formatNumber(section.rows)}</caption><thead>${header}</thead><tbody>${rows.join('')}</tbody></table>`;
}
