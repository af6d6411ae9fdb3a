import type { AuditResult, ModelCardSection } from '@rai-audit/core';
import { escapeHtml } from '../../escape.js';
import { renderCheckGroups } from '../../html/checks.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../formats/html-report.js';
import { REPORT_CSS } from '../../html/styles.js';
import { renderModelCardSection } from './html-model-card-section.js';

/** `model-card.html`: the card first, its lint after; self-contained like every report (CSP, no script, no network). */
export async function renderModelCardHtml(result: AuditResult): Promise<string> {
  const section = result.sections.find((s): s is ModelCardSection => s.kind === 'model-card');
  if (!section) throw new Error('renderModelCardHtml: the result has no model-card section');
  const name = section.card.model.name;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`Model card: ${name}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(name)}${section.card.model.version ? ` <span class="muted">${escapeHtml(section.card.model.version)}</span>` : ''}</h1>`,
    `<p class="subtitle">Model card built by ${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)} on <time datetime="${escapeHtml(result.createdAt)}">${escapeHtml(result.createdAt)}</time></p>`,
    '</header>',
    await renderModelCardSection(section, 'card'),
    '<h2>Card checks</h2>',
    renderCheckGroups(result.checks.filter((c) => c.area === 'model-card')),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
