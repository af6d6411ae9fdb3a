import type { AuditResult, Check, Section } from '@rai-audit/core';
import { escapeHtml, serializeJsonForScript } from '../escape.js';
import { renderBiasSection } from '../sections/bias/html-bias-section.js';
import { renderCheckGroups, renderVerdictBanner } from '../html/checks.js';
import { renderDataProvenanceSection } from '../sections/data-provenance/html-provenance-section.js';
import { renderContentCredentialsSection } from '../sections/content-credentials/html-content-credentials-section.js';
import { renderModelCardSection } from '../sections/model-card/html-model-card-section.js';
import { renderRunFooter, renderRunWarnings } from '../html/run-details.js';
import { REPORT_CSS } from '../html/styles.js';
import { VERDICT_BADGES } from '../presentation.js';

/**
 * Nothing may load or run: the report is opened from disk, attached to tickets and archived, so it must neither
 * fetch anything nor execute anything. The embedded JSON script element is data (type application/json).
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

/** The id of the script element that carries the whole result as JSON. */
export const EMBEDDED_RESULT_ID = 'rai-audit-result';

async function renderSection(section: Section, checks: readonly Check[], index: number): Promise<string> {
  const id = `section${index}`;
  switch (section.kind) {
    case 'bias':
      return renderBiasSection(section, id);
    case 'content-credentials':
      return renderContentCredentialsSection(section, checks, id);
    case 'model-card':
      return renderModelCardSection(section, id);
    case 'data-provenance':
      return renderDataProvenanceSection(section, id);
  }
}

async function renderSections(result: AuditResult): Promise<string[]> {
  const html: string[] = [];
  for (const [index, section] of result.sections.entries()) {
    html.push(await renderSection(section, result.checks, index));
  }
  return html;
}

function renderHead(result: AuditResult): string {
  const verdict = VERDICT_BADGES[result.summary.verdict].label;
  return [
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(`${result.tool.name} ${result.tool.version}`)}">`,
    `<title>${escapeHtml(`${verdict}: rai-audit ${result.command} report`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
  ].join('\n');
}

/** One self-contained HTML file: no script runs and nothing is fetched; readable with JavaScript disabled. */
export async function renderHtmlReport(result: AuditResult): Promise<string> {
  const sections = await renderSections(result);
  return [
    '<!doctype html>',
    '<html lang="en">',
    renderHead(result),
    '<body>',
    '<main>',
    '<header>',
    `<h1>rai-audit report: ${escapeHtml(result.command)}</h1>`,
    `<p class="subtitle">Created <time datetime="${escapeHtml(result.createdAt)}">${escapeHtml(result.createdAt)}</time> by ${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)}</p>`,
    '</header>',
    renderVerdictBanner(result),
    renderRunWarnings(result),
    renderCheckGroups(result.checks),
    ...sections,
    renderRunFooter(result),
    '</main>',
    `<script type="application/json" id="${EMBEDDED_RESULT_ID}">${serializeJsonForScript(result)}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
