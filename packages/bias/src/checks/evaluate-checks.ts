import type { BiasSection, Check, GroupMetrics, ResolvedPolicy } from '@rai-audit/core';
import {
  MIN_GROUP_SIZE,
  SUMMARY_CHECKS,
  biasCheckDefinitions,
  disparityCheckId,
} from './check-definitions.js';
import { auditedAttributes } from './check-evidence.js';
import { numberOption, toCheck, type Evaluator } from './check-finding.js';
import { DEFAULT_MIN_GROUP_SIZE, disparityEvaluator } from './disparity-checks.js';
import { DISPARITY_METRIC_IDS, computeDisparities } from '../metrics/disparities.js';
import { chooseReferenceGroups } from '../metrics/reference-groups.js';
import { summaryEvaluator } from './summary-checks.js';

export { formatFigure } from './check-evidence.js';

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
  return [
    {
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
        small.length > 0
          ? `below ${min}: ${list(small)}`
          : `smallest: ${smallest ? list([smallest]) : 'none'}`,
      remediation:
        `Collect more rows for the small groups of ${attribute}, or merge them into a larger group if that is ` +
        'meaningful; until then, read their rates through the width of their intervals.',
    },
  ];
};

const EVALUATORS = new Map<string, Evaluator>([
  ...SUMMARY_CHECKS.map((check): [string, Evaluator] => [check.id, summaryEvaluator(check)]),
  [MIN_GROUP_SIZE, evaluateMinGroupSize],
  ...DISPARITY_METRIC_IDS.map((metric): [string, Evaluator] => [
    disparityCheckId(metric),
    disparityEvaluator(metric),
  ]),
]);

/**
 * The section with disparities: as it is when the audit chose reference groups; otherwise (a section from an
 * older run or a test) against the largest group of each attribute, with the section's tau and minimum group size.
 */
function withDisparities(section: BiasSection): BiasSection {
  if (section.references) return section;
  const references = chooseReferenceGroups(section.groups, auditedAttributes(section), []);
  const settings = {
    tau: section.settings?.tau ?? 0.8,
    minGroupSize: section.settings?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE,
  };
  return { ...section, references, groups: computeDisparities(section.groups, references, settings) };
}

/**
 * Every bias check at the policy's level, for each attribute and intersection (and, for the disparity checks, each
 * group but the reference); checks at level off are left out. Not-applicable covers what cannot be judged for want
 * of data (a small group, a rate the group does not have), error what should have been computable and was not.
 */
export function evaluateBiasChecks(section: BiasSection, policy: ResolvedPolicy): Check[] {
  const judged = withDisparities(section);
  const checks: Check[] = [];
  for (const definition of biasCheckDefinitions) {
    const resolved = policy.checks[definition.id];
    const level = resolved?.level ?? definition.defaultLevel;
    const evaluate = EVALUATORS.get(definition.id);
    if (level === 'off' || !evaluate) continue;
    const options = { ...definition.defaultOptions, ...resolved?.options };
    for (const attribute of auditedAttributes(judged)) {
      for (const finding of evaluate(judged, attribute, options))
        checks.push(toCheck(definition, level, finding));
    }
  }
  return checks;
}
