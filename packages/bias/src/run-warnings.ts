import type { BiasSection, RunWarning } from '@rai-audit/core';
import type { CountsAuditResult } from './counts/counts-audit.js';

// Beyond this many groups an attribute is more likely an id or a continuous number than a sensitive attribute.
const MANY_GROUPS = 50;

function missingValueWarnings(section: BiasSection): RunWarning[] {
  const dropped = section.settings?.missing === 'drop';
  return section.missing
    .filter(({ rows }) => rows > 0)
    .map(({ attribute, rows }) => ({
      code: 'bias.missing-attribute-values',
      message: dropped
        ? `${rows} of ${section.rows} rows have no value of ${attribute}; they are left out of its groups (--missing drop)`
        : `${rows} of ${section.rows} rows have no value of ${attribute}; they form the group "(missing)"`,
    }));
}

function groupCountWarnings(section: BiasSection): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const attribute of section.columns.attributes) {
    const groups = section.groups.filter((g) => g.attribute === attribute);
    if (groups.length > MANY_GROUPS) {
      warnings.push({
        code: 'bias.many-groups',
        message: `${attribute} has ${groups.length} groups; is it an identifier or a number that should be put into bins?`,
      });
    } else if (groups.length === 1) {
      warnings.push({
        code: 'bias.single-group',
        message: `${attribute} has a single group (${groups[0]?.group ?? ''}); there is nothing to compare it with`,
      });
    }
  }
  return warnings;
}

function constantOutcomeWarnings(section: BiasSection): RunWarning[] {
  const counts = section.overall.counts;
  const labels =
    section.overall.labelCounts ??
    (counts ? { positive: counts.tp + counts.fn, negative: counts.fp + counts.tn } : undefined);
  const warnings: RunWarning[] = [];
  if (labels && (labels.positive === 0 || labels.negative === 0)) {
    warnings.push({
      code: 'bias.constant-label',
      message: `every row has label ${labels.positive === 0 ? 'negative' : 'positive'}; rates that need both labels (TPR, FPR, …) are undefined`,
    });
  }
  if (
    counts &&
    section.mode === 'predictions' &&
    (counts.tp + counts.fp === 0 || counts.tn + counts.fn === 0)
  ) {
    warnings.push({
      code: 'bias.constant-prediction',
      message: `every row is predicted ${counts.tp + counts.fp === 0 ? 'negative' : 'positive'}; precision or NPV are undefined and selection rates cannot differ`,
    });
  }
  return warnings;
}

function scoreWarnings(section: BiasSection): RunWarning[] {
  const warnings: RunWarning[] = [];
  const rule = section.scores?.rule;
  const counts = section.overall.counts;
  if (
    rule?.kind === 'top-k' &&
    counts &&
    counts.tp + counts.fp > rule.k &&
    section.columns.weight === undefined
  ) {
    warnings.push({
      code: 'bias.threshold-ties',
      message: `--top-k ${rule.k}: ${counts.tp + counts.fp} rows score at least the cut-off ${rule.threshold} (ties at the cut-off are all selected)`,
    });
  }
  const skipped = section.scores?.calibration.skipped;
  if (skipped) warnings.push({ code: 'bias.calibration-skipped', message: skipped });
  return warnings;
}

function positiveLabelWarnings(section: BiasSection, outcomes: CountsAuditResult['outcomes']): RunWarning[] {
  const warnings: RunWarning[] = [];
  for (const role of ['label', 'prediction'] as const) {
    const classification = outcomes[role];
    const ignored = classification?.ignoredPositiveLabel;
    if (classification && ignored !== undefined) {
      warnings.push({
        code: 'bias.positive-label-not-found',
        message: `--positive-label ${JSON.stringify(ignored)} is not a value of the ${role} column "${section.columns[role] ?? role}"; "${classification.positiveLabel}" counts as positive there`,
      });
    }
  }
  return warnings;
}

/** Things the user should know about a finished audit that are not checks: missing values, odd columns, ties. */
export function collectRunWarnings(
  section: BiasSection,
  result: Pick<CountsAuditResult, 'outcomes'>,
): RunWarning[] {
  const weighted: RunWarning[] =
    section.columns.weight === undefined
      ? []
      : [
          {
            code: 'bias.weighted-rates',
            message: `rates are weighted by ${section.columns.weight}; weighted sums are not counts of trials, so per-group rates carry no Wilson interval`,
          },
        ];
  return [
    ...missingValueWarnings(section),
    ...groupCountWarnings(section),
    ...constantOutcomeWarnings(section),
    ...scoreWarnings(section),
    ...positiveLabelWarnings(section, result.outcomes),
    ...weighted,
  ];
}
