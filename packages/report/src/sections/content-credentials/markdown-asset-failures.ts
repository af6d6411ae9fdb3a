import { isFailing, isWarning } from '@rai-audit/core';
import type { AuditResult, Check, ContentCredentialsSection } from '@rai-audit/core';
import { indexChecksByAsset } from './asset-check-index.js';
import { describeTally, tallyAssets } from './asset-tallies.js';
import { escapeMarkdown } from '../../escape.js';
import { STATUS_BADGES } from '../../presentation.js';

/** A job summary is capped (1 MiB on GitHub); the HTML report lists every asset. */
export const MAX_MARKDOWN_ASSET_ROWS = 100;

function countsLine(section: ContentCredentialsSection, checksByAsset: Map<string, Check[]>): string {
  const t = tallyAssets(section, checksByAsset);
  const assets = `${t.assets} ${t.assets === 1 ? 'asset' : 'assets'} (${t.verified} verified, ${t.errors} ${t.errors === 1 ? 'error' : 'errors'})`;
  return [
    `${assets}; C2PA: ${describeTally(t.c2pa)}`,
    `AI declaration: ${describeTally(t.declaration)}`,
    `watermark: ${describeTally(t.watermark)}.`,
  ].join('; ');
}

function row(check: Check): string {
  const badge = STATUS_BADGES[check.status];
  const file = check.subject.file ?? '';
  return `| ${escapeMarkdown(file)} | ${badge.icon} ${badge.label} \`${check.id}\` | ${escapeMarkdown(check.message) || ' '} |`;
}

/** The failed and warning checks of a section's assets: in asset order, each asset's checks in result order. */
function assetAttention(checksByAsset: Map<string, Check[]>): Check[] {
  return [...checksByAsset.values()].flat().filter((c) => isFailing(c) || isWarning(c));
}

/** What to do, once per check id: a table row per asset would repeat the same advice for every asset. */
function remediationLines(checks: readonly Check[]): string[] {
  const byId = new Map<string, string>();
  for (const check of checks)
    if (!byId.has(check.id) && check.remediation !== '') byId.set(check.id, check.remediation);
  if (byId.size === 0) return [];
  return ['How to fix:', '', ...[...byId].map(([id, text]) => `- \`${id}\`: ${escapeMarkdown(text)}`), ''];
}

function sectionLines(section: ContentCredentialsSection, checks: readonly Check[]): string[] {
  const checksByAsset = indexChecksByAsset(section, checks);
  const attention = assetAttention(checksByAsset);
  const heading = `### Asset checks that failed or warned: ${escapeMarkdown(section.title)}`;
  const counts = escapeMarkdown(countsLine(section, checksByAsset));
  if (attention.length === 0)
    return [heading, '', counts, '', 'No asset failed a check or raised a warning.', ''];
  const shown = attention.slice(0, MAX_MARKDOWN_ASSET_ROWS);
  const more = attention.length - shown.length;
  return [
    heading,
    '',
    counts,
    '',
    '| Asset | Check | Message |',
    '| --- | --- | --- |',
    ...shown.map(row),
    '',
    ...(more > 0 ? [`… and ${more} more in the HTML report.`, ''] : []),
    ...remediationLines(attention),
  ];
}

/** The checks the asset tables list, so the job summary's general table does not list them a second time. */
export function checksInAssetTables(result: AuditResult): Set<Check> {
  return new Set(
    result.sections.flatMap((section) =>
      section.kind === 'content-credentials'
        ? assetAttention(indexChecksByAsset(section, result.checks))
        : [],
    ),
  );
}

/**
 * For each content-credentials section, the asset counts and a compact table of the checks that failed or
 * warned, one row per asset and check (path, check, message); nothing when the result has no such section.
 */
export function renderMarkdownAssetFailures(result: AuditResult): string[] {
  return result.sections.flatMap((section) =>
    section.kind === 'content-credentials' ? sectionLines(section, result.checks) : [],
  );
}
