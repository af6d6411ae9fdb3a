import type { ScoreAnalysis, ThresholdRule } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { formatNumber } from '../../presentation.js';
import { renderCalibrationFigure, renderRocFigure } from '../../charts/score-curve-charts.js';
import type { ScoreChartContext } from '../../charts/score-series.js';
import { renderSweepFigure } from '../../charts/score-sweep-chart.js';

/** How predictions were derived from the score, in words. */
function describeRule(rule: ThresholdRule | undefined): string {
  if (rule === undefined) return 'Predictions were given, not derived from the score.';
  switch (rule.kind) {
    case 'threshold':
      return `Predicted positive when the score is ≥ ${formatNumber(rule.threshold)}.`;
    case 'top-k':
      return `Predicted positive: the ${formatNumber(rule.k)} highest scores (score ≥ ${formatNumber(rule.threshold)}).`;
    case 'top-percent':
      return `Predicted positive: the highest ${formatNumber(rule.percent)}% of scores (score ≥ ${formatNumber(rule.threshold)}).`;
    case 'per-group':
      return 'Predicted positive when the score is ≥ the threshold of its group (table below).';
  }
}

function perGroupThresholds(rule: ThresholdRule | undefined): string {
  if (rule?.kind !== 'per-group') return '';
  const entries = Object.entries(rule.thresholds).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const rows = entries.map(
    ([group, threshold]) =>
      `<tr><th scope="row">${escapeHtml(group)}</th><td class="num">${formatNumber(threshold)}</td></tr>`,
  );
  return `<table><caption>Threshold of each group</caption><thead><tr><th scope="col">Group</th><th scope="col">Threshold</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The section-level facts of a score analysis: column, range, rule, and why calibration was skipped. */
export function renderScoreOverview(scores: ScoreAnalysis, id: string): string {
  const { column, range, rule, calibration } = scores;
  const facts = [
    ['Score column', escapeHtml(column)],
    ['Score range', `${formatNumber(range.min)} to ${formatNumber(range.max)}`],
    ['Threshold rule', escapeHtml(describeRule(rule))],
  ].map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`);
  const skipped =
    calibration.skipped === undefined
      ? ''
      : `<p class="note"><span aria-hidden="true">▲</span> <strong>Calibration not analysed:</strong> ${escapeHtml(calibration.skipped)}</p>`;
  return [
    `<section class="subsection" aria-labelledby="${id}-scores-heading">`,
    `<h3 id="${id}-scores-heading">Scores</h3>`,
    `<dl class="facts">${facts.join('')}</dl>`,
    perGroupThresholds(rule),
    skipped,
    `<p class="muted">Each attribute below has its threshold sweep, ROC curves${calibration.skipped === undefined ? ' and calibration curves' : ''}.</p>`,
    '</section>',
  ].join('\n');
}

/** An attribute's score charts: the threshold sweep, then ROC and calibration side by side. */
export async function renderAttributeScoreFigures(
  context: ScoreChartContext,
  headingId: string,
): Promise<string> {
  const sweep = await renderSweepFigure(context);
  const roc = await renderRocFigure(context);
  const calibration =
    context.scores.calibration.skipped === undefined ? await renderCalibrationFigure(context) : '';
  if (sweep === '' && roc === '' && calibration === '') return '';
  const skipped =
    context.scores.calibration.skipped === undefined
      ? ''
      : '<p class="muted">No calibration curves: see the note under Scores above.</p>';
  return [
    `<h4 id="${headingId}">Scores by group</h4>`,
    sweep,
    `<div class="figure-row">${roc}${calibration}</div>`,
    skipped,
  ].join('\n');
}
