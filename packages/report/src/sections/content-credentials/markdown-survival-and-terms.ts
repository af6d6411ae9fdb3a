import type { AuditResult, ContentCredentialsSection } from '@rai-audit/core';
import { escapeMarkdown } from '../../escape.js';
import { MAX_MARKDOWN_ASSET_ROWS } from './markdown-asset-failures.js';
import {
  SURVIVAL_COLUMNS,
  TERM_LABELS,
  describeAssetTerms,
  describeSurvivalCell,
} from './terms-and-survival-labels.js';

function termsLines(section: ContentCredentialsSection): string[] {
  const stated = section.assets.flatMap((asset) => {
    const terms = new Map(describeAssetTerms(asset.terms));
    return terms.size === 0 ? [] : [{ path: asset.path, terms }];
  });
  if (stated.length === 0) return [];
  const labels = Object.values(TERM_LABELS);
  const shown = stated.slice(0, MAX_MARKDOWN_ASSET_ROWS);
  const rows = shown.map(
    ({ path, terms }) =>
      `| ${[path, ...labels.map((label) => terms.get(label) ?? '–')].map((t) => escapeMarkdown(t)).join(' | ')} |`,
  );
  const more = stated.length - shown.length;
  return [
    `### Terms stated by the assets: ${escapeMarkdown(section.title)}`,
    '',
    `| Asset | ${labels.join(' | ')} |`,
    `| --- | ${labels.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    ...(more > 0 ? [`… and ${more} more in the HTML report.`, ''] : []),
  ];
}

function survivalLines(section: ContentCredentialsSection): string[] {
  const survival = section.survival;
  if (survival === undefined) return [];
  const shown = survival.cells.slice(0, MAX_MARKDOWN_ASSET_ROWS);
  const rows = shown.map((cell) => {
    const marks =
      cell.error !== undefined
        ? [`⊘ error: ${cell.error}`, '', '', '']
        : describeSurvivalCell(cell).map(([badge, text]) => `${badge.icon} ${text}`);
    return `| ${[cell.asset, cell.transform, ...marks].map((t) => escapeMarkdown(t)).join(' | ')} |`;
  });
  const more = survival.cells.length - shown.length;
  return [
    `### Which marks survive: ${escapeMarkdown(section.title)}`,
    '',
    '✔ kept (where it still reads), ✖ lost, ▲ a manifest that no longer validates.',
    '',
    `| Asset | Transform | ${SURVIVAL_COLUMNS.join(' | ')} |`,
    `| --- | --- | ${SURVIVAL_COLUMNS.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    ...(more > 0 ? [`… and ${more} more rows in the HTML report.`, ''] : []),
  ];
}

/** For each content-credentials section: the survival matrix (from `assets survive`) and each asset's terms. */
export function renderMarkdownSurvivalAndTerms(result: AuditResult): string[] {
  return result.sections.flatMap((section) =>
    section.kind === 'content-credentials' ? [...survivalLines(section), ...termsLines(section)] : [],
  );
}
