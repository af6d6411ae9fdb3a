import type { BiasSection, BiasSettings, BiasSummary } from '@rai-audit/core';
import { BiasSummaryIdSchema } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { groupLabel, sectionAttributes } from '../../labels/group-labels.js';
import type { AttributeView } from '../../labels/group-labels.js';
import type { Footnotes } from '../../html/footnotes.js';
import { describeIntervals, formatInterval, renderUndefined } from '../../html/metric-values.js';
import type { IntervalStyle } from '../../html/metric-values.js';
import { BASIS_LABELS, METRIC_LABELS, SUMMARY_LABELS, summaryBasis } from '../../labels/metric-labels.js';
import { formatNumber, formatPercent, formatRate } from '../../presentation.js';
import { scrollRegionStart } from '../../html/scroll-region.js';

function extremeCell(extreme: BiasSummary['highest'], attribute: AttributeView): string {
  if (extreme === undefined) return '<td>–</td>';
  const label = groupLabel({ group: extreme.group }, attribute);
  return `<td>${escapeHtml(label)} (${formatRate(extreme.value)})</td>`;
}

function summaryValue(summary: BiasSummary, notes: Footnotes, style: IntervalStyle): string {
  if (summary.value === null) return renderUndefined(summary.reason, notes);
  const interval =
    summary.interval === undefined
      ? ''
      : `<span class="interval">${formatInterval(summary.interval, style)}</span>`;
  return `${formatRate(summary.value)}${interval}`;
}

const SUMMARY_ORDER = BiasSummaryIdSchema.options;

/** What a summary is taken over; equalized odds always combines TPR and FPR. */
function overText(summary: BiasSummary): string {
  return summary.summary.startsWith('equalized_odds') ? 'TPR and FPR' : METRIC_LABELS[summary.metric].short;
}

function valueCell(summary: BiasSummary | undefined, notes: Footnotes, style: IntervalStyle): string {
  return summary === undefined
    ? '<td class="num"><span class="muted">–</span></td>'
    : `<td class="num">${summaryValue(summary, notes, style)}</td>`;
}

function attributeRows(
  attribute: AttributeView,
  summaries: readonly BiasSummary[],
  notes: Footnotes,
  style: IntervalStyle,
): string {
  const rows = SUMMARY_ORDER.flatMap((id) => {
    const own = summaries.filter((s) => s.summary === id);
    const between = own.find((s) => summaryBasis(s) === 'between-groups');
    const toOverall = own.find((s) => summaryBasis(s) === 'to-overall');
    const first = between ?? toOverall;
    if (first === undefined) return [];
    const label = SUMMARY_LABELS[id];
    return [
      `<tr><th scope="row"><abbr title="${escapeHtml(label.long)}">${escapeHtml(label.short)}</abbr></th>` +
        `<td class="nowrap">${escapeHtml(overText(first))}</td>${valueCell(between, notes, style)}${valueCell(toOverall, notes, style)}` +
        `${extremeCell(first.highest, attribute)}${extremeCell(first.lowest, attribute)}</tr>`,
    ];
  });
  const heading = `<tr class="rowgroup"><th scope="rowgroup" colspan="6">${escapeHtml(attribute.label)}</th></tr>`;
  return `<tbody>${heading}${rows.join('')}</tbody>`;
}

/**
 * The fairness summaries (demographic parity, equalized odds, equal opportunity; difference and ratio) between
 * groups and to overall, with their intervals and extreme groups, one row group per attribute.
 */
export function renderSummariesTable(section: BiasSection, notes: Footnotes): string {
  const { summaries } = section;
  if (summaries.length === 0) return '<p class="muted">No summaries were computed.</p>';
  const views = sectionAttributes(section);
  for (const summary of summaries) {
    if (!views.some((view) => view.key === summary.attribute)) {
      views.push({ key: summary.attribute, parts: [summary.attribute], label: summary.attribute });
    }
  }
  const { note, style } = describeIntervals(summaries.map((s) => s.interval));
  const bodies = views.flatMap((view) => {
    const own = summaries.filter((s) => s.attribute === view.key);
    return own.length === 0 ? [] : [attributeRows(view, own, notes, style)];
  });
  const header =
    '<tr><th scope="col">Summary</th><th scope="col">Over</th>' +
    `<th scope="col">${BASIS_LABELS['between-groups']}</th><th scope="col">${BASIS_LABELS['to-overall']}</th>` +
    '<th scope="col">Highest group</th><th scope="col">Lowest group</th></tr>';
  const caption = `Fairness summaries of each attribute: differences (0 is parity) and ratios (1 is parity).${note}`;
  return `${scrollRegionStart(caption)}<table class="summaries"><caption>${escapeHtml(caption)}</caption><thead>${header}</thead>${bodies.join('')}</table></div>`;
}

const MISSING_POLICY_TEXT: Readonly<Record<BiasSettings['missing'], string>> = {
  group: 'they form the “(missing)” group',
  drop: 'they were left out of the groups',
  error: 'the run stops at any such row',
};

/** Rows without a value of each attribute; they form the "(missing)" group unless the user dropped them. */
export function renderMissingTable(section: BiasSection): string {
  const rows = section.columns.attributes.map((attribute) => {
    const missing = section.missing.find((entry) => entry.attribute === attribute)?.rows ?? 0;
    const share = section.rows === 0 ? 'undefined' : formatPercent(missing / section.rows);
    return `<tr><th scope="row">${escapeHtml(attribute)}</th><td class="num">${formatNumber(missing)}</td><td class="num">${share}</td></tr>`;
  });
  const header =
    '<tr><th scope="col">Attribute</th><th scope="col">Rows without a value</th><th scope="col">Share of rows</th></tr>';
  const policy = section.settings === undefined ? '' : `; ${MISSING_POLICY_TEXT[section.settings.missing]}`;
  return `<table><caption>Rows without a value, out of ${formatNumber(section.rows)}${escapeHtml(policy)}</caption><thead>${header}</thead><tbody>${rows.join('')}</tbody></table>`;
}
