import type { CardChartData, EvaluationRecord, ModelCardSection } from '@rai-audit/core';
import { renderDisparityStripFigure } from '../../charts/disparity-strip-chart.js';
import { metricsWithDisparities } from '../../charts/disparity-verdicts.js';
import { escapeHtml } from '../../escape.js';
import { STRIP_METRICS } from '../../labels/metric-labels.js';

const esc = (text: string | number): string => escapeHtml(String(text));

function slice(record: EvaluationRecord): string {
  return record.subgroup.length === 0
    ? 'overall'
    : record.subgroup.map((p) => `${p.attribute}=${p.value}`).join(' × ');
}

function estimate(record: EvaluationRecord | undefined): string {
  if (!record) return '—';
  if (record.value === null) return `undefined${record.reason ? ` (${esc(record.reason)})` : ''}`;
  const interval = record.interval
    ? ` <span class="muted">(${record.interval.lower.toFixed(3)}–${record.interval.upper.toFixed(3)})</span>`
    : '';
  return `${record.value.toFixed(3)}${interval}`;
}

function resultsTable(records: readonly EvaluationRecord[], caption: string): string {
  if (records.length === 0) return '';
  const metrics = [...new Set(records.map((r) => r.metric))];
  const rows = new Map<string, EvaluationRecord[]>();
  for (const r of records)
    rows.set(`${r.source}\u0000${slice(r)}`, [...(rows.get(`${r.source}\u0000${slice(r)}`) ?? []), r]);
  const body = [...rows.values()].map((row) => {
    const first = row[0] as EvaluationRecord;
    const small = first.smallGroup ? ' <span class="badge warn">▲ small group</span>' : '';
    return `<tr><th scope="row">${esc(slice(first))}</th><td>${first.n}${small}</td>${metrics.map((m) => `<td>${estimate(row.find((r) => r.metric === m))}</td>`).join('')}</tr>`;
  });
  return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">Slice</th><th scope="col">n</th>${metrics.map((m) => `<th scope="col">${esc(m)}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function provenanceNotes(records: readonly EvaluationRecord[]): string {
  const notes = new Set(
    records.map(
      (r) =>
        `${r.source}: ${r.tool.name} ${r.tool.version}, ${r.auditedAt}, ${r.dataset ? `${r.dataset.path} sha256 ${r.dataset.sha256}` : 'no data file recorded'}${r.interval ? `; ${r.interval.method} intervals` : ''}${r.threshold ? `; ${r.threshold}` : ''}`,
    ),
  );
  return `<ul class="muted">${[...notes].map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
}

async function disparityFigures(charts: readonly CardChartData[], id: string): Promise<string[]> {
  const figures: string[] = [];
  for (const [index, chart] of charts.entries()) {
    const metrics = metricsWithDisparities(chart.groups, STRIP_METRICS);
    if (metrics.length === 0) continue;
    figures.push(
      `<h4>Disparities by ${esc(chart.attribute)} <span class="muted">(${esc(chart.source)})</span></h4>`,
      await renderDisparityStripFigure({
        id: `${id}-strip${index}`,
        attribute: { key: chart.attribute, parts: [chart.attribute], label: chart.attribute },
        groups: chart.groups,
        metrics,
        tau: chart.tau,
        minGroupSize: chart.minGroupSize,
      }),
    );
  }
  return figures;
}

/** Quantitative analyses: unitary and intersectional tables with intervals, the disparity charts of the bias report, the data. */
export async function renderCardEvidence(section: ModelCardSection, id: string): Promise<string> {
  const records = section.evaluations;
  const data = section.data.length
    ? `<table><caption>Training and evaluation data</caption><thead><tr><th scope="col">Role</th><th scope="col">Dataset</th><th scope="col">Licence</th><th scope="col">Source</th><th scope="col">sha256</th><th scope="col">From</th></tr></thead><tbody>${section.data.map((d) => `<tr><td>${esc(d.role)}</td><th scope="row">${esc(d.name)}</th><td>${esc(d.license ?? '—')}</td><td>${esc(d.source ?? '—')}</td><td class="mono">${esc(d.sha256 ?? '—')}</td><td>${esc(d.origin)}</td></tr>`).join('')}</tbody></table>`
    : '<p class="muted">No training or evaluation data stated.</p>';
  return [
    '<h3>Quantitative analyses</h3>',
    records.length === 0 ? '<p class="muted">No audit results were given to card build (--bias).</p>' : '',
    resultsTable(
      records.filter((r) => !r.intersection),
      'By group',
    ),
    resultsTable(
      records.filter((r) => r.intersection),
      'By intersection',
    ),
    records.length ? provenanceNotes(records) : '',
    ...(await disparityFigures(section.charts, id)),
    '<h3>Data</h3>',
    data,
  ]
    .filter(Boolean)
    .join('\n');
}
