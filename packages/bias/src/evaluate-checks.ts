import type {
  BiasSection,
  BiasSummary,
  BiasSummaryId,
  Check,
  CheckDefinition,
  CheckLevel,
  CheckStatus,
  Expected,
  GroupMetrics,
  ResolvedPolicy,
  Subject,
} from '@rai-audit/core';
import {
  DEMOGRAPHIC_PARITY_DIFFERENCE,
  DEMOGRAPHIC_PARITY_RATIO,
  MIN_GROUP_SIZE,
  biasCheckDefinitions,
} from './check-definitions.js';

/** What one check found for one attribute, before the policy level turns it into a status. */
interface Finding {
  /** true: within the threshold; false: outside it; undefined: the value could not be computed. */
  passed: boolean | undefined;
  expected: Expected;
  actual: number | null;
  subject: Subject;
  message: string;
  evidence: string;
  remediation: string;
}

type Evaluator = (section: BiasSection, attribute: string, options: Record<string, unknown>) => Finding;

/** A rate for messages: at most three decimals, no trailing zeros. */
export function formatFigure(value: number): string {
  return String(Number(value.toFixed(3)));
}

function groupOf(section: BiasSection, attribute: string, group: string): GroupMetrics | undefined {
  return section.groups.find((g) => g.attribute === attribute && g.group === group);
}

function summaryOf(section: BiasSection, attribute: string, id: BiasSummaryId): BiasSummary | undefined {
  return section.summaries.find((s) => s.attribute === attribute && s.summary === id);
}

/** "selection rate 0.62 for sex=male (n=1204) vs 0.41 for sex=female (n=1190)". */
function selectionRateEvidence(section: BiasSection, summary: BiasSummary | undefined): string {
  if (!summary?.highest || !summary.lowest) return summary?.reason ?? 'no selection rates to compare';
  const describe = (entry: { group: string; value: number }): string => {
    const n = groupOf(section, summary.attribute, entry.group)?.n;
    return `${formatFigure(entry.value)} for ${summary.attribute}=${entry.group} (n=${n ?? '?'})`;
  };
  return `selection rate ${describe(summary.highest)} vs ${describe(summary.lowest)}`;
}

function numberOption(options: Record<string, unknown>, key: string, fallback: number): number {
  const value = options[key];
  return typeof value === 'number' ? value : fallback;
}

const evaluateParityRatio: Evaluator = (section, attribute, options) => {
  const min = numberOption(options, 'min', 0.8);
  const summary = summaryOf(section, attribute, 'demographic_parity_ratio');
  const value = summary?.value ?? null;
  const passed = value === null ? undefined : value >= min;
  const lowest = summary?.lowest?.group ?? 'the lowest group';
  return {
    passed,
    expected: { operator: '>=', value: min },
    actual: value,
    subject: { attribute, metric: 'selection_rate' },
    message:
      value === null
        ? `${attribute}: demographic parity ratio is undefined (${summary?.reason ?? 'not computed'})`
        : `${attribute}: demographic parity ratio ${formatFigure(value)} is ${passed ? 'at least' : 'below'} ${min}`,
    evidence: selectionRateEvidence(section, summary),
    remediation:
      `Find out why ${attribute}=${lowest} is selected less often: compare label base rates per group, look for ` +
      `features that stand in for ${attribute}, then retrain, reweigh or recalibrate and audit again.`,
  };
};

const evaluateParityDifference: Evaluator = (section, attribute, options) => {
  const max = numberOption(options, 'max', 0.1);
  const summary = summaryOf(section, attribute, 'demographic_parity_difference');
  const value = summary?.value ?? null;
  const passed = value === null ? undefined : value <= max;
  return {
    passed,
    expected: { operator: '<=', value: max },
    actual: value,
    subject: { attribute, metric: 'selection_rate' },
    message:
      value === null
        ? `${attribute}: demographic parity difference is undefined (${summary?.reason ?? 'not computed'})`
        : `${attribute}: demographic parity difference ${formatFigure(value)} is ${passed ? 'at most' : 'above'} ${max}`,
    evidence: selectionRateEvidence(section, summary),
    remediation:
      `Compare the selection rates of the groups of ${attribute} with their label base rates (prevalence): a gap ` +
      'the base rates do not explain points at the model or at features that stand in for the attribute.',
  };
};

const evaluateMinGroupSize: Evaluator = (section, attribute, options) => {
  const min = numberOption(options, 'min', 30);
  const groups = section.groups.filter((g) => g.attribute === attribute);
  const small = groups.filter((g) => g.n < min);
  const smallest = groups.reduce<GroupMetrics | undefined>(
    (acc, g) => (!acc || g.n < acc.n ? g : acc),
    undefined,
  );
  const passed = smallest === undefined ? undefined : small.length === 0;
  const list = (items: readonly GroupMetrics[]): string =>
    items.map((g) => `${attribute}=${g.group} (n=${g.n})`).join(', ');
  return {
    passed,
    expected: { operator: '>=', value: min },
    actual: smallest?.n ?? null,
    subject:
      smallest && small.length > 0
        ? { attribute, group: smallest.group, metric: 'n' }
        : { attribute, metric: 'n' },
    message:
      smallest === undefined
        ? `${attribute}: no groups`
        : passed
          ? `${attribute}: every group has at least ${min} rows`
          : `${attribute}: ${small.length} group${small.length === 1 ? '' : 's'} with fewer than ${min} rows`,
    evidence:
      small.length > 0 ? `below ${min}: ${list(small)}` : `smallest: ${smallest ? list([smallest]) : 'none'}`,
    remediation:
      `Collect more rows for the small groups of ${attribute}, or merge them into a larger group if that is ` +
      'meaningful; until then, read their rates through the width of their intervals.',
  };
};

const EVALUATORS: Record<string, Evaluator> = {
  [DEMOGRAPHIC_PARITY_RATIO]: evaluateParityRatio,
  [DEMOGRAPHIC_PARITY_DIFFERENCE]: evaluateParityDifference,
  [MIN_GROUP_SIZE]: evaluateMinGroupSize,
};

function statusOf(passed: boolean | undefined, level: CheckLevel): CheckStatus {
  if (passed === undefined) return 'error';
  if (passed) return 'pass';
  return level === 'error' ? 'fail' : 'warn';
}

function toCheck(definition: CheckDefinition, level: CheckLevel, finding: Finding): Check {
  const { passed, ...rest } = finding;
  return {
    id: definition.id,
    area: 'bias',
    title: definition.title,
    level,
    status: statusOf(passed, level),
    ...rest,
  };
}

/** One check per bias check id and attribute, at the policy's level; checks at level off are left out. */
export function evaluateBiasChecks(section: BiasSection, policy: ResolvedPolicy): Check[] {
  const checks: Check[] = [];
  for (const definition of biasCheckDefinitions) {
    const resolved = policy.checks[definition.id];
    const level = resolved?.level ?? definition.defaultLevel;
    const evaluate = EVALUATORS[definition.id];
    if (level === 'off' || !evaluate) continue;
    const options = { ...definition.defaultOptions, ...resolved?.options };
    for (const attribute of section.columns.attributes) {
      checks.push(toCheck(definition, level, evaluate(section, attribute, options)));
    }
  }
  return checks;
}
