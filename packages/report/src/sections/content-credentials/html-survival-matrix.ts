import type { SurvivalCell, SurvivalMatrix } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { renderBadge } from '../../html/checks.js';
import { FAILED_BADGE, SURVIVAL_COLUMNS, describeSurvivalCell } from './terms-and-survival-labels.js';

function renderCellRow(cell: SurvivalCell): string {
  const transform = `<th scope="row"><code>${escapeHtml(cell.transform)}</code></th>`;
  if (cell.error !== undefined)
    return `<tr>${transform}<td colspan="${SURVIVAL_COLUMNS.length}">${renderBadge(FAILED_BADGE)} ${escapeHtml(cell.error)}</td></tr>`;
  const marks = describeSurvivalCell(cell).map(([badge, text]) => `<td>${renderBadge(badge, text)}</td>`);
  return `<tr>${transform}${marks.join('')}</tr>`;
}

/**
 * The survival matrix of `assets survive`: one row group per asset, one row per transform (the original first),
 * one column per mark; every cell says kept or lost by shape and word, not colour alone.
 */
export function renderSurvivalMatrix(survival: SurvivalMatrix): string {
  const header = ['Transform', ...SURVIVAL_COLUMNS].map((text) => `<th scope="col">${text}</th>`).join('');
  const assets = [...new Set(survival.cells.map((cell) => cell.asset))];
  const groups = assets.map((asset) => {
    const rows = survival.cells.filter((cell) => cell.asset === asset).map(renderCellRow);
    const title = `<tr class="rowgroup"><th scope="rowgroup" colspan="${SURVIVAL_COLUMNS.length + 1}"><code>${escapeHtml(asset)}</code></th></tr>`;
    return `<tbody>${title}${rows.join('')}</tbody>`;
  });
  return [
    `<h3>Which marks survive <span class="count">(${assets.length} assets × ${survival.transforms.length} transforms)</span></h3>`,
    '<p class="muted">Each asset was transformed in memory and verified again. ✔ kept (where it still reads: C2PA, XMP), ' +
      '✖ lost, ▲ a manifest that no longer validates. The watermark is fragile: “not found” proves nothing about the source.</p>',
    '<table class="survival">',
    '<caption>Asset × transform × mark</caption>',
    `<thead><tr>${header}</tr></thead>`,
    groups.join('\n'),
    '</table>',
  ].join('\n');
}
