import type { Area, AuditResult, Check } from '@rai-audit/core';
import { escapeXml, escapeXmlText } from '../escape.js';
import { describeSubject, describeWaiver, formatActual, formatExpected } from '../presentation.js';

type TestcaseOutcome = 'failure' | 'skipped' | 'passed-with-note' | 'passed';

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** How a check maps onto JUnit: level off and not-applicable are skipped; warnings pass with a note. */
function outcomeOf(check: Check): TestcaseOutcome {
  if (check.level === 'off' || check.status === 'not-applicable' || check.status === 'waived')
    return 'skipped';
  if (check.status === 'fail' || (check.status === 'error' && check.level === 'error')) return 'failure';
  if (check.status === 'warn' || check.status === 'error') return 'passed-with-note';
  return 'passed';
}

function testcaseName(check: Check): string {
  const subject = describeSubject(check.subject);
  return subject === '' ? check.title : `${check.title} [${subject}]`;
}

function checkDetails(check: Check): string {
  const lines: [string, string][] = [
    ['status', `${check.status} (level ${check.level})`],
    ['message', check.message],
    ['expected', formatExpected(check.expected)],
    ['actual', formatActual(check)],
    ['evidence', check.evidence],
    ['remediation', check.remediation],
    ['waiver', describeWaiver(check)],
  ];
  return lines.flatMap(([name, value]) => (value === '' ? [] : [`${name}: ${value}`])).join('\n');
}

function skipMessage(check: Check): string {
  if (check.status === 'waived') return `waived ${describeWaiver(check)}`;
  return check.level === 'off' ? 'check is off' : check.message;
}

function attribute(name: string, value: string | number): string {
  return ` ${name}="${escapeXml(String(value))}"`;
}

function renderTestcase(check: Check): string {
  const open = `    <testcase${attribute('classname', check.id)}${attribute('name', testcaseName(check))}`;
  const outcome = outcomeOf(check);
  if (outcome === 'passed') return `${open}/>`;
  const body =
    outcome === 'failure'
      ? `<failure${attribute('message', check.message)}${attribute('type', check.status)}>${escapeXmlText(checkDetails(check))}</failure>`
      : outcome === 'skipped'
        ? `<skipped${attribute('message', skipMessage(check))}/>`
        : `<system-out>${escapeXmlText(`WARNING: ${checkDetails(check)}`)}</system-out>`;
  return `${open}>\n      ${body}\n    </testcase>`;
}

function countSuite(checks: readonly Check[]): SuiteCounts {
  const outcomes = checks.map(outcomeOf);
  return {
    tests: checks.length,
    failures: outcomes.filter((outcome) => outcome === 'failure').length,
    // Checks that could not be evaluated are reported as failures (at level error) or notes, never as JUnit errors.
    errors: 0,
    skipped: outcomes.filter((outcome) => outcome === 'skipped').length,
  };
}

function countAttributes(counts: SuiteCounts): string {
  return `${attribute('tests', counts.tests)}${attribute('failures', counts.failures)}${attribute('errors', counts.errors)}${attribute('skipped', counts.skipped)}`;
}

function checksByArea(checks: readonly Check[]): Map<Area, Check[]> {
  const byArea = new Map<Area, Check[]>();
  for (const check of checks) {
    const list = byArea.get(check.area) ?? [];
    list.push(check);
    byArea.set(check.area, list);
  }
  return new Map([...byArea].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** JUnit XML: one testsuite per area, one testcase per check, counts in attributes, XML 1.0 safe. */
export function renderJunitReport(result: AuditResult): string {
  const suites = [...checksByArea(result.checks)].map(([area, checks]) => {
    const properties = [
      `      <property name="tool" value="${escapeXml(`${result.tool.name} ${result.tool.version}`)}"/>`,
      `      <property name="command" value="${escapeXml(result.command)}"/>`,
    ].join('\n');
    return [
      `  <testsuite${attribute('name', area)}${countAttributes(countSuite(checks))}${attribute('timestamp', result.createdAt)}>`,
      `    <properties>\n${properties}\n    </properties>`,
      ...checks.map(renderTestcase),
      '  </testsuite>',
    ].join('\n');
  });
  const total = countAttributes(countSuite(result.checks));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attribute('name', result.tool.name)}${total}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
