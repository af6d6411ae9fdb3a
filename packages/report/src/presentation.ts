import { isFailing, isWarning } from '@rai-audit/core';
import type { Area, Check, CheckStatus, CheckValue, Expected, Subject, Verdict } from '@rai-audit/core';

/**
 * How statuses, verdicts and values read to a person. Every reporter shares these so a check reads the same in
 * HTML, Markdown, JUnit and SARIF. Each status has a distinct shape as well as a word, never colour alone.
 */

export interface Badge {
  readonly icon: string;
  readonly label: string;
  readonly className: string;
}

export const STATUS_BADGES: Readonly<Record<CheckStatus, Badge>> = {
  fail: { icon: '✖', label: 'Fail', className: 'fail' },
  warn: { icon: '▲', label: 'Warning', className: 'warn' },
  error: { icon: '⊘', label: 'Not evaluated', className: 'error' },
  pass: { icon: '✔', label: 'Pass', className: 'pass' },
  'not-applicable': { icon: '○', label: 'Not applicable', className: 'na' },
  waived: { icon: '◇', label: 'Waived', className: 'waived' },
};

export const VERDICT_BADGES: Readonly<Record<Verdict, Badge>> = {
  pass: { icon: '✔', label: 'PASS', className: 'pass' },
  'pass-with-warnings': { icon: '▲', label: 'PASS WITH WARNINGS', className: 'warn' },
  fail: { icon: '✖', label: 'FAIL', className: 'fail' },
};

export const AREA_TITLES: Readonly<Record<Area, string>> = {
  bias: 'Bias',
  'model-card': 'Model card',
  'data-provenance': 'Data provenance',
  'content-credentials': 'Content credentials',
};

/** Checks split the way a reader triages them: what fails the run, what warns, what passed, and the rest. */
export interface CheckGroups {
  readonly failed: readonly Check[];
  readonly warnings: readonly Check[];
  readonly passed: readonly Check[];
  /** Did not pass, accepted by an unexpired waiver. */
  readonly waived: readonly Check[];
  /** Not applicable, or not evaluated at level off: nothing to act on. */
  readonly other: readonly Check[];
}

/** Splits checks into failed, warnings, passed and other, keeping the order of the result. */
export function groupChecks(checks: readonly Check[]): CheckGroups {
  return {
    failed: checks.filter(isFailing),
    warnings: checks.filter(isWarning),
    passed: checks.filter((check) => check.status === 'pass'),
    waived: checks.filter((check) => check.status === 'waived'),
    other: checks.filter(
      (check) =>
        !isFailing(check) && !isWarning(check) && check.status !== 'pass' && check.status !== 'waived',
    ),
  };
}

/** A number with at most four significant digits and no trailing zeros; non-finite numbers read "undefined". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'undefined';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(4)));
}

/** A share as a percentage with one decimal; a share too small to show reads `<0.1%`, never a misleading `0.0%`. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return 'undefined';
  if (share > 0 && share < 0.0005) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

/** A rate with three decimals, the precision the report tables use. */
export function formatRate(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : 'undefined';
}

/**
 * A check value as text; null means the value could not be computed and reads "undefined". Numbers follow the
 * rule of the checks' messages (three decimals, no trailing zeros; three significant digits below 0.001), so the
 * actual value reads the same as the message beside it.
 */
export function formatCheckValue(value: CheckValue): string {
  if (Array.isArray(value)) return `[${value.map(formatCheckValue).join(', ')}]`;
  if (value === null) return 'undefined';
  if (typeof value === 'number') return formatFigure(value);
  return String(value);
}

/** A number as the checks' messages write it: `0.345`, `0.8`, `12`, `1.23e-5`. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return 'undefined';
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) < 0.001) return String(Number(value.toPrecision(3)));
  return String(Number(value.toFixed(3)));
}

/**
 * A check's actual value as text. A null where no number is expected (a rule that wants something present, a
 * watermark in a list) is an absence and reads "none", never a raw "undefined".
 */
export function formatActual(check: Pick<Check, 'actual' | 'expected'>): string {
  if (check.actual !== null) return formatCheckValue(check.actual);
  // A missing number is a rate or ratio without a denominator: "undefined", as everywhere in the report.
  const expected = check.expected?.value;
  const numeric =
    typeof expected === 'number' || (Array.isArray(expected) && typeof expected[0] === 'number');
  return numeric ? 'undefined' : 'none';
}

/** Operators as the report writes them everywhere, in captions and check fields alike. */
const OPERATOR_TEXT: Readonly<Partial<Record<Expected['operator'], string>>> = {
  '>=': '≥',
  '<=': '≤',
  '!=': '≠',
  '==': '=',
};

/** The expected value with its operator, e.g. `≥ 0.8` or `between 0.8 and 1.25`. */
export function formatExpected(expected: Expected | null): string {
  if (expected === null) return 'none';
  const { operator, value } = expected;
  if (operator === 'present') return 'present';
  if (operator === 'between' && Array.isArray(value) && value.length === 2) {
    return `between ${formatCheckValue(value[0] ?? null)} and ${formatCheckValue(value[1] ?? null)}`;
  }
  return `${OPERATOR_TEXT[operator] ?? operator} ${formatCheckValue(value)}`;
}

const SUBJECT_KEYS = ['attribute', 'group', 'metric', 'file', 'field'] as const;

/** The subject as `attribute: sex, group: F`, in a fixed key order; empty when the check has no subject. */
export function describeSubject(subject: Subject): string {
  return SUBJECT_KEYS.flatMap((key) => (subject[key] === undefined ? [] : [`${key}: ${subject[key]}`])).join(
    ', ',
  );
}

/** The waiver of a waived check in one line: `until 2026-06-30 by ml-team (was fail): reason`; '' otherwise. */
export function describeWaiver(check: Check): string {
  const waiver = check.waiver;
  if (waiver === undefined) return '';
  return `until ${waiver.expires} by ${waiver.owner} (was ${waiver.status}): ${waiver.reason}`;
}

/** A byte count with thousands separators, independent of the machine's locale. */
export function formatBytes(size: number): string {
  const grouped = String(size).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return size === 1 ? '1 byte' : `${grouped} bytes`;
}
