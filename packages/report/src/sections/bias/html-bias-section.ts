import type { BiasMetricId, BiasSection, Check, GroupMetrics } from '@rai-audit/core';
import { renderRateChartFigure } from '../../charts/bias-charts.js';
import { renderDisparityHeatmapFigure } from '../../charts/disparity-heatmap-chart.js';
import { renderDisparityStripFigure } from '../../charts/disparity-strip-chart.js';
import { judgedDisparities, metricsWithDisparities } from '../../charts/disparity-verdicts.js';
import { escapeHtml } from '../../escape.js';
import { groupsOf, sectionAttributes } from '../../labels/group-labels.js';
import type { AttributeView } from '../../labels/group-labels.js';
import { renderBiasFacts } from './html-bias-facts.js';
import { renderMissingTable, renderSummariesTable } from './html-bias-tables.js';
import { renderDatasetBlock } from './html-dataset-block.js';
import { Footnotes } from '../../html/footnotes.js';
import { renderGroupMetricsTables } from '../../html/group-tables.js';
import { renderAttributeScoreFigures, renderScoreOverview } from './html-score-block.js';
import { SMALL_MULTIPLE_METRICS, STRIP_METRICS, documentedOrder } from '../../labels/metric-labels.js';

/** Parity band when the section does not state its settings: the four-fifths rule. */
const DEFAULT_TAU = 0.8;

/** The heatmap adds to the strip only when it shows more metrics than one. */
const MIN_HEATMAP_METRICS = 2;

interface AttributeContext {
  readonly section: BiasSection;
  readonly attribute: AttributeView;
  readonly groups: readonly GroupMetrics[];
  readonly id: string;
  /** The id of the bias section, whose heading completes the attribute's name as a landmark. */
  readonly sectionId: string;
  readonly judged: ReadonlySet<string>;
}

function definedRates(groups: readonly GroupMetrics[], candidates: readonly BiasMetricId[]): BiasMetricId[] {
  return candidates.filter((id) => groups.some((row) => row.metrics[id] !== undefined));
}

async function renderDisparityFigures(context: AttributeContext): Promise<string[]> {
  const { section, attribute, groups, id, judged } = context;
  const settings = {
    tau: section.settings?.tau ?? DEFAULT_TAU,
    minGroupSize: section.settings?.minGroupSize,
    judged,
  };
  const figures: string[] = [];
  const strip = metricsWithDisparities(groups, STRIP_METRICS);
  if (strip.length > 0) {
    figures.push(
      await renderDisparityStripFigure({ id: `${id}-strip`, attribute, groups, metrics: strip, ...settings }),
    );
  }
  const all = new Set(groups.flatMap((row) => Object.keys(row.disparities ?? {}) as BiasMetricId[]));
  const heatmap = documentedOrder(all);
  if (heatmap.length >= MIN_HEATMAP_METRICS) {
    figures.push(
      await renderDisparityHeatmapFigure({
        id: `${id}-heat`,
        attribute,
        groups,
        metrics: heatmap,
        ...settings,
      }),
    );
  }
  return figures.length === 0 ? [] : [`<h4>Disparities against the reference group</h4>`, ...figures];
}

async function renderAttribute(context: AttributeContext): Promise<string> {
  const { section, attribute, groups, id, sectionId } = context;
  const minGroupSize = section.settings?.minGroupSize;
  const notes = new Footnotes(`${id}-note`);
  const tables = renderGroupMetricsTables(groups, {
    attribute,
    overall: section.overall,
    minGroupSize,
    notes,
  });
  const rates = definedRates(
    groups,
    section.mode === 'dataset' ? SMALL_MULTIPLE_METRICS : SMALL_MULTIPLE_METRICS.filter((m) => m !== 'share'),
  );
  const base = { attribute, groups, overall: section.overall, minGroupSize };
  const rateFigure =
    rates.length === 0 ? '' : await renderRateChartFigure({ ...base, id: `${id}-rates`, metrics: rates });
  const disparities = await renderDisparityFigures(context);
  const scores =
    section.scores === undefined
      ? ''
      : await renderAttributeScoreFigures(
          { id, attribute, groups, scores: section.scores, minGroupSize },
          `${id}-scores`,
        );
  const heading =
    attribute.parts.length > 1
      ? `Intersection ${attribute.label}`
      : `Groups of <q>${escapeHtml(attribute.label)}</q>`;
  return [
    // Two sections may audit the same attribute: the section's heading keeps each region's name unique.
    `<section class="attribute" aria-labelledby="${id}-heading ${sectionId}-heading">`,
    `<h3 id="${id}-heading">${attribute.parts.length > 1 ? escapeHtml(heading) : heading}</h3>`,
    tables,
    notes.render(),
    rateFigure,
    ...disparities,
    scores,
    '</section>',
  ].join('\n');
}

/**
 * A bias section: what was audited and how, the fairness summaries, the score overview, then per attribute (and
 * intersection) its tables, small multiples, disparity strip and heatmap and score charts; the dataset audit;
 * missing values.
 */
export async function renderBiasSection(
  section: BiasSection,
  checks: readonly Check[],
  id: string,
): Promise<string> {
  const judged = judgedDisparities(checks);
  const summaryNotes = new Footnotes(`${id}-summary-note`);
  const attributes: string[] = [];
  for (const [index, attribute] of sectionAttributes(section).entries()) {
    const groups = groupsOf(section, attribute);
    // Sequential: rendering a chart is CPU-bound, so running them concurrently gains nothing.
    attributes.push(
      await renderAttribute({ section, attribute, groups, id: `${id}-attr${index}`, sectionId: id, judged }),
    );
  }
  return [
    `<section class="report-section bias" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.title)}</h2>`,
    renderBiasFacts(section),
    `<h3>Fairness summaries</h3>`,
    renderSummariesTable(section, summaryNotes),
    summaryNotes.render(),
    section.scores === undefined ? '' : renderScoreOverview(section.scores, id),
    ...attributes,
    await renderDatasetBlock(section, id),
    '<h3>Missing values</h3>',
    renderMissingTable(section),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
