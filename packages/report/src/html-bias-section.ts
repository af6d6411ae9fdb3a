import type { BiasMetricId, BiasSection } from '@rai-audit/core';
import { renderRateChartFigure } from './bias-charts.js';
import { escapeHtml } from './escape.js';
import { renderGroupMetricsTable, renderMissingTable, renderSummariesTable } from './html-bias-tables.js';
import { Footnotes } from './html-footnotes.js';
import { formatNumber } from './presentation.js';

/** The error rates charted beside the selection rate, when the section has them. */
const ERROR_RATE_METRICS: readonly BiasMetricId[] = ['tpr', 'fpr'];

function describeColumns(section: BiasSection): string {
  const { attributes, label, prediction } = section.columns;
  const items: [string, string][] = [
    ['Rows', formatNumber(section.rows)],
    ['Sensitive attributes', attributes.join(', ')],
    ['Label column', label],
    ['Prediction column', prediction],
    ['Positive label', section.positiveLabel],
  ];
  const pairs = items.map(([term, value]) => `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`);
  return `<dl class="facts">${pairs.join('')}</dl>`;
}

async function renderAttribute(section: BiasSection, attribute: string, id: string): Promise<string> {
  const groups = section.groups.filter((row) => row.attribute === attribute);
  const notes = new Footnotes(`${id}-note`);
  const table = renderGroupMetricsTable(attribute, groups, section.overall, notes);
  const base = { attribute, groups, overall: section.overall };
  const figures = [await renderRateChartFigure({ ...base, id: `${id}-sr`, metrics: ['selection_rate'] })];
  const errorRates = ERROR_RATE_METRICS.filter((metric) =>
    groups.some((row) => row.metrics[metric] !== undefined),
  );
  if (errorRates.length > 0) {
    figures.push(await renderRateChartFigure({ ...base, id: `${id}-er`, metrics: errorRates }));
  }
  return [
    `<section class="attribute" aria-labelledby="${id}-heading">`,
    `<h3 id="${id}-heading">Groups of <q>${escapeHtml(attribute)}</q></h3>`,
    table,
    notes.render(),
    ...figures,
    '</section>',
  ].join('\n');
}

/** A bias section: what was audited, the disparity summaries, per-attribute tables and charts, missing values. */
export async function renderBiasSection(section: BiasSection, id: string): Promise<string> {
  const summaryNotes = new Footnotes(`${id}-summary-note`);
  const attributes: string[] = [];
  for (const [index, attribute] of section.columns.attributes.entries()) {
    // Sequential: rendering a chart is CPU-bound, so running them concurrently gains nothing.
    attributes.push(await renderAttribute(section, attribute, `${id}-attr${index}`));
  }
  return [
    `<section class="report-section bias" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.title)}</h2>`,
    describeColumns(section),
    `<h3>Disparity summaries</h3>`,
    renderSummariesTable(section.summaries, summaryNotes),
    summaryNotes.render(),
    ...attributes,
    '<h3>Missing values</h3>',
    renderMissingTable(section),
    '</section>',
  ].join('\n');
}
