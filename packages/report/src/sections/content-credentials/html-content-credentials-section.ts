import { isFailing, isWarning } from '@rai-audit/core';
import type { AssetResult, Check, ContentCredentialsSection } from '@rai-audit/core';
import { indexChecksByAsset } from './asset-check-index.js';
import { describeAssetSettings } from './asset-labels.js';
import { tallyAssets } from './asset-tallies.js';
import type { AssetTally, AssetTallies } from './asset-tallies.js';
import { escapeHtml } from '../../escape.js';
import {
  renderAssetHeaderCell,
  renderChecksCell,
  renderDeclarationCell,
  renderPreviewCell,
  renderWatermarkCell,
} from './html-asset-cells.js';
import { renderC2paCell } from './html-asset-c2pa.js';
import { renderSurvivalMatrix } from './html-survival-matrix.js';

/** The attention list links this many rows at most; the table below has them all. */
const MAX_ATTENTION_LINKS = 50;

function renderSettings(section: ContentCredentialsSection): string {
  const pairs = describeAssetSettings(section).map(
    ([term, value]) => `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`,
  );
  return `<dl class="facts">${pairs.join('')}</dl>`;
}

function tallyCells(row: readonly AssetTally[]): string {
  const items = row.map(
    ({ badge, count }) =>
      `<span class="tally${count === 0 ? ' zero' : ''}"><strong>${count}</strong> <span aria-hidden="true">${badge.icon}</span> ${escapeHtml(badge.label)}</span>`,
  );
  return `<td><div class="tallies">${items.join('')}</div></td>`;
}

function renderTallies(tallies: AssetTallies): string {
  const { assets, verified, errors, failing } = tallies;
  const totals =
    `<td><div class="tallies"><span class="tally"><strong>${assets}</strong> assets</span><span class="tally"><strong>${verified}</strong> verified</span>` +
    `<span class="tally${errors === 0 ? ' zero' : ''}"><strong>${errors}</strong> ⊘ errors</span>` +
    `<span class="tally${failing === 0 ? ' zero' : ''}"><strong>${failing}</strong> ✖ with a failing check</span></div></td>`;
  const rows: [string, string][] = [
    ['Assets', totals],
    ['C2PA', tallyCells(tallies.c2pa)],
    ['AI declaration', tallyCells(tallies.declaration)],
    ['Watermark', tallyCells(tallies.watermark)],
  ];
  const body = rows.map(([label, cells]) => `<tr><th scope="row">${label}</th>${cells}</tr>`).join('');
  return `<table class="asset-tallies"><caption>Assets at a glance</caption><tbody>${body}</tbody></table>`;
}

function rowStatus(checks: readonly Check[]): string {
  if (checks.some(isFailing)) return 'fail';
  return checks.some(isWarning) ? 'warn' : 'ok';
}

/** Links to the rows that need attention, so a long table need not be scanned by eye. */
function renderAttentionList(
  assets: readonly AssetResult[],
  checksByAsset: ReadonlyMap<string, readonly Check[]>,
  rowId: (index: number) => string,
): string {
  const attention = assets.flatMap((asset, index) => {
    const status = rowStatus(checksByAsset.get(asset.path) ?? []);
    return status === 'ok' ? [] : [{ asset, index, status }];
  });
  if (attention.length === 0) return '<p>No asset failed a check or raised a warning.</p>';
  const items = attention.slice(0, MAX_ATTENTION_LINKS).map(({ asset, index, status }) => {
    const icon = status === 'fail' ? '✖' : '▲';
    return `<li class="${status}"><span aria-hidden="true">${icon}</span> <a href="#${rowId(index)}"><code>${escapeHtml(asset.path)}</code></a></li>`;
  });
  const more = attention.length - MAX_ATTENTION_LINKS;
  const rest = more > 0 ? `<li class="muted">and ${more} more in the table below</li>` : '';
  return [
    `<h3>Assets needing attention <span class="count">(${attention.length})</span></h3>`,
    `<p class="muted">✖ a check failed; ▲ a warning. Each links to its row.</p>`,
    `<ul class="attention-list">${items.join('')}${rest}</ul>`,
  ].join('\n');
}

function renderAssetRow(asset: AssetResult, checks: readonly Check[], id: string): string {
  const unread =
    asset.status === 'error' &&
    asset.c2pa === undefined &&
    asset.declaration === undefined &&
    asset.watermark === undefined;
  const evidence = unread
    ? '<td colspan="3"><span class="muted">No evidence: the asset could not be read (see the error beside its path).</span></td>'
    : renderC2paCell(asset.c2pa) +
      renderDeclarationCell(asset.declaration) +
      renderWatermarkCell(asset.watermark);
  return [
    `<tr class="asset-row ${rowStatus(checks)}">`,
    renderPreviewCell(asset),
    renderAssetHeaderCell(asset, id),
    evidence,
    renderChecksCell(checks),
    '</tr>',
  ].join('');
}

const COLUMNS: readonly [className: string, header: string][] = [
  ['preview', 'Preview'],
  ['asset', 'Asset'],
  ['c2pa', 'C2PA'],
  ['declaration', 'AI declaration'],
  ['watermark', 'Watermark'],
  ['checks', 'Checks'],
];

function renderAssetTable(
  section: ContentCredentialsSection,
  checksByAsset: ReadonlyMap<string, readonly Check[]>,
  rowId: (index: number) => string,
): string {
  if (section.assets.length === 0) return '<p class="muted">No asset was verified.</p>';
  const cols = COLUMNS.map(([className]) => `<col class="col-${className}">`).join('');
  const header = COLUMNS.map(([, text]) => `<th scope="col">${text}</th>`).join('');
  const rows = section.assets.map((asset, index) =>
    renderAssetRow(asset, checksByAsset.get(asset.path) ?? [], rowId(index)),
  );
  return [
    '<table class="assets">',
    `<caption>One row per asset, in path order (${section.assets.length})</caption>`,
    `<colgroup>${cols}</colgroup>`,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

/**
 * A content-credentials section: the settings of the verification, counts by outcome, links to the assets that
 * need attention, then one table row per asset with its preview, evidence, matching rules and checks.
 */
export function renderContentCredentialsSection(
  section: ContentCredentialsSection,
  checks: readonly Check[],
  id: string,
): string {
  const checksByAsset = indexChecksByAsset(section, checks);
  const rowId = (index: number): string => `${id}-asset${index}`;
  return [
    `<section class="report-section content-credentials" aria-labelledby="${id}-heading">`,
    `<h2 id="${id}-heading">${escapeHtml(section.title)}</h2>`,
    renderSettings(section),
    renderTallies(tallyAssets(section, checksByAsset)),
    renderAttentionList(section.assets, checksByAsset, rowId),
    section.survival ? renderSurvivalMatrix(section.survival) : '',
    `<h3>Assets</h3>`,
    renderAssetTable(section, checksByAsset, rowId),
    '</section>',
  ].join('\n');
}
