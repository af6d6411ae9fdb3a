import type { DataProvenanceSection, ProvenanceDataset } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { renderLineageSvg } from './lineage-svg.js';

/** Drift lists are cut at this many paths per kind in the HTML; the JSON result has them all. */
const MAX_PATHS = 50;

const DRIFT_LABELS: Record<ProvenanceDataset['drift']['status'], string> = {
  unchanged: '✔ unchanged',
  drifted: '✖ drifted',
  'not-locked': '✖ not in the lock',
  error: '⊘ could not be verified',
};

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

function renderFacts(section: DataProvenanceSection): string {
  const facts: Array<[string, string]> = [
    ['Ledger', section.ledger],
    [
      'Verification',
      section.mode === 'full' ? 'every byte read (--full)' : 'unchanged size and mtime trusted',
    ],
    ['Intended use', section.intendedUse ?? 'not stated'],
    ['Model licence', section.modelLicense ?? 'not stated'],
  ];
  return `<dl class="facts">${facts.map(([t, v]) => `<div><dt>${t}</dt><dd>${escapeHtml(v)}</dd></div>`).join('')}</dl>`;
}

function renderDatasetTable(section: DataProvenanceSection): string {
  const rows = section.datasets.map(
    (d) =>
      `<tr><th scope="row">${escapeHtml(d.name)}</th><td>${escapeHtml(d.license.expression ?? d.license.declared ?? 'none')}</td>` +
      `<td class="num">${d.fileCount}</td><td class="num">${formatBytes(d.totalBytes)}</td>` +
      `<td><code>${escapeHtml(d.digest ? `${d.digest.slice(0, 12)}…` : 'none')}</code></td>` +
      `<td>${DRIFT_LABELS[d.drift.status]}</td><td>${escapeHtml(d.trainingPermission)}</td>` +
      `<td>${escapeHtml(d.usedFor.join(', ') || 'not stated')}</td><td>${escapeHtml(
        d.sources
          .map((s) => s.url ?? s.creator ?? '')
          .filter(Boolean)
          .join(', ') || 'not stated',
      )}</td></tr>`,
  );
  return (
    '<div class="table-scroll"><table class="datasets"><caption>Datasets</caption><thead><tr><th scope="col">Dataset</th><th scope="col">Licence</th>' +
    '<th scope="col">Files</th><th scope="col">Size</th><th scope="col">Digest</th><th scope="col">Drift</th><th scope="col">Training permission</th>' +
    `<th scope="col">Used for</th><th scope="col">Sources</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function renderObligations(section: DataProvenanceSection): string {
  const rows = section.datasets.map((d) => {
    const t = d.lineageTerms;
    const cells = [t.commercialUse, t.attribution, t.shareAlike, t.noDerivatives, t.useRestrictions].map(
      (v) => `<td>${escapeHtml(v)}</td>`,
    );
    return `<tr><th scope="row">${escapeHtml(d.name)}</th>${cells.join('')}<td>${escapeHtml(t.unknownIds.join(', ') || '—')}</td></tr>`;
  });
  return (
    '<div class="table-scroll"><table class="obligations"><caption>Licence obligations, most restrictive along lineage</caption><thead><tr><th scope="col">Dataset</th>' +
    '<th scope="col">Commercial use</th><th scope="col">Attribution</th><th scope="col">Share-alike</th><th scope="col">No derivatives</th>' +
    `<th scope="col">Use restrictions</th><th scope="col">Terms unknown for</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function pathList(label: string, paths: readonly string[]): string {
  if (paths.length === 0) return '';
  const shown = paths.slice(0, MAX_PATHS).map((p) => `<li><code>${escapeHtml(p)}</code></li>`);
  const more =
    paths.length > MAX_PATHS ? `<li>… and ${paths.length - MAX_PATHS} more (in audit.json)</li>` : '';
  return `<h4>${label} (${paths.length})</h4><ul>${shown.join('')}${more}</ul>`;
}

function renderDrift(section: DataProvenanceSection): string {
  const blocks = section.datasets
    .filter((d) => d.drift.status !== 'unchanged')
    .map((d) => {
      const problems = d.drift.problems.map((p) => `${p.path}: ${p.reason} (${p.message})`);
      return (
        `<details open><summary>${escapeHtml(d.name)}: ${DRIFT_LABELS[d.drift.status]}</summary>` +
        pathList('Changed', d.drift.changed) +
        pathList('Missing', d.drift.missing) +
        pathList('New', d.drift.added) +
        pathList('Problems', problems) +
        '</details>'
      );
    });
  const verified = section.datasets.reduce((sum, d) => sum + d.drift.hashed, 0);
  const cached = section.datasets.reduce((sum, d) => sum + d.drift.fromCache, 0);
  const summary = `<p>${verified} files hashed, ${cached} trusted from size and mtime.</p>`;
  return blocks.length ? `${summary}${blocks.join('')}` : `${summary}<p>Every dataset is as recorded.</p>`;
}

function renderConflicts(section: DataProvenanceSection): string {
  if (section.conflicts.length === 0) return '<p>No licence or training-permission conflicts.</p>';
  const items = section.conflicts.map(
    (c) =>
      `<li><strong>${c.severity === 'error' ? '✖ error' : '⚠ warning'}</strong> ${escapeHtml(c.subject)}: ${escapeHtml(c.message)} <code>${escapeHtml(c.code)}</code></li>`,
  );
  return `<ul class="conflicts">${items.join('')}</ul>`;
}

function renderLineage(section: DataProvenanceSection, id: string): string {
  const rows = section.datasets.flatMap((d) =>
    d.derivedFrom.map(
      (parent) =>
        `<tr><td>${escapeHtml(parent)}</td><td>${escapeHtml(d.name)}</td><td>${escapeHtml(d.transformation ?? '')}</td></tr>`,
    ),
  );
  if (rows.length === 0) return '<p>No dataset derives from another.</p>';
  return (
    renderLineageSvg(section, id) +
    `<div class="table-scroll"><table class="lineage-edges"><caption>Derivations</caption><thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col">Transformation</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

/** The data-provenance section of the HTML report: datasets, obligations, drift, conflicts and lineage. */
export function renderDataProvenanceSection(section: DataProvenanceSection, id: string): string {
  return [
    `<section class="report-section data-provenance" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.title)}</h2>`,
    renderFacts(section),
    renderDatasetTable(section),
    '<h3>Drift</h3>',
    renderDrift(section),
    '<h3>Licences</h3>',
    renderObligations(section),
    renderConflicts(section),
    '<h3>Lineage</h3>',
    renderLineage(section, id),
    '</section>',
  ].join('\n');
}
