import type { Area, AuditResult, Check, CheckCounts } from '@rai-audit/core';
import { escapeHtml } from '../escape.js';
import {
  AREA_TITLES,
  STATUS_BADGES,
  VERDICT_BADGES,
  describeSubject,
  describeWaiver,
  formatActual,
  formatExpected,
  groupChecks,
} from '../presentation.js';
import type { Badge } from '../presentation.js';
import { scrollRegionStart } from './scroll-region.js';

/** A status badge: its shape and word as well as its colour; the text is escaped. */
export function renderBadge(b: Badge, text: string = b.label): string {
  return `<span class="badge ${b.className}"><span class="icon" aria-hidden="true">${b.icon}</span> ${escapeHtml(text)}</span>`;
}

function countsRow(label: string, counts: CheckCounts): string {
  const figures = [counts.total, counts.fail, counts.warn, counts.error, counts.pass, counts.notApplicable];
  return `<tr><th scope="row">${label}</th>${figures.map((n) => `<td class="num">${n}</td>`).join('')}</tr>`;
}

const COUNT_HEADERS = ['Checks', '✖ Failed', '▲ Warnings', '⊘ Not evaluated', '✔ Passed', '○ Not applicable'];
const WAIVED_HEADER = '◇ Waived';

function countsRowWithWaived(label: string, counts: CheckCounts, withWaived: boolean): string {
  const row = countsRow(label, counts);
  return withWaived ? row.replace('</tr>', `<td class="num">${counts.waived ?? 0}</td></tr>`) : row;
}

/** The verdict first, by shape and word as well as colour, with the check counts per area. */
export function renderVerdictBanner(result: AuditResult): string {
  const verdict = VERDICT_BADGES[result.summary.verdict];
  const areas = (Object.keys(result.summary.areas) as Area[]).sort();
  // The waived column appears only when a waiver applied, so reports without waivers read as before.
  const withWaived = (result.summary.counts.waived ?? 0) > 0;
  const rows = areas.flatMap((area) => {
    const counts = result.summary.areas[area];
    return counts === undefined
      ? []
      : [countsRowWithWaived(escapeHtml(AREA_TITLES[area]), counts, withWaived)];
  });
  const headers = withWaived ? [...COUNT_HEADERS, WAIVED_HEADER] : COUNT_HEADERS;
  const header = headers.map((h) => `<th scope="col">${h}</th>`).join('');
  return [
    `<section class="verdict ${verdict.className}" aria-labelledby="verdict-heading">`,
    `<h2 id="verdict-heading"><span class="verdict-icon" aria-hidden="true">${verdict.icon}</span> Verdict: ${verdict.label}</h2>`,
    `${scrollRegionStart('Checks per area')}<table class="counts"><caption>Checks per area</caption>`,
    `<thead><tr><th scope="col">Area</th>${header}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody><tfoot>${countsRowWithWaived('All areas', result.summary.counts, withWaived)}</tfoot></table></div>`,
    '</section>',
  ].join('\n');
}

function field(term: string, value: string, className = ''): string {
  if (value === '') return '';
  return `<div${className === '' ? '' : ` class="${className}"`}><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

/** One check with everything a reader needs to act on it. */
export function renderCheck(check: Check): string {
  const status = STATUS_BADGES[check.status];
  return [
    `<article class="check ${status.className}">`,
    `<h3>${renderBadge(status)} <span class="check-title">${escapeHtml(check.title)}</span> <code class="check-id">${escapeHtml(check.id)}</code></h3>`,
    '<dl class="check-fields">',
    field('Subject', describeSubject(check.subject) || 'whole run'),
    field('Expected', formatExpected(check.expected), 'pair'),
    field('Actual', formatActual(check), 'pair'),
    field('Level', check.level, 'pair'),
    field('Message', check.message, 'wide'),
    field('Evidence', check.evidence, 'wide'),
    field('Remediation', check.remediation, 'wide'),
    field('Waiver', describeWaiver(check), 'wide'),
    '</dl>',
    '</article>',
  ].join('\n');
}

function checkGroup(
  id: string,
  heading: [icon: string, text: string],
  checks: readonly Check[],
  open: boolean,
): string {
  if (checks.length === 0) return '';
  const [icon, text] = heading;
  return [
    `<details class="check-group ${id}"${open ? ' open' : ''}>`,
    `<summary><h2 id="${id}"><span class="icon" aria-hidden="true">${icon}</span> ${text} <span class="count">(${checks.length})</span></h2></summary>`,
    ...checks.map(renderCheck),
    '</details>',
  ].join('\n');
}

/** Failed checks and warnings open; passed, not-applicable and not-evaluated collapsed. */
export function renderCheckGroups(checks: readonly Check[]): string {
  const groups = groupChecks(checks);
  if (checks.length === 0) return '<p class="muted">The audit ran no checks.</p>';
  return [
    checkGroup('failed-checks', ['✖', 'Failed checks'], groups.failed, true),
    checkGroup('warning-checks', ['▲', 'Warnings'], groups.warnings, true),
    checkGroup('waived-checks', ['◇', 'Waived checks'], groups.waived, true),
    checkGroup('passed-checks', ['✔', 'Passed checks'], groups.passed, false),
    checkGroup('other-checks', ['○', 'Not applicable or not evaluated'], groups.other, false),
  ]
    .filter((html) => html !== '')
    .join('\n');
}
