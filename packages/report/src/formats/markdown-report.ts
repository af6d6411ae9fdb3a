import type { Area, AuditResult, Check, CheckCounts } from '@rai-audit/core';
import { escapeMarkdown } from '../escape.js';
import {
  checksInAssetTables,
  renderMarkdownAssetFailures,
} from '../sections/content-credentials/markdown-asset-failures.js';
import { renderMarkdownSurvivalAndTerms } from '../sections/content-credentials/markdown-survival-and-terms.js';
import { renderMarkdownBiasSummaries } from '../sections/bias/markdown-bias-summaries.js';
import { renderMarkdownModelCard } from '../sections/model-card/markdown-model-card.js';
import { renderMarkdownProvenance } from '../sections/data-provenance/markdown-provenance.js';
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

/** A table cell: user text is escaped, so it can neither break the table nor inject HTML or links. */
function cell(text: string): string {
  return text === '' ? ' ' : escapeMarkdown(text);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function checkRows(checks: readonly Check[]): string[][] {
  return checks.map((check) => {
    const badge = STATUS_BADGES[check.status];
    return [
      `${badge.icon} ${badge.label}`,
      `${cell(check.title)}<br>\`${check.id}\``,
      cell(describeSubject(check.subject)),
      cell(formatActual(check)),
      cell(formatExpected(check.expected)),
      cell(check.message),
    ];
  });
}

const CHECK_HEADER = ['Status', 'Check', 'Subject', 'Actual', 'Expected', 'Message'];

/** Failed and warning checks say what to do about them. */
function attentionRows(checks: readonly Check[]): string[][] {
  const rows = checkRows(checks);
  return rows.map((row, index) => [...row, cell(checks[index]?.remediation ?? '')]);
}

function countsLine(counts: CheckCounts): string {
  const warnings = counts.warn === 1 ? '1 warning' : `${counts.warn} warnings`;
  const waived = counts.waived ? `, ${counts.waived} waived` : '';
  return `${counts.fail} failed, ${warnings}, ${counts.error} not evaluated, ${counts.pass} passed, ${counts.notApplicable} not applicable${waived}`;
}

function areaTable(result: AuditResult): string {
  const areas = (Object.keys(result.summary.areas) as Area[]).sort();
  const rows = areas.flatMap((area) => {
    const counts = result.summary.areas[area];
    if (counts === undefined) return [];
    const figures = [counts.total, counts.fail, counts.warn, counts.error, counts.pass, counts.notApplicable];
    return [[AREA_TITLES[area], ...figures.map(String)]];
  });
  return table(['Area', 'Checks', 'Failed', 'Warnings', 'Not evaluated', 'Passed', 'Not applicable'], rows);
}

function collapsed(summary: string, checks: readonly Check[]): string[] {
  if (checks.length === 0) return [];
  return [
    `<details><summary>${summary} (${checks.length})</summary>`,
    '',
    table(CHECK_HEADER, checkRows(checks)),
    '',
    '</details>',
    '',
  ];
}

/** Markdown for a CI job summary: the verdict, failed and warning checks, counts per area, passed checks collapsed. */
export function renderMarkdownReport(result: AuditResult): string {
  const verdict = VERDICT_BADGES[result.summary.verdict];
  const groups = groupChecks(result.checks);
  // Failures first, then warnings; asset checks are listed once, in their section's asset table below.
  const inAssetTables = checksInAssetTables(result);
  const attention = [...groups.failed, ...groups.warnings].filter((check) => !inAssetTables.has(check));
  const lines = [
    `## ${verdict.icon} rai-audit ${escapeMarkdown(result.command)}: ${verdict.label}`,
    '',
    `${countsLine(result.summary.counts)}. rai-audit ${escapeMarkdown(result.tool.version)}, ${escapeMarkdown(result.createdAt)}.`,
    '',
  ];
  if (attention.length > 0) {
    const header = [...CHECK_HEADER, 'Remediation'];
    lines.push('### Failed checks and warnings', '', table(header, attentionRows(attention)), '');
  }
  if (groups.waived.length > 0) {
    const rows = groups.waived.map((check) => [
      `${STATUS_BADGES.waived.icon} ${cell(check.title)}<br>\`${check.id}\``,
      cell(describeSubject(check.subject)),
      cell(describeWaiver(check)),
    ]);
    lines.push('### Waived checks', '', table(['Check', 'Subject', 'Waiver'], rows), '');
  }
  if (result.warnings.length > 0) {
    lines.push(
      '### Run warnings',
      '',
      ...result.warnings.map((w) => `- ${escapeMarkdown(`${w.message} (${w.code})`)}`),
      '',
    );
  }
  lines.push('### Checks per area', '', areaTable(result), '');
  lines.push(...renderMarkdownBiasSummaries(result));
  lines.push(...renderMarkdownAssetFailures(result));
  lines.push(...renderMarkdownSurvivalAndTerms(result));
  lines.push(...renderMarkdownModelCard(result));
  lines.push(...renderMarkdownProvenance(result));
  lines.push(...collapsed('Passed checks', groups.passed));
  lines.push(...collapsed('Not applicable and not evaluated', groups.other));
  return `${lines.join('\n').trimEnd()}\n`;
}
