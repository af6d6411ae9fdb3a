import {
  UsageError,
  closestMatch,
  isFailing,
  isWarning,
  type AuditResult,
  type Check,
} from '@rai-audit/core';
import { REPORT_FILE_NAMES, REPORT_FORMATS, renderReport, type ReportFormat } from '@rai-audit/report';
import { displayPath } from './files.js';
import { writeReportSet } from './report-set.js';
import type { Painter } from './io.js';
import { escapeTerminalValue as shown } from './terminal-text.js';

/** Parses `--format html,json,…`; an unknown name is a usage error with a suggestion. */
export function parseFormats(text: string): ReportFormat[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0)
    throw new UsageError('--format is empty', { hint: `Use any of ${REPORT_FORMATS.join(',')}` });
  const formats: ReportFormat[] = [];
  for (const name of names) {
    const format = name === 'markdown' ? 'md' : name;
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
      const near = closestMatch(name, REPORT_FORMATS);
      throw new UsageError(`unknown report format "${name}" in --format`, {
        hint: `${near ? `Did you mean "${near}"? ` : ''}Formats: ${REPORT_FORMATS.join(', ')}`,
      });
    }
    if (!formats.includes(format as ReportFormat)) formats.push(format as ReportFormat);
  }
  return formats;
}

/**
 * Renders every requested format first, then writes them into `dir` as one set that replaces the previous one
 * (report-set.ts); returns the paths written.
 * `done` hears of each finished step (`render html`, …, `write`), for RAI_AUDIT_TIMINGS.
 */
export async function writeReports(
  result: AuditResult,
  dir: string,
  formats: readonly ReportFormat[],
  done: (step: string) => void = () => undefined,
  artifacts: ReadonlyArray<{ name: string; content: string }> = [],
): Promise<string[]> {
  const files: Array<{ name: string; content: string }> = [...artifacts];
  for (const format of formats) {
    files.push({ name: REPORT_FILE_NAMES[format], content: await renderReport(format, result) });
    done(`render ${format}`);
  }
  const paths = await writeReportSet(dir, files);
  done('write');
  return paths;
}

const VERDICT_TEXT = { pass: 'PASS', 'pass-with-warnings': 'PASS WITH WARNINGS', fail: 'FAIL' } as const;

function statusMark(check: Check, paint: Painter): string {
  if (check.status === 'fail' || check.status === 'error') return paint.red('✖');
  if (check.status === 'warn') return paint.yellow('▲');
  if (check.status === 'waived') return paint.dim('◇');
  return check.status === 'pass' ? paint.green('✔') : paint.dim('○');
}

function describeSubject(check: Check): string {
  const { attribute, group, file, field } = check.subject;
  const parts = [attribute && group ? `${attribute}=${group}` : attribute, file, field].filter(Boolean);
  return parts.length ? ` [${parts.join(', ')}]` : '';
}

/** One line per check: the subject and message are data (group names, file names), escaped within the line. */
function checkLine(check: Check, paint: Painter): string {
  const subject = describeSubject(check);
  const subjectShown = subject && !check.message.includes(subject.slice(2, -1)) ? subject : '';
  return `  ${statusMark(check, paint)} ${shown(check.id)}${shown(subjectShown)}: ${shown(check.message)}`;
}

/** The text printed after an audit: the verdict, each check that did not pass, and where the reports are. */
export function formatRunSummary(
  result: AuditResult,
  paths: readonly string[],
  cwd: string,
  paint: Painter,
): string {
  const { verdict, counts } = result.summary;
  const colour = verdict === 'fail' ? paint.red : verdict === 'pass' ? paint.green : paint.yellow;
  const lines = [
    `${paint.bold(`rai-audit ${result.command}:`)} ${colour(VERDICT_TEXT[verdict])} — ${counts.fail} failed, ${counts.warn} ${counts.warn === 1 ? 'warning' : 'warnings'}, ${counts.error} not evaluated, ${counts.pass} passed, ${counts.notApplicable} not applicable${counts.waived ? `, ${counts.waived} waived` : ''}`,
  ];
  // Failures first, then warnings, then the rest (not evaluated at level warn or off), each in the result's order.
  const rank = (check: Check): number => (isFailing(check) ? 0 : isWarning(check) ? 1 : 2);
  const shownChecks = result.checks
    .filter((check) => check.status !== 'pass' && check.status !== 'not-applicable')
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check) - rank(b.check) || a.index - b.index)
    .map(({ check }) => check);
  for (const check of shownChecks) {
    lines.push(checkLine(check, paint));
  }
  for (const warning of result.warnings) lines.push(`  ${paint.yellow('!')} ${shown(warning.message)}`);
  if (paths.length) lines.push(`Reports: ${paths.map((path) => shown(displayPath(path, cwd))).join(', ')}`);
  return `${lines.join('\n')}\n`;
}
