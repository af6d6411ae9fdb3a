import type { AuditResult } from '@rai-audit/core';
import { escapeHtml } from '../escape.js';
import { formatBytes } from '../presentation.js';
import { scrollRegionStart } from './scroll-region.js';

function renderInputs(result: AuditResult): string {
  if (result.inputs.length === 0) return '<p>No input files.</p>';
  const rows = result.inputs.map(
    (input) =>
      `<tr><td>${escapeHtml(input.role)}</td><th scope="row">${escapeHtml(input.path)}</th>` +
      `<td class="num">${formatBytes(input.size)}</td><td><code class="hash">${escapeHtml(input.sha256)}</code></td></tr>`,
  );
  const header =
    '<tr><th scope="col">Role</th><th scope="col">Path</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr>';
  return `${scrollRegionStart('Inputs')}<table class="inputs"><caption>Inputs</caption><thead>${header}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function renderPolicy(result: AuditResult): string {
  const { path, sha256, failOn } = result.policy;
  const source =
    path === null
      ? 'defaults (no policy file)'
      : `${escapeHtml(path)} <code class="hash">sha256 ${escapeHtml(sha256 ?? 'unknown')}</code>`;
  return `<p><strong>Policy:</strong> ${source}; the run fails on ${escapeHtml(failOn === 'warn' ? 'warnings and errors' : 'errors')}.</p>`;
}

/** Run warnings (things the reader should know that are not checks), or nothing when there are none. */
export function renderRunWarnings(result: AuditResult): string {
  if (result.warnings.length === 0) return '';
  const items = result.warnings.map(
    (warning) => `<li>${escapeHtml(warning.message)} <code>${escapeHtml(warning.code)}</code></li>`,
  );
  return `<section class="run-warnings" aria-labelledby="run-warnings-heading"><h2 id="run-warnings-heading">Run warnings</h2><ul>${items.join('')}</ul></section>`;
}

/** The provenance of the report: tool, command, time, every input with its hash, and the policy. */
export function renderRunFooter(result: AuditResult): string {
  return [
    '<footer class="run-details" aria-labelledby="run-details-heading">',
    '<h2 id="run-details-heading">About this run</h2>',
    `<p>Produced by <strong>${escapeHtml(result.tool.name)} ${escapeHtml(result.tool.version)}</strong>, command <code>${escapeHtml(result.command)}</code>, at <time datetime="${escapeHtml(result.createdAt)}">${escapeHtml(result.createdAt)}</time>; result schema ${escapeHtml(result.schemaVersion)}.</p>`,
    renderInputs(result),
    renderPolicy(result),
    '<p class="muted">The full result is embedded in this file as JSON (script element <code>rai-audit-result</code>).</p>',
    '</footer>',
  ].join('\n');
}
